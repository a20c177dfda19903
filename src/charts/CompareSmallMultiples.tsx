import { scaleLinear } from 'd3';
import { CATEGORY_COLOURS } from '../map/palette.ts';
import { formatValue } from '../analysis/format.ts';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface CompareBarArea {
  code: string;
  name: string;
  /** The authority and England: drawn in grey so the areas chosen stand out. */
  reference: boolean;
}

export interface CompareBarPanel {
  id: string;
  label: string;
  /** One value per area, in the areas' order; null = no value (no bar, "no data"). */
  values: readonly (number | null)[];
}

export interface CompareSmallMultiplesProps extends ChartExportProps {
  areas: readonly CompareBarArea[];
  panels: readonly CompareBarPanel[];
  /** What the bars measure, for the caption and each chart's label. */
  measure: string;
  width?: number;
}

const ROW = 28;
const BAR = 14;
const LABEL = 112;
const VALUE = 46;
const LINE_CHARS = 18;
const REFERENCE_COLOURS = ['#6e6e6e', '#b0b0b0'];
const round = (v: number) => Math.round(v * 10) / 10;

/** The colour of each area's bars: Okabe–Ito for the areas chosen, greys for the references. */
export function barColours(areas: readonly CompareBarArea[]): string[] {
  let chosen = 0;
  let reference = 0;
  return areas.map((a) =>
    a.reference ? (REFERENCE_COLOURS[reference++ % REFERENCE_COLOURS.length] as string) : (CATEGORY_COLOURS[chosen++ % CATEGORY_COLOURS.length] as string),
  );
}

/**
 * An area's name on at most two lines, broken between words ("Ellesmere Port" /
 * "Area"); a name longer still ends its second line with "…" after a whole
 * word. The full name is in the bar's <title>.
 */
export function nameLines(name: string, max = LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  // Only a single word longer than a line is cut inside itself.
  const clip = (l: string) => (l.length <= max ? l : `${l.slice(0, max - 1)}…`);
  if (lines.length <= 2) return lines.map(clip);
  const second = lines[1]!;
  return [clip(lines[0]!), second.length < max ? `${second}…` : clip(second)];
}

/**
 * One small bar chart per domain, each on its own scale (IoD scores are not
 * comparable across domains), with the areas in the same order in every panel
 * and each bar labelled with its value. Bars start at zero, drawn as a line:
 * a positive score runs right, a negative one (health and crime scores can be
 * below zero) runs left, so further right is always more deprived. The same
 * numbers are in the table beside it. Coordinates are rounded so snapshots are stable.
 */
export function CompareSmallMultiples({ areas, panels, measure, width = 300, ...frame }: CompareSmallMultiplesProps) {
  const colours = barColours(areas);
  const height = areas.length * ROW;
  return (
    <ChartFrame kind="compare-domains" title={`${measure} by domain: ${areas.map((x) => x.name).join(', ')}`} defaultSource={SOURCE_LINES.iod} {...frame}>
      <div className="compare-multiples" data-testid="compare-chart">
        <p className="chart-caption">
          {measure}. Bars start from zero (the dark line): further right = more deprived; a bar to the left of the line is a score below zero. Each chart has its own scale.
        </p>
        {panels.map((p) => {
          const present = p.values.filter((v): v is number => v !== null && Number.isFinite(v));
          const max = Math.max(0, ...present);
          const min = Math.min(0, ...present);
          const x = scaleLinear()
            .domain([min, max > min ? max : min + 1])
            .range([LABEL, width - VALUE]);
          const zero = round(x(0));
          return (
            <figure key={p.id} className="compare-multiple" data-domain={p.id}>
              <figcaption>{p.label}</figcaption>
              <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${p.label}: ${measure} for ${areas.map((a, i) => `${a.name} ${formatValue(p.values[i] ?? null)}`).join(', ')}`}>
                {areas.map((a, i) => {
                  const v = p.values[i] ?? null;
                  const top = i * ROW;
                  const middle = top + ROW / 2;
                  const has = v !== null && Number.isFinite(v);
                  const x0 = round(x(Math.min(0, has ? v : 0)));
                  const x1 = round(x(Math.max(0, has ? v : 0)));
                  const lines = nameLines(a.name);
                  return (
                    <g key={a.code} data-area={a.code}>
                      <title>{`${a.name}: ${has ? formatValue(v) : 'no data'}`}</title>
                      <text x={LABEL - 6} y={middle} textAnchor="end" className="compare-bar-name">
                        {lines.map((l, k) => (
                          <tspan key={k} x={LABEL - 6} dy={k === 0 ? `${lines.length === 1 ? 0.35 : -0.25}em` : '1.1em'}>
                            {l}
                          </tspan>
                        ))}
                      </text>
                      {has && <rect className="compare-bar" x={x0} y={middle - BAR / 2} width={Math.max(0.5, round(x1 - x0))} height={BAR} fill={colours[i]} />}
                      <text x={width - 2} y={middle} dy="0.35em" textAnchor="end" className="compare-bar-value">
                        {has ? formatValue(v) : 'no data'}
                      </text>
                    </g>
                  );
                })}
                <line className="compare-zero" x1={zero} x2={zero} y1={0} y2={height} stroke="#222" strokeWidth={1} />
              </svg>
            </figure>
          );
        })}
      </div>
    </ChartFrame>
  );
}
