import { exportStem, type ExportTable } from '../export/exportTable.ts';
import { TableDownloads } from '../ui/TableDownloads.tsx';

/** What the table's downloads say about it, from the panel that shows the chart. */
export interface ChartValuesAbout {
  /** The table's title in the file ("Crimes by month in Leicester"). */
  title: string;
  description?: string;
  /** The place or area, on the cover sheet and in the file name. */
  place?: string;
  sources: readonly string[];
  notes?: readonly string[];
  sample?: boolean;
  /** For the file name: "crimes-by-month" → ward-insight-crimes-by-month-<place>-<date>. */
  kind: string;
}

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
  /** For "Download table: CSV · Excel"; without it the file is titled by the caption and names no source. */
  about?: ChartValuesAbout;
  /** The file, when it should hold more than the cells shown (numbers a cell writes as text, such as "38% (31–45%)"). */
  exportTable?: () => ExportTable;
}

/** The table as a file: the same cells (numbers as numbers) under the same headings. */
export function chartValuesTable({ summary = 'The numbers in this chart', caption, columns, rows, about }: ChartValuesProps): ExportTable {
  const title = about?.title ?? caption ?? summary;
  return {
    title,
    description: about?.description ?? `The numbers drawn in the chart “${title}”, as a table.${caption && caption !== title ? ` ${caption}` : ''}`,
    place: about?.place,
    columns,
    rows,
    sources: about?.sources ?? [],
    notes: about?.notes ?? [],
    sample: about?.sample,
    fileStem: exportStem(about?.kind ?? 'chart-values', about?.place),
  };
}

const cellText = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-GB') : v);

/**
 * A chart's numbers as a table, folded away under the chart, so that screen
 * reader and keyboard users (and anyone wanting exact figures) get what the
 * drawing shows. Wide tables scroll sideways rather than squeezing the panel.
 */
export function ChartValues(props: ChartValuesProps) {
  const { summary = 'The numbers in this chart', caption, columns, rows, about, exportTable } = props;
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
      <TableDownloads table={exportTable ?? (() => chartValuesTable(props))} name={`the table of “${about?.title ?? caption ?? summary}”`} testId="chart-values-download" />
    </details>
  );
}
