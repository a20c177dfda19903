import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportClient, ImportOutcome } from '../../ingest/importClient.ts';
import { ImportFailed, newDatasetId } from '../../ingest/importClient.ts';
import type { ImportChoices, PreviewResult } from '../../ingest/importProtocol.ts';
import { FIELDS, type DatasetKind } from '../../ingest/schemas.ts';
import type { Mapping, MappableField } from '../../ingest/map/guessMapping.ts';
import { validateMapping } from '../../ingest/map/validateMapping.ts';
import { swapWarningFor } from '../../ingest/swapCheck.ts';
import { previewFile } from '../../ingest/read/readFile.ts';
import { parseVenueList, type VenueList } from '../../ingest/venueList.ts';
import { FIELD_LABELS, KIND_LABELS } from './fieldLabels.ts';
import { ImportReportView } from './ImportReportView.tsx';

export interface ImportDialogProps {
  file: File;
  client: ImportClient;
  /** Store the imported dataset; resolves once it is queryable. */
  onImported(outcome: ImportOutcome): Promise<string | null>;
  /** Files chosen with this one, still waiting. */
  others: number;
  /** Import the waiting files with the same choices (offered once this one is in). */
  onImportOthers(choices: ImportChoices): void;
  onClose(): void;
}

type Stage =
  | { step: 'reading' }
  | { step: 'mapping'; preview: PreviewResult }
  | { step: 'importing'; preview: PreviewResult; stage: string; fraction: number; cancel(): void }
  | { step: 'done'; outcome: ImportOutcome; note: string | null; choices: ImportChoices }
  | { step: 'failed'; message: string; preview: PreviewResult | null };

