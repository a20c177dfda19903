import type { ColumnInfo, TableRow } from '../../analysis/compareTable.ts';

/** Rows = measures, columns = areas; each measure's source line sits beneath its name. */
export function CompareTable({ columns, rows }: { columns: readonly ColumnInfo[]; rows: readonly TableRow[] }) {
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <div className="table-scroll" tabIndex={0} aria-label="Comparison table (scrolls sideways)">
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">The areas compared, their authority and England, measure by measure</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map((c) => (
              <th key={c.code} scope="col" className="num" data-code={c.code}>
                {c.name}
                {c.reference && <span className="reference-note"> (for reference)</span>}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={columns.length + 1}>
                {g}
              </th>
            </tr>
            {rows
              .filter((r) => r.group === g)
              .map((r) => (
                <tr key={r.id} data-row={r.id}>
                  <th scope="row">
                    {r.label}
                    <small className="source">Source: {r.source}</small>
                  </th>
                  {r.cells.map((cell, i) => (
                    <td key={columns[i]?.code ?? i} className={cell.value !== null ? 'num' : undefined}>
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
