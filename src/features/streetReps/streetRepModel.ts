import type { FeatureCollection, Point } from 'geojson';
import { GRADES, STREET_REP_ISSUES } from '../../ingest/schemas.ts';
import type { Grade, SiteGrade, SiteLatest, WardGradeMix } from '../../db/queries/streetReps.ts';

/**
 * Pure glue between the street-rep queries and the charts and sentences of
 * the "Street reps" section. No React, no DOM.
 */

/** 'A'–'D' for a stored grade 0–3; '–' for anything else (not graded). */
export function gradeLetter(grade: number | null | undefined): string {
  return grade !== null && grade !== undefined && Number.isInteger(grade) && grade >= 0 && grade <= 3 ? GRADES[grade]! : '–';
}

const OTHER_HEADING = 'Other issues';

/** Form order: headings and issues as the monitoring form lists them; issues the form lacks go last, A–Z. */
function issueOrder(a: string, b: string): number {
  const ia = STREET_REP_ISSUES.indexOf(a);
  const ib = STREET_REP_ISSUES.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a.localeCompare(b, 'en-GB');
}

export interface HistoryIssue {
  issue: string;
  heading: string;
  /** One per visit, in the order of `visits`; null = not graded that visit. */
  grades: (Grade | null)[];
}

/** GradeHistory's props for one site. */
export interface HistoryChart {
  /** ISO date of each visit, oldest first (two visits on one day appear twice). */
  visits: string[];
  issues: HistoryIssue[];
}

/** Turn a site's grades (siteHistory rows, oldest visit first) into one column per visit and one row per issue. */
export function historyChart(rows: readonly SiteGrade[]): HistoryChart {
  const visitIndex = new Map<string, number>();
  const visits: string[] = [];
  for (const r of rows) {
    const key = `${r.dataset}\u0000${r.visit_id}`;
    if (visitIndex.has(key)) continue;
    visitIndex.set(key, visits.length);
    visits.push(r.visited_on);
  }
  const issues = new Map<string, HistoryIssue>();
  for (const r of rows) {
    let row = issues.get(r.issue);
    if (!row) {
      row = { issue: r.issue, heading: r.heading ?? OTHER_HEADING, grades: visits.map(() => null) };
      issues.set(r.issue, row);
    }
    row.grades[visitIndex.get(`${r.dataset}\u0000${r.visit_id}`)!] = r.grade;
  }
  return { visits, issues: [...issues.values()].sort((a, b) => issueOrder(a.issue, b.issue)) };
}

/** Only the last `n` visits (all of them when there are no more than `n`), so a long history stays legible. */
export function recentVisits(chart: HistoryChart, n: number): HistoryChart {
  if (chart.visits.length <= n) return chart;
  const from = chart.visits.length - n;
  return { visits: chart.visits.slice(from), issues: chart.issues.map((i) => ({ ...i, grades: i.grades.slice(from) })) };
}

export type TrendDirection = 'worse' | 'better' | 'same' | 'mixed';

export interface IssueTrend {
  issue: string;
  heading: string;
  direction: TrendDirection;
  from: Grade;
  to: Grade;
  /** Graded visits the trend covers (2 up to the window). */
  visits: number;
  sentence: string;
}

/**
 * How each issue moved over its last `window` graded visits (the same window
 * the "Getting worse" list uses), judged by where it started and ended.
 * Issues graded only once are left out. Worse first (biggest rise first,
 * then the worst grade now, as the "Getting worse" list sorts), then better,
 * then up-and-down, then unchanged.
 */
