/**
 * A space–time cube of street-rep grades for the emerging hot spot test:
 * sites × calendar months, cube[t * n + i] = site i in month t (oldest first).
 *
 * Rounds are roughly monthly but reps miss months, and a missed visit is not
 * a change in conditions, so:
 * - a month with no visit carries the site's previous grade forward;
 * - months before a site's first visit take its first grade;
 * - a site with fewer than `minMonths` graded months, or with no map
 *   location (its nearest sites cannot be found), is left out and listed.
 * The months run without gaps from the first to the last month in which any
 * kept site was visited, so left-out sites cannot stretch the series.
 * A round missed at every site (up to MAX_MISSED_ROUNDS months in a row) is
 * carried like a missed visit; a longer break with no visit anywhere splits
 * the series into runs, and the cube covers one run only (the longest unless
 * another is chosen), so no grade is carried across, say, a year's pause.
 */
import { monthFromIndex, monthIndex, monthRange, monthRuns, type MonthRun } from './calendar.ts';


export interface CubeSite {
  site_id: string;
  lon: number | null;
  lat: number | null;
}

export interface CubeGrade {
  site_id: string;
  /** 'YYYY-MM'. */
  month: string;
  grade: number;
}

export interface LeftOutSite {
  site_id: string;
  /** Months in which the site was graded (in the run tested, when it has enough months in all but too few in that run). */
  months: number;
  reason: 'too-few-months' | 'no-location';
}

export interface StreetRepCube {
  /** Sites kept, in the order given. */
  siteIds: string[];
  months: string[];
  cube: Float64Array;
  /** lon, lat of each kept site, in the order of siteIds. */
  points: Float64Array;
  /** Site-months after a site's first visit with no visit: the previous grade carried forward. */
  carried: number;
  /** Site-months before a site's first visit: its first grade. */
  beforeFirst: number;
  leftOut: LeftOutSite[];
  /** The runs of months with visits (breaks of more than MAX_MISSED_ROUNDS months with no visit anywhere split them), oldest first. */
  runs: MonthRun[];
  /** The run the cube covers; null when no site qualifies. */
  run: MonthRun | null;
}

/** Months in a row with no visit at any site that are still carried over as missed rounds. */
export const MAX_MISSED_ROUNDS = 2;

/** Fewer graded months than this and a site's trend means little. */
export const MIN_GRADED_MONTHS = 6;

const located = (s: CubeSite) => s.lon !== null && s.lat !== null && Number.isFinite(s.lon) && Number.isFinite(s.lat);

