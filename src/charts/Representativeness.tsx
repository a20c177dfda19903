import { scaleLinear } from 'd3';
import { CATEGORY_COLOURS, OTHER_CATEGORY_COLOUR } from '../map/palette.ts';
import { keyOffsets, percent } from './ThemePriorities.tsx';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface RepresentativenessRow {
  group: string;
  /** Share of residents (Census 2021), 0–1. */
  residentShare: number;
  /** Share of responses that gave an answer, 0–1; NaN when nobody did. */
  respondentShare: number;
  flag: 'under-represented' | 'over-represented' | null;
}

export interface RepresentativenessProps extends ChartExportProps {
  rows: readonly RepresentativenessRow[];
  /** What is compared, e.g. "Age of respondents and residents"; used for the accessible name. */
  title: string;
  width?: number;
}

const RESIDENT_COLOUR = OTHER_CATEGORY_COLOUR;
const RESPONSE_COLOUR = CATEGORY_COLOURS[0];
const LABEL = 126;
const RIGHT = 34;
const TOP = 40;
const ROW = 36;
const BAR = 11;
const round = (v: number) => Math.round(v * 10) / 10;
const KEY_LABELS = ['Residents (Census 2021)', 'Responses', 'Under-represented'] as const;
const key = keyOffsets(KEY_LABELS);
const MARKER = { 'under-represented': '▼ under-represented', 'over-represented': '▲ over-represented' } as const;

/**
 * Who answered versus who lives here: per group, a grey bar for its share of
 * residents and a blue bar for its share of responses, percentages written at
 * the ends. Flagged groups are marked in words under the group name, and an
 * under-represented group's response bar is hatched and outlined, so the flag
 * never depends on colour. The flags come in ready-made (src/analysis).
 */
export function Representativeness({ rows, title, width = 400, ...frame }: RepresentativenessProps) {
  const height = TOP + rows.length * ROW + 2;
  const x0 = LABEL;
  const x1 = width - RIGHT;
  const shares = rows.flatMap((r) => [r.residentShare, r.respondentShare]).filter(Number.isFinite);
  const x = scaleLinear()
    .domain([0, Math.min(1, Math.max(0.05, ...shares))])
    .nice(4)
    .range([x0, x1]);
  // Deterministic and distinct per chart, so two charts on one page never share an id.
  const hatchId = `hatch-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <ChartFrame kind="who-answered" title={`${title}: share of residents (Census 2021) and of survey responses by group`} defaultSource={[SOURCE_LINES.survey, SOURCE_LINES.census]} {...frame}>
      <svg className="chart representativeness" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: share of residents (Census 2021) and share of survey responses by group`}>
        <defs>
          <pattern id={hatchId} width={4} height={4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={4} height={4} fill="#ffffff" />
            <line x1={0} y1={0} x2={0} y2={4} stroke={RESPONSE_COLOUR} strokeWidth={2} />
          </pattern>
        </defs>
        <g className="key" transform="translate(2,10)">
          <rect x={key[0]} y={-8} width={10} height={BAR - 2} fill={RESIDENT_COLOUR} />
          <text x={key[0]! + 14} y={0} className="muted">
            {KEY_LABELS[0]}
          </text>
          <rect x={key[1]} y={-8} width={10} height={BAR - 2} fill={RESPONSE_COLOUR} />
          <text x={key[1]! + 14} y={0} className="muted">
            {KEY_LABELS[1]}
          </text>
          <rect x={key[2]} y={-8} width={10} height={BAR - 2} fill={`url(#${hatchId})`} stroke={RESPONSE_COLOUR} />
          <text x={key[2]! + 14} y={0} className="muted">
            {KEY_LABELS[2]}
          </text>
        </g>
        {x.ticks(4).map((t) => (
          <g key={t} transform={`translate(${round(x(t))},0)`}>
            <line y1={TOP - 6} y2={height - 2} stroke="#e5e6e7" />
            <text y={TOP - 10} textAnchor="middle" className="muted">
              {percent(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const under = r.flag === 'under-represented';
          const residentEnd = round(x(r.residentShare));
          const hasAnswers = Number.isFinite(r.respondentShare);
          const responseEnd = hasAnswers ? round(x(r.respondentShare)) : x0;
          return (
            <g key={r.group} transform={`translate(0,${TOP + i * ROW})`} className={r.flag ?? undefined}>
              <text x={2} y={12}>
                {r.group}
              </text>
              {r.flag && (
                <text x={2} y={26} fontSize={10} className="flag-marker">
                  {MARKER[r.flag]}
                </text>
              )}
              <g className="bar-residents">
                <title>{`${r.group}: ${percent(r.residentShare)} of residents (Census 2021)`}</title>
                <rect x={x0} y={3} width={round(residentEnd - x0)} height={BAR} fill={RESIDENT_COLOUR} />
                <text x={residentEnd + 4} y={12} fontSize={10}>
                  {percent(r.residentShare)}
                </text>
              </g>
              <g className="bar-responses">
                <title>{hasAnswers ? `${r.group}: ${percent(r.respondentShare)} of responses${r.flag ? ` (${r.flag})` : ''}` : `${r.group}: no responses gave an answer`}</title>
                {hasAnswers && (
                  <rect
                    x={x0}
                    y={BAR + 5}
                    width={round(responseEnd - x0)}
                    height={BAR}
                    fill={under ? `url(#${hatchId})` : RESPONSE_COLOUR}
                    stroke={under ? RESPONSE_COLOUR : undefined}
                  />
                )}
                <text x={responseEnd + 4} y={BAR + 14} fontSize={10}>
                  {hasAnswers ? percent(r.respondentShare) : 'no answers'}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