export function issueTrends(chart: HistoryChart, window = 3): IssueTrend[] {
  const trends: IssueTrend[] = [];
  for (const row of chart.issues) {
    const graded = row.grades.flatMap((g, i) => (g === null ? [] : [{ g, i }])).slice(-window);
    if (graded.length < 2) continue;
    const from = graded[0]!.g;
    const to = graded[graded.length - 1]!.g;
    const varied = graded.some((x) => x.g !== from);
    const direction: TrendDirection = to > from ? 'worse' : to < from ? 'better' : varied ? 'mixed' : 'same';
    // "the last 3 visits" only when the issue was graded on each of the site's last 3 visits.
    const everyVisit = graded.every((x, k) => x.i === chart.visits.length - graded.length + k);
    const span = `over the last ${graded.length} visits${everyVisit ? '' : ' that graded it'}`;
    const [a, b] = [gradeLetter(from), gradeLetter(to)];
    const sentence =
      direction === 'worse'
        ? `${row.issue} has gone from ${a} to ${b} ${span}.`
        : direction === 'better'
          ? `${row.issue} has improved from ${a} to ${b} ${span}.`
          : direction === 'mixed'
            ? `${row.issue} went up and down ${span}, ending where it started at ${b}.`
            : `${row.issue} has stayed at ${b} ${span}.`;
    trends.push({ issue: row.issue, heading: row.heading, direction, from, to, visits: graded.length, sentence });
  }
  const rank: Record<TrendDirection, number> = { worse: 0, better: 1, mixed: 2, same: 3 };
  return trends.sort(
    (x, y) =>
      rank[x.direction] - rank[y.direction] ||
      Math.abs(y.to - y.from) - Math.abs(x.to - x.from) ||
      (x.direction === 'same' ? 0 : y.to - x.to) ||
      issueOrder(x.issue, y.issue),
  );
}

/**
 * The sentences a site card shows: one per issue that changed, then the
 * unchanged ones together, so a card stays short.
 */
export function trendSentences(trends: readonly IssueTrend[]): string[] {
  const changed = trends.filter((t) => t.direction !== 'same').map((t) => t.sentence);
  const same = trends.filter((t) => t.direction === 'same');
  if (same.length === 0) return changed;
  if (same.length === 1) return [...changed, same[0]!.sentence];
  const list = same.map((t) => `${t.issue} (${gradeLetter(t.to)})`).join(', ');
  return [...changed, `${changed.length === 0 ? 'Every issue' : 'The other issues'} stayed the same over the last visits: ${list}.`];
}

export interface WardOption {
  code: string;
  name: string;
}

/** The wards that hold at least one site, A–Z by name; sites with no known ward add none. */
export function wardsWithSites(sites: readonly Pick<SiteLatest, 'ward_code' | 'ward_name'>[]): WardOption[] {
  const wards = new Map<string, string>();
  for (const s of sites) if (s.ward_code && !wards.has(s.ward_code)) wards.set(s.ward_code, s.ward_name ?? s.ward_code);
  return [...wards].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));
}

/** What the map draws: each located site with its worst latest grade (null = not graded). */
export function sitePoints(sites: readonly SiteLatest[]): FeatureCollection<Point, { site_id: string; name: string; grade: number | null }> {
  return {
    type: 'FeatureCollection',
    features: sites
      .filter((s) => s.lon !== null && s.lat !== null && Number.isFinite(s.lon) && Number.isFinite(s.lat))
      .map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] },
        properties: { site_id: s.site_id, name: s.name ?? s.site_id, grade: s.worst_grade },
      })),
  };
}

/** How many sites have each worst grade A–D, and how many were not graded; for the map key. */
export function gradeCounts(sites: readonly Pick<SiteLatest, 'worst_grade'>[]): { counts: [number, number, number, number]; notGraded: number } {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  let notGraded = 0;
  for (const s of sites) {
    if (s.worst_grade === null) notGraded++;
    else counts[s.worst_grade]++;
  }
  return { counts, notGraded };
}

export interface IssueMixRow {
  issue: string;
  heading: string;
  /** Sites graded A, B, C, D on their latest visit. */
  counts: [number, number, number, number];
}

/** Per issue, the grades at each site's latest visit summed over the wards given (form order). */
export function issueMix(rows: readonly WardGradeMix[]): IssueMixRow[] {
  const byIssue = new Map<string, IssueMixRow>();
  for (const r of rows) {
    const row = byIssue.get(r.issue) ?? { issue: r.issue, heading: r.heading ?? OTHER_HEADING, counts: [0, 0, 0, 0] };
    row.counts = [row.counts[0] + r.a, row.counts[1] + r.b, row.counts[2] + r.c, row.counts[3] + r.d];
    byIssue.set(r.issue, row);
  }
  return [...byIssue.values()].sort((a, b) => issueOrder(a.issue, b.issue));
}
