import { scaleBand, scaleLinear } from 'd3';
import { CATEGORY_COLOURS } from '../map/palette.ts';
import { formatValue } from '../analysis/format.ts';

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

export interface CompareSmallMultiplesProps {
  areas: readonly CompareBarArea[];
  panels: readonly CompareBarPanel[];
  /** What the bars measure, for the caption and each chart's label. */
  measure: string;
  width?: number;
}

const BAR = 16;
const GAP = 4;
const LABEL = 120;
const VALUE = 44;
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

const short = (name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);

/**
 * One small bar chart per domain, each on its own scale (IoD scores are not
 * comparable across domains), with the areas in the same order in every panel
 * and each bar labelled with its value. The same numbers are in the table
 * beside it. Coordinates are rounded so snapshots are stable.
 */
export function CompareSmallMultiples({ areas, panels, measure, width = 300 }: CompareSmallMultiplesProps) {
  const colours = barColours(areas);
  const height = areas.length * (BAR + GAP) + GAP;
  const y = scaleBand<number>()
    .domain(areas.map((_, i) => i))
    .range([GAP, height])
    .paddingInner(GAP / (BAR + GAP));
  return (
    <div className="compare-multiples" data-testid="compare-chart">
      <p className="chart-caption">{measure}. Each chart has its own scale; longer bars are more deprived.</p>
      {panels.map((p) => {
        const present = p.values.filter((v): v is number => v !== null && Number.isFinite(v));
        const max = Math.max(0, ...present);
        const min = Math.min(0, ...present);
        const x = scaleLinear()
          .domain([min, max > min ? max : min + 1])
          .range([LABEL, width - VALUE]);
        return (
          <figure key={p.id} className="compare-multiple" data-domain={p.id}>
            <figcaption>{p.label}</figcaption>
            <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${p.label}: ${measure} for ${areas.map((a) => a.name).join(', ')}`}>
              {areas.map((a, i) => {
                const v = p.values[i] ?? null;
                const top = round(y(i) ?? 0);
                const has = v !== null && Number.isFinite(v);
                const x0 = round(x(Math.min(0, has ? v : 0)));
                const x1 = round(x(Math.max(0, has ? v : 0)));
                return (
                  <g key={a.code} data-area={a.code}>
                    <text x={LABEL - 6} y={top + BAR / 2} dy="0.35em" textAnchor="end" className="compare-bar-name">
                      {short(a.name)}
                    </text>
                    {has && <rect className="compare-bar" x={x0} y={top} width={Math.max(0.5, round(x1 - x0))} height={round(y.bandwidth())} fill={colours[i]} />}
                    <text x={has ? x1 + 4 : LABEL + 4} y={top + BAR / 2} dy="0.35em" className="compare-bar-value">
                      {has ? formatValue(v) : 'no data'}
                    </text>
                  </g>
                );
              })}
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
