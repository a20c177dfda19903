import { useEffect, useMemo, useRef, useState } from 'react';
import { rankedRow, type ChoroplethModel, type RankedRow } from '../../analysis/choropleth.ts';
import { formatValue } from '../../analysis/format.ts';

export interface RankedTableProps {
  model: ChoroplethModel;
  level: 'lsoa' | 'ward';
  caption: string;
  hovered: string | null;
  selected: string | null;
  onHover(code: string | null): void;
  onSelect(code: string): void;
}

const PAGE = 100;

/**
 * The ranked list beside the map — and the map's accessible alternative: the
 * same areas, values and classes, operable with the keyboard (Tab to a row,
 * Enter to open its profile).
 */
export function RankedTable({ model, level, caption, hovered, selected, onHover, onSelect }: RankedTableProps) {
  const unit = model.indicator.unit;
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const body = useRef<HTMLTableSectionElement>(null);
  // Positions (indexes into the worst-first order) of the areas matching the search box.
  const visible = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = model.sorted.map((_, i) => i);
    if (!f) return all;
    return all.filter((i) => {
      const r = model.sorted[i]!;
      const n = model.names.get(r.code);
      return `${n?.name ?? ''} ${r.code} ${n?.ward_name ?? ''}`.toLowerCase().includes(f);
    });
  }, [model, filter]);
  const selectedIndex = selected ? visible.findIndex((i) => model.sorted[i]?.code === selected) : -1;
  const limit = Math.max(shown, selectedIndex + 1);
  const rows = visible.slice(0, limit).map((i) => rankedRow(model, i) as RankedRow);

  useEffect(() => {
    if (!selected) return;
    body.current?.querySelector(`[data-code="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, limit]);

  return (
    <section className="ranked" aria-label="Ranked table">
      <div className="ranked-tools">
        <label>
          Find an area
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={level === 'lsoa' ? 'Name, code or ward' : 'Ward name or code'}
          />
        </label>
      </div>
      <div className="ranked-scroll">
        <table data-testid="ranked-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{level === 'lsoa' ? 'Small area' : 'Ward'}</th>
              {level === 'lsoa' && <th scope="col">Ward</th>}
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Group on map</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((r) => (
              <tr
                key={r.code}
                data-code={r.code}
                tabIndex={0}
                aria-selected={r.code === selected}
                className={r.code === selected ? 'selected' : r.code === hovered ? 'hovered' : undefined}
                onMouseEnter={() => onHover(r.code)}
                onMouseLeave={() => onHover(null)}
                onFocus={() => onHover(r.code)}
                onBlur={() => onHover(null)}
                onClick={() => onSelect(r.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(r.code);
                  }
                }}
              >
                <td className="num">{r.position ?? '–'}</td>
                <th scope="row">
                  {r.name}
                  <span className="code">{r.code}</span>
                </th>
                {level === 'lsoa' && <td>{r.ward_name}</td>}
                <td className="num">{formatValue(r.value, unit)}</td>
                <td>
                  <span className="swatch" style={{ background: r.colour }} aria-hidden="true" /> {r.classLabel ?? 'no data'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length > limit && (
        <button type="button" onClick={() => setShown(limit + PAGE)}>
          Show {Math.min(PAGE, visible.length - limit)} more of {visible.length.toLocaleString('en-GB')}
        </button>
      )}
    </section>
  );
}
