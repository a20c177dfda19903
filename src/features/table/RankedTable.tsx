import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { rankedRow, type ChoroplethModel, type RankedRow } from '../../analysis/choropleth.ts';
import { formatValue } from '../../analysis/format.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { rankedExportTable } from './rankedExport.ts';

export interface RankedTableProps {
  model: ChoroplethModel;
  level: MapLevel;
  caption: string;
  hovered: string | null;
  selected: string | null;
  onHover(code: string | null): void;
  onSelect(code: string): void;
}

const PAGE = 100;
/** Rows shown around a selected area that lies beyond the first pages (England has 33,755). */
const AROUND = 3;

/**
 * The ranked list beside the map — and the map's accessible alternative: the
 * same areas, values and classes. One tab stop: arrow keys move between rows,
 * Enter opens the area's profile.
 */
export function RankedTable({ model, level, caption, hovered, selected, onHover, onSelect }: RankedTableProps) {
  const unit = model.indicator.unit;
  const place = placeName(useSession().place);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  // The row whose profile was opened from the keyboard: focus returns to it when the profile closes.
  const openedFrom = useRef<string | null>(null);
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
  const selectedAt = selected ? visible.findIndex((i) => model.sorted[i]?.code === selected) : -1;
  // The first pages, then (if the selected area is further down) a few rows around it.
  const head = visible.slice(0, shown);
  const tail = selectedAt >= shown ? visible.slice(Math.max(shown, selectedAt - AROUND), selectedAt + AROUND + 1) : [];
  const rows = [...head, ...tail].map((i) => rankedRow(model, i) as RankedRow);
  const tabStop = rows.some((r) => r.code === focusCode) ? focusCode : (selected && rows.some((r) => r.code === selected) ? selected : rows[0]?.code);

  useEffect(() => {
    if (!selected) {
      const back = openedFrom.current;
      openedFrom.current = null;
      if (back) body.current?.querySelector<HTMLElement>(`[data-code="${CSS.escape(back)}"]`)?.focus();
      return;
    }
    body.current?.querySelector(`[data-code="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, shown]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, code: string) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const next = rows[Math.min(rows.length - 1, Math.max(0, index + move))];
      if (next) {
        setFocusCode(next.code);
        body.current?.querySelector<HTMLElement>(`[data-code="${CSS.escape(next.code)}"]`)?.focus();
      }
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openedFrom.current = code;
      onSelect(code);
    }
  };

  return (
    <section className="ranked" aria-label="Ranked table">
      <div className="ranked-tools">
        <label>
          Find an area
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={level === 'lsoa' ? 'Name, code or ward' : `${LEVELS[level].singular[0]!.toUpperCase()}${LEVELS[level].singular.slice(1)} name or code`}
          />
        </label>
      </div>
      {filter.trim() && visible.length === 0 && (
        <p className="ranked-empty" role="status" data-testid="ranked-empty">
          No area matches '{filter.trim()}'
        </p>
      )}
      <p className="ranked-help" id="ranked-help">
        Use the arrow keys to move through the table and Enter to open an area’s profile.
      </p>
      <div className="ranked-scroll">
        <table data-testid="ranked-table" aria-describedby="ranked-help">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{level === 'lsoa' ? 'Small area' : level === 'ward' ? 'Ward' : 'Locality'}</th>
              {level === 'lsoa' && <th scope="col">Ward</th>}
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Group on map</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((r, index) => (
              <tr
                key={r.code}
                data-code={r.code}
                tabIndex={r.code === tabStop ? 0 : -1}
                aria-current={r.code === selected ? 'true' : undefined}
                className={[
                  r.code === selected ? 'selected' : r.code === hovered ? 'hovered' : '',
                  index === head.length && tail.length ? 'gap-before' : '',
                ].join(' ').trim() || undefined}
                onMouseEnter={() => onHover(r.code)}
                onMouseLeave={() => onHover(null)}
                onFocus={() => {
                  setFocusCode(r.code);
                  onHover(r.code);
                }}
                onBlur={() => onHover(null)}
                onClick={() => onSelect(r.code)}
                onKeyDown={(e) => onKeyDown(e, index, r.code)}
              >
                <td className="num">{r.position ?? '–'}</td>
                <th scope="row">
                  {r.name}
                  {/* A locality's id is the app's own, not an official code: not shown. */}
                  {level !== 'locality' && <span className="code">{r.code}</span>}
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
      <TableDownloads table={() => rankedExportTable(model, level, caption, place, visible)} name="the ranked table" testId="ranked-download" />
      {visible.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, visible.length - shown)} more of {visible.length.toLocaleString('en-GB')}
        </button>
      )}
    </section>
  );
}