/** Check a file, let the person correct the guessed columns, import it, and show what was rejected or changed. */
export function ImportDialog({ file, client, onImported, others, onImportOthers, onClose }: ImportDialogProps) {
  const [stage, setStage] = useState<Stage>({ step: 'reading' });
  const [kind, setKind] = useState<DatasetKind | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [swap, setSwap] = useState(false);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy'>('dmy');
  const [venues, setVenues] = useState<VenueList | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves to the heading when the dialog opens and when the import has ended (report or
  // problem to read); not on every step in between, which would pull a keyboard user around.
  const ended = stage.step === 'done' || stage.step === 'failed';
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (ended) heading.current?.focus();
  }, [ended]);

  // Preview (again when the person says the file is a different kind).
  useEffect(() => {
    let live = true;
    setStage({ step: 'reading' });
    client
      .preview(file, kind ?? undefined)
      .then((preview) => {
        if (!live) return;
        setMapping(preview.guess.mapping);
        if (!kind) setKind(preview.guess.kind);
        setSwap(preview.swapWarning !== null);
        setStage({ step: 'mapping', preview });
      })
      .catch((e: unknown) => live && setStage({ step: 'failed', message: e instanceof Error ? e.message : String(e), preview: null }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-preview only when the file or the chosen kind changes
  }, [file, kind]);

  const preview = stage.step === 'mapping' || stage.step === 'importing' ? stage.preview : stage.step === 'failed' ? stage.preview : null;
  const problems = useMemo(() => {
    if (!preview || !kind) return [];
    const p = validateMapping(kind, mapping, preview.chunk.header, preview.chunk.rows);
    if (mapping.venue && !mapping.lat && !mapping.easting && !mapping.lsoa_code && !mapping.ward_code && !venues?.venues.length) {
      p.push('Responses are placed by venue only: add a venue list (Venue, Latitude, Longitude) below.');
    }
    return p;
  }, [preview, kind, mapping, venues]);
  const swapWarning = useMemo(() => (preview ? swapWarningFor(mapping, preview.chunk) : null), [preview, mapping]);

  const start = () => {
    if (!preview || !kind) return;
    const choices: ImportChoices = { kind, mapping, swapLatLon: swap, dateOrder, venues: venues?.venues };
    const meta = { id: newDatasetId(), kind, fileName: file.name, rows: 0, loadedAt: new Date().toISOString(), synthetic: false };
    const job = client.import(file, choices, meta, (s, fraction) =>
      setStage((old) => (old.step === 'importing' ? { ...old, stage: s, fraction } : old)),
    );
    setStage({ step: 'importing', preview, stage: 'Starting', fraction: 0, cancel: job.cancel });
    job.done
      .then(async (outcome) => setStage({ step: 'done', outcome, note: await onImported(outcome), choices }))
      .catch((e: unknown) =>
        setStage({ step: 'failed', message: e instanceof ImportFailed || e instanceof Error ? e.message : String(e), preview }),
      );
  };

  const loadVenues = async (f: File | undefined) => {
    if (!f) return;
    try {
      setVenues(parseVenueList((await previewFile(f, 5000)).chunk));
    } catch (e) {
      setVenues({ venues: [], problems: [e instanceof Error ? e.message : String(e)] });
    }
  };

  const header = preview?.chunk.header ?? [];
  const fields: readonly MappableField[] = kind ? FIELDS[kind] : [];
  return (
    <section className="import-dialog" aria-labelledby="import-heading" data-testid="import-dialog">
      <h2 id="import-heading" ref={heading} tabIndex={-1}>
        Import {file.name}
      </h2>
      {stage.step === 'reading' && <p role="status">Reading the first rows…</p>}
      {stage.step === 'failed' && (
        <p className="problem" role="alert" data-testid="import-error">
          {stage.message}
        </p>
      )}
      {stage.step === 'failed' && !stage.preview && (
        <button type="button" onClick={onClose} data-testid="import-close">
          Close
        </button>
      )}
      {preview && kind && (stage.step === 'mapping' || stage.step === 'failed') && (
        <>
          <p className="hint">
            {preview.summary.dataRows > 0 ? `${preview.chunk.rows.length.toLocaleString('en-GB')} rows shown` : 'No rows'} ·{' '}
            {preview.summary.format.toUpperCase()}
            {preview.summary.encoding ? ` · ${preview.summary.encoding}` : ''}
          </p>
          {preview.summary.notes.map((n) => (
            <p key={n} className="note">
              {n}
            </p>
          ))}
          <label>
            This file holds{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as DatasetKind)} data-testid="import-kind">
              {(Object.keys(KIND_LABELS) as DatasetKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="mapping">
            <legend>Which column holds what? (guessed — correct anything that is wrong)</legend>
            {preview.guess.notes.map((n) => (
              <p key={n} className="note">
                {n}
              </p>
            ))}
            {fields.map((f) => (
              <label key={f}>
                {FIELD_LABELS[f] ?? f}
                <select
                  value={mapping[f] ?? ''}
                  data-testid={`map-${f}`}
                  onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value || undefined }))}
                >
                  <option value="">(not in this file)</option>
                  {header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {mapping.issueColumns && Object.keys(mapping.issueColumns).length > 0 && (
              <p className="note">
                Grades read from {Object.keys(mapping.issueColumns).length} issue columns:{' '}
                {Object.entries(mapping.issueColumns)
                  .map(([col, issue]) => (col === issue ? col : `${col} → ${issue}`))
                  .join('; ')}
                .
              </p>
            )}
          </fieldset>
          {swapWarning && (
            <label className="problem">
              <input type="checkbox" checked={swap} onChange={(e) => setSwap(e.target.checked)} data-testid="swap-latlon" /> {swapWarning} Swap
              them back when importing.
            </label>
          )}
          <label>
            Dates like 03/04/2025 mean{' '}
            <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as 'dmy' | 'mdy')}>
              <option value="dmy">3 April (UK order)</option>
              <option value="mdy">March 4 (US order)</option>
            </select>
          </label>
          {kind === 'survey' && (
            <label>
              Venue list (optional: Venue, Latitude, Longitude){' '}
              <input type="file" accept=".csv,.tsv,.txt,.xlsx" onChange={(e) => void loadVenues(e.target.files?.[0])} data-testid="venue-file" />
            </label>
          )}
          {venues && (
            <p className="note">
              {venues.venues.length} venues read. {venues.problems.join(' ')}
            </p>
          )}
          <PreviewTable preview={preview} />
          {problems.length > 0 && (
            <ul className="problem" role="alert" data-testid="mapping-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="buttons">
            <button type="button" onClick={start} disabled={problems.length > 0} data-testid="import-start">
              Import {file.name}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
      {stage.step === 'importing' && (
        <div className="progress" data-testid="import-progress">
          <label>
            {stage.stage}… {Math.round(stage.fraction * 100)}%
            <progress max={1} value={stage.fraction} />
          </label>
          <button type="button" onClick={stage.cancel} data-testid="import-cancel">
            Cancel import
          </button>
        </div>
      )}
      {stage.step === 'done' && (
        <>
          <ImportReportView report={stage.outcome.report} note={stage.note} />
          <div className="buttons">
            {others > 0 && (
              <button type="button" onClick={() => onImportOthers(stage.choices)} data-testid="import-others">
                Import the other {others} {others === 1 ? 'file' : 'files'} the same way
              </button>
            )}
            <button type="button" onClick={onClose} data-testid="import-close">
              {others > 0 ? 'Next file' : 'Done'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function PreviewTable({ preview }: { preview: PreviewResult }) {
  const rows = preview.chunk.rows.slice(0, 5);
  return (
    <div className="preview-scroll">
      <table className="preview" data-testid="import-preview">
        <caption>First rows of the file</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {preview.chunk.header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{preview.chunk.firstRow + i}</th>
              {preview.chunk.header.map((h, c) => (
                <td key={h}>{r[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
