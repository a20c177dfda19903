import { scaleLinear } from 'd3';
import { CATEGORY_COLOURS } from '../map/palette.ts';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

/** A share of survey responses with its Wilson 95 % interval (all 0–1) and the count behind it. */
export interface ShareWithInterval {
  share: number;
  low: number;
  high: number;
  count: number;
}

export interface ThemePriorityRow {
  theme: string;
  first: ShareWithInterval;
  topThree: ShareWithInterval;
}

export interface ThemePrioritiesProps extends ChartExportProps {
  rows: readonly ThemePriorityRow[];
  /** The denominator of every share: responses matching the filters. */
  responses: number;
  width?: number;
  /** Themes the product highlights (housing, safety, communal areas): drawn with bold labels. */
  highlight?: readonly string[];
}

const FIRST_COLOUR = CATEGORY_COLOURS[0];
const TOP_THREE_COLOUR = CATEGORY_COLOURS[4];
const ROW = 42;
const TOP = 40;
const RIGHT = 40;
const BAR = 9;
const round = (v: number) => Math.round(v * 10) / 10;
const KEY_LABELS = ['Ranked first', 'In top three', '95% interval'] as const;
const key = keyOffsets(KEY_LABELS);

/**
 * Left edges of key items laid out in a row (swatch, then label), spaced for
 * a wide fallback font (DejaVu Sans at 11px is about 6.4px a character) so
 * labels never run into the next swatch.
 */
export function keyOffsets(labels: readonly string[], swatch = 14, gap = 14): number[] {
  let x = 0;
  return labels.map((label) => {
    const at = x;
    x += swatch + Math.ceil(label.length * 6.4) + gap;
    return at;
  });
}

/** "38%", "<1%" for a sliver, "–" when there is no share (no responses). */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * Survey priorities: per theme, a dark bar for the share of responses ranking
 * it first and a light bar for the share with it in their top three, each with
 * a whisker over its Wilson 95 % interval and the percentage written at the
 * end. Theme names sit above their bars so long names never need truncating.
 * Rows are drawn in the order given; nothing is computed here but positions.
 */
export function ThemePriorities({ rows, responses, width = 420, highlight = [], ...frame }: ThemePrioritiesProps) {
  const height = TOP + rows.length * ROW + 4;
  const x0 = 2;
  const x1 = width - RIGHT;
  const highs = rows.flatMap((r) => [r.first.high, r.topThree.high, r.first.share, r.topThree.share]).filter(Number.isFinite);
  const x = scaleLinear()
    .domain([0, Math.min(1, Math.max(0.05, ...highs))])
    .nice(5)
    .range([x0, x1])
    .clamp(true);
  const ticks = x.ticks(5);
  const bold = new Set(highlight);
  const bars = (r: ThemePriorityRow) =>
    [
      { key: 'first', s: r.first, y: 15, fill: FIRST_COLOUR, words: 'ranked it first' },
      { key: 'top-three', s: r.topThree, y: 15 + BAR + 2, fill: TOP_THREE_COLOUR, words: 'had it in their top three' },
    ] as const;
  return (
    <ChartFrame kind="survey-priorities" title={`Residents’ priorities: share of ${responses.toLocaleString('en-GB')} responses ranking each theme first and in their top three`} defaultSource={SOURCE_LINES.survey} {...frame}>
      <svg
        className="chart theme-priorities"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Survey priorities: share of ${responses.toLocaleString('en-GB')} responses ranking each theme first and in their top three, with 95% intervals`}
      >
        <g className="key" transform="translate(2,10)">
          <rect x={key[0]} y={-8} width={10} height={BAR} fill={FIRST_COLOUR} />
          <text x={key[0]! + 14} y={0} className="muted">
            {KEY_LABELS[0]}
          </text>
          <rect x={key[1]} y={-8} width={10} height={BAR} fill={TOP_THREE_COLOUR} />
          <text x={key[1]! + 14} y={0} className="muted">
            {KEY_LABELS[1]}
          </text>
          <path d={`M${key[2]},-7v7M${key[2]},-3.5h10M${key[2]! + 10},-7v7`} stroke="#1b1b1b" fill="none" />
          <text x={key[2]! + 14} y={0} className="muted">
            {KEY_LABELS[2]}
          </text>
        </g>
        {ticks.map((t) => (
          <g key={t} transform={`translate(${round(x(t))},0)`}>
            <line y1={TOP - 6} y2={height - 4} stroke="#e5e6e7" />
            <text y={TOP - 10} textAnchor={t === 0 ? 'start' : 'middle'} className="muted">
              {percent(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.theme} transform={`translate(0,${TOP + i * ROW})`}>
            <text x={x0} y={11} fontWeight={bold.has(r.theme) ? 'bold' : undefined}>
              {r.theme}
            </text>
            {bars(r).map(({ key, s, y, fill, words }) => {
              if (!Number.isFinite(s.share)) {
                return (
                  <text key={key} x={x0} y={y + 8} fontSize={10} className="muted">
                    no responses
                  </text>
                );
              }
              const end = round(x(s.share));
              const lo = round(x(s.low));
              const hi = round(x(s.high));
              const mid = y + BAR / 2;
              return (
                <g key={key} className={`bar-${key}`}>
                  <title>{`${r.theme}: ${s.count.toLocaleString('en-GB')} of ${responses.toLocaleString('en-GB')} responses (${percent(s.share)}) ${words}; 95% interval ${percent(s.low)} to ${percent(s.high)}`}</title>
                  <rect x={x0} y={y} width={round(end - x0)} height={BAR} fill={fill} />
                  <path className="whisker" d={`M${lo},${mid - 3}v6M${lo},${mid}H${hi}M${hi},${mid - 3}v6`} stroke="#1b1b1b" fill="none" />
                  <text x={round(Math.max(end, hi) + 4)} y={mid + 3.5} fontSize={10}>
                    {percent(s.share)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
