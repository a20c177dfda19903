import type { StepProps } from './types.ts';

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Step 1: which file this is and how it was read. */
export function FileStep({ s, file }: StepProps & { file: File }) {
  const p = s.preview;
  return (
    <div className="step-body">
      <dl className="facts">
        <dt>File</dt>
        <dd>{file.name}</dd>
        <dt>Size</dt>
        <dd>{size(file.size)}</dd>
        {p && (
          <>
            <dt>Type</dt>
            <dd>
              {p.summary.format.toUpperCase()}
              {p.summary.encoding ? ` · ${p.summary.encoding}` : ''}
              {p.summary.sheets && p.summary.sheets.length > 1 ? ` · ${p.summary.sheets.length} sheets` : ''}
            </dd>
            <dt>Columns</dt>
            <dd>{p.summary.columns.toLocaleString('en-GB')}</dd>
          </>
        )}
      </dl>
      {s.reading && <p role="status">Reading the first rows…</p>}
      {p?.summary.notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
      {p && <p className="hint">Nothing leaves this computer: the file is read here, in this browser.</p>}
    </div>
  );
}
