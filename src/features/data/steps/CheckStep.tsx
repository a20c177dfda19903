import type { ImportChoices } from '../../../ingest/importProtocol.ts';
import { KIND_LABELS } from '../fieldLabels.ts';
import { ImportReportView } from '../ImportReportView.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import type { StepProps } from './types.ts';
import { UNCHANGED, REJECT } from './wizard.ts';

export interface CheckStepProps extends StepProps {
  file: File;
  onStart(): void;
  onCancel(): void;
  others: number;
  onImportOthers(choices: ImportChoices): void;
  onClose(): void;
}

const n = (v: number) => v.toLocaleString('en-GB');

/** Step 6: what will happen, then the import itself (progress, Cancel) and its row-by-row report. */
export function CheckStep({ s, file, onStart, onCancel, others, onImportOthers, onClose }: CheckStepProps) {
  const p = s.preview;
  if (!p || !s.kind) return null;
  const run = s.run;
  const mapped = Object.entries(s.mapping).filter(([k, v]) => k !== 'issueColumns' && typeof v === 'string' && v !== '').length;
  const decided = Object.values(s.decisions).filter((d) => d !== UNCHANGED);
  if (run.phase === 'done') {
    return (
      <div className="step-body">
        <ImportReportView report={run.outcome.report} note={run.note} />
        <div className="buttons">
          {others > 0 && (
            <button type="button" onClick={() => onImportOthers(run.choices)} data-testid="import-others">
              Import the other {others} {others === 1 ? 'file' : 'files'} with the same choices
            </button>
          )}
          <button type="button" className={others > 0 ? 'secondary' : undefined} onClick={onClose} data-testid="import-close">
            {others > 0 ? 'Next file' : 'Done'}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="step-body">
      <dl className="facts" data-testid="import-check">
        <dt>File</dt>
        <dd>{file.name}</dd>
        {(s.sheet ?? p.summary.sheet) && (
          <>
            <dt>Sheet</dt>
            <dd>{s.sheet ?? p.summary.sheet}</dd>
          </>
        )}
        {p.summary.format !== 'geojson' && p.summary.format !== 'parquet' && (
          <>
            <dt>Header</dt>
            <dd>Row {p.headerRow}{p.headerRow > 1 ? `; rows 1–${p.headerRow - 1} skipped` : ''}</dd>
          </>
        )}
        <dt>Holds</dt>
        <dd>{KIND_LABELS[s.kind]}</dd>
        <dt>Columns</dt>
        <dd>{n(mapped)} mapped{s.swap ? '; latitude and longitude swapped back' : ''}; dates read in {s.dateOrder === 'dmy' ? 'UK' : 'US'} order</dd>
        {s.profiling.phase === 'ready' && (
          <>
            <dt>Values</dt>
            <dd>
              {n(decided.length)} groups decided ({n(decided.filter((d) => d === REJECT).length)} left out)
              {s.keepImpossibleDatesUndated ? '; impossible dates kept, undated' : ''}
            </dd>
          </>
        )}
      </dl>
      <PreviewTable chunk={p.chunk} caption="First rows of the file" />
      {run.phase === 'failed' && (
        <p className="problem" role="alert" data-testid="import-error">
          {run.message}
        </p>
      )}
      {/* Kept in place, never `disabled`, while importing: focus stays on it, and a second press does nothing (ImportDialog).
          The progress and its Cancel appear below it, so nothing new moves under the pointer of a double click. */}
      <div className="buttons">
        <button type="button" onClick={onStart} aria-disabled={run.phase === 'importing'} data-testid="import-start">
          {run.phase === 'failed' ? 'Try the import again' : `Import ${file.name}`}
        </button>
      </div>
      {run.phase === 'importing' ? (
        <div className="progress" data-testid="import-progress">
          <label>
            {run.stage}… {Math.round(run.fraction * 100)}%
            <progress max={1} value={run.fraction} />
          </label>
          <button type="button" className="secondary" onClick={onCancel} data-testid="import-cancel">
            Cancel import
          </button>
        </div>
      ) : (
        <p className="hint">Every row that passes is kept; every row changed or left out is listed in the report with its row number and the reason.</p>
      )}
    </div>
  );
}
