import type { RankedRow } from '../../analysis/choropleth.ts';
import { formatValue } from '../../analysis/format.ts';

export interface HoverCardProps {
  row: RankedRow;
  unit: string;
  /** Pointer position in pixels within the map. */
  at: { x: number; y: number };
}

/** What the pointer is over: name, ward, value, and the official rank and decile where there are any. */
export function HoverCard({ row, unit, at }: HoverCardProps) {
  return (
    <div
      className="hover-card"
      data-testid="hover-card"
      role="presentation"
      // Right of the pointer on the left half of the map, left of it on the right half.
      style={at.x < 420 ? { left: at.x + 14, top: at.y + 14 } : { left: at.x - 14, top: at.y + 14, transform: 'translateX(-100%)' }}
    >
      <strong>{row.name}</strong>
      {row.ward_name && <span className="hover-sub">{row.ward_name} ward</span>}
      <span>
        {formatValue(row.value, unit)}
        {row.rank !== null && ` · rank ${row.rank.toLocaleString('en-GB')} in England`}
        {row.decile !== null && ` · decile ${row.decile}`}
      </span>
    </div>
  );
}
