export interface ChartValuesColumn {
  label: string;
  /** Right-aligned (className "num"); numbers in it are written with thousands separators. */
  numeric?: boolean;
}

export interface ChartValuesProps {
  /** The words that open the table; "The numbers in this chart" unless given. */
  summary?: string;
  /** Said above the table when the chart's numbers need explaining (units, what a dash means). */
  caption?: string;
  columns: readonly ChartValuesColumn[];
  /** One array per row, in column order; the first cell names the row. Numbers are written the en-GB way (1,295). */
  rows: readonly (readonly (string | number)[])[];
}

const cellText = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-GB') : v);

/**
 * A chart's numbers as a table, folded away under the chart, so that screen
 * reader and keyboard users (and anyone wanting exact figures) get what the
 * drawing shows. Wide tables scroll sideways rather than squeezing the panel.
 */
export function ChartValues({ summary = 'The numbers in this chart', caption, columns, rows }: ChartValuesProps) {
  return (
    <details className="chart-values">
      <summary>{summary}</summary>
      <div style={{ overflowX: 'auto' }}>
        <table className="data-table">
          {caption && <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c, j) => (
                <th key={j} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" className={columns[j]?.numeric ? 'num' : undefined} style={{ fontWeight: 'normal' }}>
                      {cellText(v)}
                    </th>
                  ) : (
                    <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>
                      {cellText(v)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
