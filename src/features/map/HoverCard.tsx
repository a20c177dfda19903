import type { RankedRow } from '../../analysis/choropleth.ts';
import { formatInteger, formatValue } from '../../analysis/format.ts';
import { ENGLAND_LSOAS } from '../../analysis/profileSentences.ts';

export interface HoverCardProps {
  row: RankedRow;
  unit: string;
  /** The IoD edition: 2019 and 2015 ranks are out of 2011's 32,844 small areas. */
  edition: number;
  /** Pointer position in pixels within the map. */
  at: { x: number; y: number };
}

/** What the pointer is over: name, ward, value, and the official rank and decile where there are any. */
export function HoverCard({ row, unit, edition, at }: HoverCardProps) {
  const outOf = edition >= 2021 ? formatInteger(ENGLAND_LSOAS) : '32,844 (2011 small areas)';
  const isRank = unit.startsWith('rank');
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
        {isRank ? `Rank ${formatValue(row.value, unit)} of ${outOf} in England` : formatValue(row.value, unit)}
        {!isRank && row.rank !== null && ` · rank ${row.rank.toLocaleString('en-GB')} of ${outOf} in England`}
        {row.decile !== null && ` · decile ${row.decile}`}
      </span>
    </div>
  );
}
