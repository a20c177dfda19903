import { FileChooser } from '../../ui/FileChooser.tsx';
import { useEffect, useRef, useState } from 'react';
import { useEvidence, useImportQueue } from '../../session/handles.tsx';
import { SAMPLE_LABEL, type DatasetMeta } from '../../ingest/schemas.ts';
import { KIND_LABELS } from './fieldLabels.ts';
import { QuietImportResults } from './QuietImportResults.tsx';
import { UNDO_MS, useUndoableRemove, type Removal } from './useUndoableRemove.ts';
import { ProjectFileSection } from '../project/ProjectFileSection.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The person's own data: add files (drop or pick), try the sample, see and remove what is loaded. */
export function DataPanel() {
  const evidence = useEvidence();
  const { openFiles: onFiles, loadSample, busy, message, batch } = useImportQueue();
  const onSample = () => void loadSample();
  const [over, setOver] = useState(false);
  const removing = useUndoableRemove(evidence);
  return (
    <section className="data-panel" aria-labelledby="data-heading" data-testid="data-panel">
      <h2 id="data-heading">Your data</h2>
      <p className="hint">
        Survey responses, street-rep visits and police.uk crime files stay on this computer: they are read here and kept in this
        browser’s storage, never uploaded.
      </p>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
        }}
      >
        <p>Drop CSV, TSV, Excel (.xlsx), GeoJSON or Parquet files here (several police.uk months at once is fine), or</p>
        <FileChooser multiple accept=".csv,.tsv,.txt,.xlsx,.xls,.geojson,.json,.parquet" inputTestId="file-input" onFiles={onFiles}>
          Choose files…
        </FileChooser>
      </div>
      <p>
        <button type="button" onClick={onSample} disabled={busy !== null} data-testid="try-sample">
          Try with sample data
        </button>{' '}
        <span className="hint">Loads an invented survey and street-rep visits, labelled “{SAMPLE_LABEL}”.</span>
      </p>
      {busy && (
        <p role="status" data-testid="quiet-import">
          {busy}
        </p>
      )}
      {!busy && message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
      {!busy && batch && <QuietImportResults batch={batch} />}
      {evidence.problem && (
        <p className="problem" role="alert">
          {evidence.problem}
        </p>
      )}
      {!evidence.restored && <p role="status">Restoring data saved in this browser…</p>}
      {evidence.restored && evidence.datasets.length === 0 && <p data-testid="no-datasets">No data of your own is loaded yet.</p>}
      {removing.removal && (
        <RemovalBar removal={removing.removal} onUndo={() => void removing.undo()} onConfirm={() => void removing.confirm()} onDismiss={removing.dismiss} />
      )}
      {evidence.datasets.length > 0 && <DatasetTable datasets={evidence.datasets} onRemove={(meta) => void removing.remove(meta)} />}
      <ProjectFileSection />
    </section>
  );
}

/** After Remove: "Removed 'x.csv'. Undo" for a while (focus moves to Undo, as the row it was on has gone), or a confirmation. */
function RemovalBar({ removal, onUndo, onConfirm, onDismiss }: { removal: Removal; onUndo(): void; onConfirm(): void; onDismiss(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [removal.phase, removal.meta.id]);
  const name = removal.meta.fileName;
  return (
    <div className="undo-bar" data-testid="remove-bar">
      {removal.phase === 'undoable' && (
        <>
          <p role="status">Removed ‘{name}’.</p>
          <button type="button" ref={first} onClick={onUndo} data-testid="remove-undo">
            Undo<span className="visually-hidden"> removing {name}</span>
          </button>
          <span className="hint">(for {UNDO_MS / 1000} seconds)</span>
        </>
      )}
      {removal.phase === 'restoring' && <p role="status">Putting ‘{name}’ back…</p>}
      {removal.phase === 'confirm' && (
        <>
          <p role="alert">‘{name}’ is not saved in this browser, so removing it cannot be undone. Remove it?</p>
          <button type="button" ref={first} onClick={onConfirm} data-testid="remove-confirm">
            Yes, remove it
          </button>
          <button type="button" onClick={onDismiss}>
            No, keep it
          </button>
        </>
      )}
      {removal.phase === 'failed' && (
        <>
          <p role="alert">‘{name}’ could not be put back: {removal.message}</p>
          <button type="button" ref={first} onClick={onDismiss}>
            Close
          </button>
        </>
      )}
    </div>
  );
}

function DatasetTable({ datasets, onRemove }: { datasets: DatasetMeta[]; onRemove(meta: DatasetMeta): void }) {
  return (
    <table className="datasets" data-testid="datasets">
      <caption>Loaded data</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">What</th>
          <th scope="col">Rows</th>
          <th scope="col">Loaded</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id}>
            <td>
              {d.fileName}
              {d.synthetic && <span className="sample-badge"> {SAMPLE_LABEL}</span>}
            </td>
            <td>{KIND_LABELS[d.kind]}</td>
            <td className="num" data-label="Rows">
              {d.rows.toLocaleString('en-GB')}
            </td>
            <td data-label="Loaded">{when(d.loadedAt)}</td>
            <td>
              <button type="button" onClick={() => onRemove(d)} aria-label={`Remove ${d.fileName}`}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
