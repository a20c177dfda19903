import { useEffect, useRef, useState } from 'react';
import type { ColumnInfo, TableRow } from '../../analysis/compareTable.ts';

/** True while the element's content is wider than the element (so it scrolls sideways). */
function useOverflowing<T extends HTMLElement>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return [ref, overflowing];
}

/**
 * Rows = measures, columns = areas; each measure's source line sits beneath
 * its name. Area headings wrap between words; if the columns still do not fit,
 * the measure column stays put while the rest scrolls, and a line says so.
 */
export function CompareTable({ columns, rows }: { columns: readonly ColumnInfo[]; rows: readonly TableRow[] }) {
  const groups = [...new Set(rows.map((r) => r.group))];
  const [scroller, overflowing] = useOverflowing<HTMLDivElement>();
  return (
    <>
      {overflowing && (
        <p className="scroll-hint" data-testid="compare-scroll-hint">
          The table is wider than this panel: scroll it sideways (or use the arrow keys on it) to see every column →
        </p>
      )}
      <div
        ref={scroller}
        className={`table-scroll${overflowing ? ' overflowing' : ''}`}
        tabIndex={0}
        aria-label={overflowing ? 'Comparison table (scrolls sideways)' : 'Comparison table'}
        data-testid="compare-table-scroll"
      >
        <table className="compare-table" data-testid="compare-table">
          <caption className="visually-hidden">The areas compared, their authority and England, measure by measure</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {columns.map((c) => (
                <th key={c.code} scope="col" className="num" data-code={c.code}>
                  {c.name}
                  {c.reference && <span className="reference-note">for reference</span>}
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
                      <td key={columns[i]?.code ?? i} className={cell.value !== null ? 'num' : 'words'} title={cell.title}>
                        {cell.text}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