/** One row per site and month is expected; a repeated site-month keeps its last grade. */
export function streetRepCube(
  sites: readonly CubeSite[],
  grades: readonly CubeGrade[],
  options: { minMonths?: number; /** First month of the run to test; the longest run when omitted or not found. */ run?: string | null } = {},
): StreetRepCube {
  const minMonths = options.minMonths ?? MIN_GRADED_MONTHS;
  const bySite = new Map<string, Map<number, number>>();
  for (const g of grades) {
    const series = bySite.get(g.site_id) ?? new Map<number, number>();
    series.set(monthIndex(g.month), g.grade);
    bySite.set(g.site_id, series);
  }

  // Runs over the months in which any located site with enough grades was visited.
  const eligible = sites.filter((site) => located(site) && (bySite.get(site.site_id)?.size ?? 0) >= minMonths);
  const runs = visitRuns(eligible.flatMap((site) => [...bySite.get(site.site_id)!.keys()]));
  const run = runs.find((r) => r.from === options.run) ?? runs.reduce<MonthRun | null>((best, r) => (!best || r.months.length >= best.months.length ? r : best), null);
  const [lo, hi] = run ? [monthIndex(run.from), monthIndex(run.to)] : [0, -1];

  const kept: { site: CubeSite; series: Map<number, number> }[] = [];
  const leftOut: LeftOutSite[] = [];
  for (const site of sites) {
    const all = bySite.get(site.site_id) ?? new Map<number, number>();
    const series = new Map([...all].filter(([m]) => m >= lo && m <= hi));
    if (!located(site)) leftOut.push({ site_id: site.site_id, months: all.size, reason: 'no-location' });
    else if (series.size < minMonths) leftOut.push({ site_id: site.site_id, months: all.size < minMonths ? all.size : series.size, reason: 'too-few-months' });
    else kept.push({ site, series });
  }

  let first = Infinity;
  let last = -Infinity;
  for (const { series } of kept) {
    for (const m of series.keys()) {
      first = Math.min(first, m);
      last = Math.max(last, m);
    }
  }
  const months = kept.length ? Array.from({ length: last - first + 1 }, (_, t) => monthFromIndex(first + t)) : [];
  const n = kept.length;
  const cube = new Float64Array(months.length * n);
  const points = new Float64Array(2 * n);
  let carried = 0;
  let beforeFirst = 0;
  kept.forEach(({ site, series }, i) => {
    points[2 * i] = site.lon!;
    points[2 * i + 1] = site.lat!;
    const firstOwn = Math.min(...series.keys());
    let previous = series.get(firstOwn)!;
    for (let t = 0; t < months.length; t++) {
      const m = first + t;
      const graded = series.get(m);
      if (graded !== undefined) previous = graded;
      else if (m < firstOwn) beforeFirst++;
      else carried++;
      cube[t * n + i] = previous;
    }
  });
  return { siteIds: kept.map((k) => k.site.site_id), months, cube, points, carried, beforeFirst, leftOut, runs, run: kept.length ? run : null };
}

/** Runs of visited months, bridging up to MAX_MISSED_ROUNDS months with no visit; each run lists every calendar month it spans. */
function visitRuns(indices: readonly number[]): MonthRun[] {
  const merged: { from: number; to: number }[] = [];
  for (const r of monthRuns(indices.map(monthFromIndex))) {
    const [from, to] = [monthIndex(r.from), monthIndex(r.to)];
    const last = merged.at(-1);
    if (last && from - last.to - 1 <= MAX_MISSED_ROUNDS) last.to = to;
    else merged.push({ from, to });
  }
  return merged.map(({ from, to }) => ({ from: monthFromIndex(from), to: monthFromIndex(to), months: monthRange(monthFromIndex(from), monthFromIndex(to)) }));
}

/** Each site is compared with this many nearest sites. */
export const NEAREST_SITES = 4;
/** The fewest sites that make a neighbourhood of NEAREST_SITES plus the site itself. */
export const MIN_SITES = NEAREST_SITES + 1;
/** The fewest months in which a trend test means anything. */
export const MIN_MONTHS = 6;

/**
 * Why the cube is too small to look for emerging hot spots, in plain
 * English, or null when it is big enough. `where` names the place ("Lache
 * ward", "all five areas"); `inScope` is how many sites the place has.
 */
export function whyTooLittle(c: Pick<StreetRepCube, 'siteIds' | 'months'>, inScope: number, where: string): string | null {
  if (inScope === 0) return `None of the loaded street-rep sites are in ${where}. Choose another place at the top of the page, or all five areas.`;
  if (c.siteIds.length < MIN_SITES) {
    const have = c.siteIds.length === 0 ? 'No street-rep site' : c.siteIds.length === 1 ? 'Only 1 street-rep site' : `Only ${c.siteIds.length} street-rep sites`;
    return `${have} in ${where} ${c.siteIds.length <= 1 ? 'has' : 'have'} at least ${MIN_GRADED_MONTHS} months of grades and a map location. At least ${MIN_SITES} are needed, so that each site can be compared with its ${NEAREST_SITES} nearest sites.`;
  }
  if (c.months.length < MIN_MONTHS) {
    return `The street-rep visits in ${where} cover ${c.months.length === 1 ? 'only 1 month' : `only ${c.months.length} months`}: at least ${MIN_MONTHS} are needed to look for a trend.`;
  }
  return null;
}
