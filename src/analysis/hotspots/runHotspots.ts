import type { SpatialWeights } from '../../stats/spatial/weights.ts';
import { getisOrdGiStar } from '../../stats/hotspots/getisOrd.ts';
import { localMoran, type MoranQuadrant } from '../../stats/hotspots/localMoran.ts';
import { permutationInference } from '../../stats/hotspots/permutation.ts';
import { benjaminiHochbergAdjust } from '../../stats/hotspots/fdr.ts';
import { hotColdClasses, type HotColdClass } from '../../stats/hotspots/hotColdClass.ts';
import { topDrivers, type AreaBreakdown } from '../themes/composeTheme.ts';
import { subsetWeights } from './subsetWeights.ts';
import { methodSentence, type PValueShown } from './methodSentence.ts';

export { subsetWeights } from './subsetWeights.ts';
export type { PValueShown } from './methodSentence.ts';

export type HotspotStatistic = 'gi-star' | 'local-moran';
/** Local Moran: the kind of significant cluster or outlier, else not significant. */
export type MoranCluster = MoranQuadrant | 'not-significant';

export const DEFAULT_PERMUTATIONS = 999;
/** Fixed so the same data always gives the same map; stated in the CSV and the method note. */
export const DEFAULT_SEED = 20261122;

export interface HotspotInput {
  codes: readonly string[];
  names: readonly string[];
  /** A theme score or one indicator, higher = worse; null = no value (left out). */
  values: readonly (number | null)[];
  /** Neighbours over the same areas, in the same order as `codes`. */
  weights: SpatialWeights;
  statistic: HotspotStatistic;
  permutations?: number;
  seed?: number;
  /** Benjamini–Hochberg false discovery rate control for the classes (default on). */
  fdr?: boolean;
  /** Which p decides the classes: the permutation one (default), or the normal approximation. */
  pValue?: PValueShown;
  /** A theme's breakdown of the area at an index into `codes` (ThemeScores.breakdown), to name what drives each hotspot. */
  breakdown?: (index: number) => AreaBreakdown | null;
  areaNoun?: 'small area' | 'ward';
  onProgress?: (fraction: number) => void;
}

export interface HotspotArea {
  code: string;
  name: string;
  value: number | null;
  status: 'tested' | 'island' | 'no-value';
  /** Analytic z-score (Gi* z, or local Moran's standardised I). */
  z: number | null;
  /** Two-sided p from the normal approximation. */
  p: number | null;
  /** Two-sided pseudo p from the permutations. */
  pSim: number | null;
  /** Benjamini–Hochberg adjusted version of the p that is shown. */
  pFdr: number | null;
  /** Null for an area with no value. Islands are never hot or cold. */
  class: HotColdClass | null;
  quadrant: MoranQuadrant | null;
  cluster: MoranCluster | null;
}

export interface Driver {
  shortLabel: string;
  contribution: number;
}

export interface RankedHotspot {
  code: string;
  name: string;
  value: number;
  z: number;
  pShown: number;
  class: HotColdClass;
  drivers: Driver[];
}

export interface HotspotRun {
  statistic: HotspotStatistic;
  permutations: number;
  seed: number;
  fdr: boolean;
  pShown: PValueShown;
  areas: HotspotArea[];
  summary: Record<HotColdClass, number> & { tested: number; islands: number; noValue: number };
  islands: { code: string; name: string }[];
  excluded: { code: string; name: string }[];
  /** Significant hot spots (most confident first), then cold spots, with what drives each. */
  ranked: { hot: RankedHotspot[]; cold: RankedHotspot[] };
  methodSentence: string;
  notes: string[];
}

const CLASSES: readonly HotColdClass[] = ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99'];
const MIN_AREAS = 3;

/**
 * Hot and cold spots for one set of values. Areas with no value are removed
 * and the neighbour list rebuilt over the rest; islands stay in the averages
 * but are never called hot or cold (they have no neighbourhood to test).
 * Pure, so it can run in a worker.
 */
