import type { RawChunk } from '../../../ingest/read/types.ts';

/**
 * The first rows as read, with the spreadsheet's own row numbers. The box
 * scrolls sideways for wide files, so it is a focusable region a keyboard
 * user can scroll with the arrow keys.
 */
export function PreviewTable({ chunk, caption, rows = 5 }: { chunk: RawChunk; caption: string; rows?: number }) {
  const shown = chunk.rows.slice(0, rows);
  return (
    <div className="preview-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="preview" data-testid="import-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {chunk.header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              <th scope="row">{chunk.firstRow + i}</th>
              {chunk.header.map((h, c) => (
                <td key={h}>{r[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
