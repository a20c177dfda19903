/**
 * What the hot-spot tests say about a locality. Getis–Ord Gi* needs many
 * neighbouring areas, so it is never run on a person's handful of localities;
 * instead a locality reports how many of its own small areas and wards were
 * hot or cold spots when the whole place was tested at those levels, and a
 * theme score built from its small areas' scores. Pure: the runs come in.
 */
import type { HotspotRun } from './hotspots/runHotspots.ts';
import type { HotColdClass } from '../stats/hotspots/hotColdClass.ts';
import { countOf, type AreaLevel } from '../geo/levels.ts';

/** One level's tally for the locality's areas in one theme's run. */
export interface HotspotTally {
  /** The locality's areas at this level. */
  total: number;
  /** Of those, how many the run tested (the rest had no value, were islands, or lie outside the place tested). */
  tested: number;
  /** Hot / cold at 95 % confidence or more (the 99 % and 95 % classes). */
  hot: number;
  cold: number;
  /** Hot / cold at 90 % only, reported apart as weaker evidence. */
  hot90: number;
  cold90: number;
  /** Every class, for the table. */
  byClass: Record<HotColdClass, number>;
  /** The hot and cold (95 %+) areas' codes, most confident first, for listing. */
  hotCodes: string[];
  coldCodes: string[];
}

const CLASSES: readonly HotColdClass[] = ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99'];
const STRONG_HOT: ReadonlySet<HotColdClass> = new Set(['hot-99', 'hot-95']);
const STRONG_COLD: ReadonlySet<HotColdClass> = new Set(['cold-99', 'cold-95']);

/** How the locality's `codes` were classed in `run`. Codes the run does not hold count as not tested. */
export function tallyHotspots(run: Pick<HotspotRun, 'areas'>, codes: readonly string[]): HotspotTally {
  const byCode = new Map(run.areas.map((a) => [a.code, a]));
  const byClass = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<HotColdClass, number>;
  const hot: { code: string; rank: number }[] = [];
  const cold: { code: string; rank: number }[] = [];
  let tested = 0;
  for (const code of new Set(codes)) {
    const a = byCode.get(code);
    if (!a || a.status !== 'tested' || a.class === null) continue;
    tested++;
    byClass[a.class]++;
    if (STRONG_HOT.has(a.class)) hot.push({ code, rank: a.class === 'hot-99' ? 0 : 1 });
    if (STRONG_COLD.has(a.class)) cold.push({ code, rank: a.class === 'cold-99' ? 0 : 1 });
  }
  const order = (xs: { code: string; rank: number }[]) => xs.sort((x, y) => x.rank - y.rank || (x.code < y.code ? -1 : 1)).map((x) => x.code);
  return {
    total: new Set(codes).size,
    tested,
    hot: byClass['hot-99'] + byClass['hot-95'],
    cold: byClass['cold-99'] + byClass['cold-95'],
    hot90: byClass['hot-90'],
    cold90: byClass['cold-90'],
    byClass,
    hotCodes: order(hot),
    coldCodes: order(cold),
  };
}

export interface LocalityThemeHotspots {
  theme: string;
  /** The theme's words, lower case as in a sentence ("housing"). */
  themeWords: string;
  lsoa: HotspotTally;
  /** Null when the locality holds no whole ward. */
  ward: HotspotTally | null;
}

/** Both levels' tallies for one theme: small areas always, wards when the locality has any. */
export function localityThemeHotspots(
  theme: { id: string; label: string },
  runs: Readonly<Partial<Record<AreaLevel, Pick<HotspotRun, 'areas'>>>>,
  members: { lsoas: readonly string[]; wards: readonly string[] },
): LocalityThemeHotspots | null {
  if (!runs.lsoa) return null;
  return {
    theme: theme.id,
    themeWords: theme.label.toLowerCase(),
    lsoa: tallyHotspots(runs.lsoa, members.lsoas),
    ward: members.wards.length && runs.ward ? tallyHotspots(runs.ward, members.wards) : null,
  };
}

/** "Of its 24 small areas, 5 are hot spots for housing (95 % confidence or more), 0 cold spots; of its 4 wards, 1 is a hot spot, 0 cold spots." */
export function localityHotspotSentence(t: LocalityThemeHotspots): string {
  const verb = (n: number) => (n === 1 ? 'is' : 'are');
  const spots = (n: number, kind: 'hot' | 'cold') => `${n} ${kind} spot${n === 1 ? '' : 's'}`;
  const part = (tally: HotspotTally, level: AreaLevel, first: boolean) => {
    const lead = `of its ${countOf(tally.total, level)}`;
    const hot = `${tally.hot} ${verb(tally.hot)} ${tally.hot === 1 ? 'a hot spot' : 'hot spots'}`;
    const what = first ? ` for ${t.themeWords} (95 % confidence or more)` : '';
    const weaker = tally.hot90 + tally.cold90 ? ` (${tally.hot90} more hot and ${tally.cold90} more cold at 90 %)` : '';
    const untested = tally.tested < tally.total ? `; ${tally.total - tally.tested} could not be tested` : '';
    return `${lead}, ${hot}${what}, ${spots(tally.cold, 'cold')}${weaker}${untested}`;
  };
  const s = [part(t.lsoa, 'lsoa', true), ...(t.ward ? [part(t.ward, 'ward', false)] : [])].join('; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/**
 * A locality's theme score: the population-weighted mean of its small areas'
 * theme scores, those scores standardised across every small area of the
 * place (not across the few localities, whose spread says little). Small
 * areas with no score or no residents are left out; null when none is left.
 */
export function localityThemeScore(
  scores: { codes: readonly string[]; scores: readonly (number | null)[] },
  lsoas: readonly string[],
  population: ReadonlyMap<string, number | null>,
): { score: number | null; used: number } {
  const at = new Map(scores.codes.map((c, i) => [c, i]));
  let num = 0;
  let den = 0;
  let used = 0;
  for (const code of new Set(lsoas)) {
    const i = at.get(code);
    const v = i === undefined ? null : scores.scores[i];
    const p = population.get(code) ?? 0;
    if (v === null || v === undefined || !Number.isFinite(v) || !(p > 0)) continue;
    num += v * p;
    den += p;
    used++;
  }
  return { score: den > 0 ? num / den : null, used };
}

/**
 * Which place to test a locality's areas in: the place in view when it holds
 * the whole locality; else all five built-in authorities when the locality
 * lies within them (an England-wide test per theme is too slow for a
 * profile); else its one authority. Null when none fits (it spans
 * authorities outside the five).
 */
export function localityTestPlace(place: string, authorities: readonly string[], builtIn: readonly string[]): string | null {
  if (authorities.length === 0) return null;
  if (authorities.every((a) => a === place)) return place;
  if (authorities.every((a) => builtIn.includes(a))) return place === 'five' || authorities.length > 1 ? 'five' : (authorities[0] as string);
  return authorities.length === 1 ? (authorities[0] as string) : null;
}