export function runHotspots(input: HotspotInput): HotspotRun {
  const { codes, names, values, weights, statistic } = input;
  const n = codes.length;
  if (names.length !== n || values.length !== n || weights.n !== n) {
    throw new Error(`Hotspot input does not line up: ${n} codes, ${names.length} names, ${values.length} values, neighbours for ${weights.n} areas.`);
  }
  const permutations = input.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = input.seed ?? DEFAULT_SEED;
  const fdr = input.fdr ?? true;
  const pShown: PValueShown = permutations > 0 ? (input.pValue ?? 'permutation') : 'analytic';
  const noun = input.areaNoun ?? 'small area';
  const count = (k: number) => `${k.toLocaleString('en-GB')} ${noun}${k === 1 ? '' : 's'}`;

  const keep = values.map((v) => v !== null && Number.isFinite(v));
  const { weights: sub, kept } = subsetWeights(weights, keep);
  const m = kept.length;
  const x = Float64Array.from(kept, (i) => values[i] as number);
  const islandSet = new Set(sub.islands);

  const areas: HotspotArea[] = codes.map((code, i) => ({
    code,
    name: names[i] as string,
    value: keep[i] ? (values[i] as number) : null,
    status: keep[i] ? 'tested' : 'no-value',
    z: null,
    p: null,
    pSim: null,
    pFdr: null,
    class: keep[i] ? 'not-significant' : null,
    quadrant: null,
    cluster: statistic === 'local-moran' && keep[i] ? 'not-significant' : null,
  }));
  for (const k of islandSet) (areas[kept[k]!] as HotspotArea).status = 'island';

  const notes: string[] = [];
  const canTest = m >= MIN_AREAS && variance(x) > 0;
  if (m < MIN_AREAS) notes.push(`Only ${count(m)} ${m === 1 ? 'has' : 'have'} a value, too few to look for hot or cold spots.`);
  else if (!canTest) notes.push(`Every ${noun} has the same value, so there are no hot or cold spots to find.`);

  if (canTest) {
    const moran = statistic === 'local-moran' ? localMoran(x, sub) : null;
    const analytic = moran ?? getisOrdGiStar(x, sub);
    const quadrant = moran?.quadrant ?? null;
    const sim = permutations > 0 ? permutationInference(x, sub, statistic, { permutations, seed, onProgress: input.onProgress }) : null;
    // Islands are not tested: NaN keeps them out of the false discovery rate count and out of every class.
    const shown = Float64Array.from({ length: m }, (_, k) =>
      islandSet.has(k) ? Number.NaN : pShown === 'permutation' && sim ? (sim.pTwoSided[k] as number) : (analytic.p[k] as number),
    );
    const adjusted = benjaminiHochbergAdjust(shown);
    const classes = classify(statistic, analytic.z, quadrant, shown, fdr);
    for (let k = 0; k < m; k++) {
      const a = areas[kept[k]!] as HotspotArea;
      a.z = finite(analytic.z[k]);
      a.p = finite(analytic.p[k]);
      a.pSim = sim ? finite(sim.pTwoSided[k]) : null;
      a.pFdr = finite(adjusted[k]);
      a.class = islandSet.has(k) ? 'not-significant' : (classes.hotCold[k] as HotColdClass);
      if (quadrant) {
        a.quadrant = islandSet.has(k) ? null : (quadrant[k] as MoranQuadrant);
        a.cluster = islandSet.has(k) ? 'not-significant' : (classes.cluster[k] as MoranCluster);
      }
    }
  }

  const tested = m - islandSet.size;
  if (canTest && pShown === 'permutation' && fdr) {
    // The permutation p cannot go below 2/(R + 1); under BH an area reaches 99 % only when enough others are as extreme.
    const floor = 2 / (permutations + 1);
    const needed = Math.ceil((floor * tested) / 0.01 - 1e-9);
    if (needed > 1) {
      notes.push(
        `With ${permutations.toLocaleString('en-GB')} permutations the smallest possible p is ${floor.toPrecision(2)}, so after the false discovery rate correction a ${noun} reaches 99 % confidence only when at least ${needed.toLocaleString('en-GB')} ${noun}s are that extreme; more permutations give a finer answer.`,
      );
    }
  }

  const excluded = areas.filter((a) => a.status === 'no-value').map(({ code, name }) => ({ code, name }));
  const islands = areas.filter((a) => a.status === 'island').map(({ code, name }) => ({ code, name }));
  if (excluded.length > 0) {
    notes.push(`${cap(count(excluded.length))} ${excluded.length === 1 ? 'has' : 'have'} no value and ${excluded.length === 1 ? 'is' : 'are'} left out; their neighbours are compared only with areas that have values.`);
  }
  if (islands.length > 0) {
    const some = islands.slice(0, 3).map((a) => a.name).join(', ');
    notes.push(`${cap(count(islands.length))} ${islands.length === 1 ? 'has' : 'have'} no neighbour to compare with (${some}${islands.length > 3 ? ', …' : ''}), so ${islands.length === 1 ? 'it is' : 'they are'} never called a hot or cold spot.`);
  }

  const summary = { ...Object.fromEntries(CLASSES.map((c) => [c, 0])), tested: 0, islands: islands.length, noValue: excluded.length } as HotspotRun['summary'];
  for (const a of areas) {
    if (a.class) summary[a.class]++;
    if (a.status === 'tested') summary.tested++;
  }

  return {
    statistic,
    permutations: pShown === 'permutation' ? permutations : 0,
    seed,
    fdr,
    pShown,
    areas,
    summary,
    islands,
    excluded,
    ranked: { hot: rankSpots(areas, input.breakdown, 'hot', pShown), cold: rankSpots(areas, input.breakdown, 'cold', pShown) },
    methodSentence: methodSentence({ statistic, permutations: pShown === 'permutation' ? permutations : 0, fdr, areaNoun: noun }),
    notes,
  };
}

