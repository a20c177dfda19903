import { scaleLinear } from 'd3';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface DomainComparisonRow {
  label: string;
  area: number | null;
  authority: number | null;
  england: number | null;
  min: number;
  max: number;
  /** Whether higher scores mean more deprived (true for every IoD score). */
  higherIsWorse: boolean;
}

export interface DomainComparisonProps extends ChartExportProps {
  rows: readonly DomainComparisonRow[];
  areaName: string;
  authorityName: string;
  width?: number;
}

const ROW = 34;
const LABEL = 150;
/** Rough width of one character of an 11px label (DejaVu Sans is the widest likely face), so long labels never run into the lines. */
const CHAR = 6.2;
/** Width of the key under the lines ("England" ends about here). */
const KEY_WIDTH = 222;
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * One line per domain, each on its own scale from England's lowest to highest
 * small-area score (scores are not comparable across domains): a dot for this
 * area, a ring for its authority, a tick for England. "More deprived" is to
 * the right on every line, and the chart says so. The same numbers are in a
 * table beside it (AreaProfile). Coordinates are rounded so snapshots are stable.
 */
export function DomainComparison({ rows, areaName, authorityName, width = 360, area, ...frame }: DomainComparisonProps) {
  const top = 26;
  const height = top + rows.length * ROW + 14;
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const x0 = Math.round(Math.min(width * 0.55, Math.max(LABEL, longest * CHAR + 10)));
  const x1 = width - 12;
  const keyX = Math.max(0, Math.min(x0, width - KEY_WIDTH));
  return (
    <ChartFrame kind="deprivation-domains" title={`Deprivation scores: ${areaName} compared with ${authorityName} and England`} defaultSource={SOURCE_LINES.iod} area={area ?? areaName} {...frame}>
      <svg
        className="domain-chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Deprivation scores for ${areaName} compared with ${authorityName} and England`}
      >
        <text x={x1} y={10} textAnchor="end" className="domain-direction">
          less deprived ← → more deprived
        </text>
        {rows.map((r, i) => {
          const scale = scaleLinear()
            .domain(r.higherIsWorse ? [r.min, r.max] : [r.max, r.min])
            .range([x0, x1])
            .clamp(true);
          const y = top + i * ROW;
          const at = (v: number | null) => (v === null ? null : round(scale(v)));
          const area = at(r.area);
          const lad = at(r.authority);
          const eng = at(r.england);
          return (
            <g key={r.label} transform={`translate(0,${y})`}>
              <text x={0} y={4} className="domain-label">
                {r.label}
              </text>
              <line x1={x0} x2={x1} y1={0} y2={0} className="domain-axis" />
              {eng !== null && <line x1={eng} x2={eng} y1={-7} y2={7} className="mark-england" />}
              {lad !== null && <circle cx={lad} cy={0} r={5} className="mark-authority" />}
              {area !== null && <circle cx={area} cy={0} r={4.5} className="mark-area" />}
            </g>
          );
        })}
        <g transform={`translate(${keyX},${height - 8})`} className="domain-key">
          <circle cx={4} cy={-4} r={4} className="mark-area" />
          <text x={12} y={0}>
            {areaName.length > 18 ? 'This area' : areaName}
          </text>
          <circle cx={96} cy={-4} r={4.5} className="mark-authority" />
          <text x={104} y={0}>
            {authorityName.length > 14 ? 'Authority' : authorityName}
          </text>
          <line x1={170} x2={170} y1={-9} y2={1} className="mark-england" />
          <text x={176} y={0}>
            England
          </text>
        </g>
      </svg>
    </ChartFrame>
  );
}
