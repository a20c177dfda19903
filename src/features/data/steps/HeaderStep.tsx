import { HEADER_ROW_ID } from './errors.ts';
import { FieldErrorMessage } from './ErrorSummary.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import type { StepProps } from './types.ts';

/** A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let out = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Wide files: show this many columns of each top row (the rest are named in a note). */
const MAX_COLUMNS = 30;

/**
 * Step 2: the sheet, and which row names the columns. Workbooks often have a
 * title, notes or a logo row above the real header; the reader scores the first
 * rows and picks one, and the person can pick another. Row numbers are the
 * spreadsheet's own.
 */
export function HeaderStep({ s, dispatch, errors }: StepProps) {
  const p = s.preview;
  if (!p) return null;
  const sheets = p.summary.sheets ?? [];
  const chosen = s.headerRow ?? p.headerRow;
  const suggested = p.headerCandidates[0]?.row;
  const top = [...p.headerCandidates].sort((a, b) => a.row - b.row);
  const width = Math.min(MAX_COLUMNS, Math.max(1, ...top.map((c) => c.cells.length)));
  const hidden = Math.max(...top.map((c) => c.cells.length), 0) - width;
  return (
    <div className="step-body">
      {sheets.length > 1 && (
        <div className="field">
          <label htmlFor="import-sheet">Sheet</label>
          <select id="import-sheet" value={s.sheet ?? p.summary.sheet ?? sheets[0]} onChange={(e) => dispatch({ type: 'sheet', sheet: e.target.value })} data-testid="import-sheet">
            {sheets.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="header-rows">
        <legend>Which row names the columns?</legend>
        <p className="hint">
          {suggested !== undefined ? `Row ${suggested} looks like the header` : 'Choose the header row'}
          {chosen !== suggested ? `; you chose row ${chosen}` : ''}. Rows above the header are skipped; every message keeps these row numbers.
        </p>
        <FieldErrorMessage id={HEADER_ROW_ID} errors={errors} />
        <div className="preview-scroll" tabIndex={0} role="region" aria-label="The first rows of the file">
          <table className="preview header-pick" data-testid="header-rows">
            <caption>The first rows of the file</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {Array.from({ length: width }, (_, i) => (
                  <th key={i} scope="col">
                    <span className="visually-hidden">Column </span>
                    {columnLetter(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top.map((c) => (
                <tr key={c.row} className={c.row === chosen ? 'header-row' : c.row < chosen ? 'skipped' : ''} data-row={c.row}>
                  <th scope="row">
                    <label className="row-pick">
                      <input
                        type="radio"
                        name="import-header-row"
                        id={c.row === chosen ? HEADER_ROW_ID : undefined}
                        checked={c.row === chosen}
                        disabled={s.reading}
                        onChange={() => dispatch({ type: 'headerRow', row: c.row })}
                        data-testid={`header-row-${c.row}`}
                      />
                      Row {c.row}
                      {c.row === suggested && <span className="tag">suggested</span>}
                      {c.row === chosen && <span className="visually-hidden"> (the header)</span>}
                      {c.row < chosen && <span className="hint"> skipped</span>}
                    </label>
                  </th>
                  {Array.from({ length: width }, (_, i) => (
                    <td key={i}>{c.cells[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {hidden > 0 && <p className="note">The rows go on for {hidden.toLocaleString('en-GB')} more columns, not shown here.</p>}
      </fieldset>
      {s.reading ? (
        <p role="status">Reading the rows again with row {chosen} as the header…</p>
      ) : (
        <PreviewTable chunk={p.chunk} caption={`The rows under row ${p.headerRow}, read with it as the header`} rows={3} />
      )}
    </div>
  );
}