/**
 * Gi*: hot when z > 0, cold when z < 0, at the confidence the p allows.
 * Local Moran: the confidence applies to the cluster type; a significant
 * High-High cluster is shown as hot and Low-Low as cold, while outliers
 * (High-Low, Low-High) are reported as clusters but not as hot or cold.
 */
function classify(
  statistic: HotspotStatistic,
  z: Float64Array,
  quadrant: readonly MoranQuadrant[] | null,
  p: Float64Array,
  fdr: boolean,
): { hotCold: HotColdClass[]; cluster: MoranCluster[] } {
  if (statistic === 'gi-star' || !quadrant) return { hotCold: hotColdClasses(z, p, { fdr }), cluster: [] };
  // One significance level per area over all tests (false discovery rate counted over every area).
  const levels = hotColdClasses(new Float64Array(p.length).fill(1), p, { fdr });
  const hotCold = levels.map((level, k): HotColdClass => {
    if (level === 'not-significant') return level;
    if (quadrant[k] === 'High-High') return level;
    if (quadrant[k] === 'Low-Low') return level.replace('hot', 'cold') as HotColdClass;
    return 'not-significant';
  });
  const cluster = levels.map((level, k): MoranCluster => (level === 'not-significant' ? 'not-significant' : (quadrant[k] as MoranQuadrant)));
  return { hotCold, cluster };
}

function rankSpots(
  areas: readonly HotspotArea[],
  breakdownOf: HotspotInput['breakdown'],
  side: 'hot' | 'cold',
  pShown: PValueShown,
): RankedHotspot[] {
  const spots: RankedHotspot[] = [];
  areas.forEach((a, i) => {
    if (!a.class?.startsWith(side) || a.value === null || a.z === null) return;
    const p = pShown === 'permutation' ? a.pSim : a.p;
    const breakdown = breakdownOf?.(i);
    const drivers = breakdown ? topDrivers(breakdown, side === 'hot' ? 'up' : 'down').map(({ shortLabel, contribution }) => ({ shortLabel, contribution })) : [];
    spots.push({ code: a.code, name: a.name, value: a.value, z: a.z, pShown: p ?? Number.NaN, class: a.class, drivers });
  });
  // Most confident first, then the strongest z, then the worst (or best) value.
  const rank = (c: HotColdClass) => (c.endsWith('99') ? 0 : c.endsWith('95') ? 1 : 2);
  const sign = side === 'hot' ? 1 : -1;
  return spots.sort((a, b) => rank(a.class) - rank(b.class) || sign * (b.z - a.z) || sign * (b.value - a.value) || (a.code < b.code ? -1 : 1));
}

function variance(x: Float64Array): number {
  if (x.length === 0) return 0;
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
}

const finite = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
