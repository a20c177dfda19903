import type { FeatureCollection, Point } from 'geojson';
import type { SiteGrade, SiteLatest, WardGradeMix } from '../../db/queries/streetReps.ts';
import { compareIssues, type HistoryChart, type HistoryIssue } from '../../analysis/streetReps.ts';

/**
 * Pure glue between the street-rep queries and the charts and sentences of
 * the "Street reps" section. No React, no DOM.
 */

const OTHER_HEADING = 'Other issues';

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
  return { visits, issues: [...issues.values()].sort((a, b) => compareIssues(a.issue, b.issue)) };
}

/** Only the last `n` visits (all of them when there are no more than `n`), so a long history stays legible. */
export function recentVisits(chart: HistoryChart, n: number): HistoryChart {
  if (chart.visits.length <= n) return chart;
  const from = chart.visits.length - n;
  return { visits: chart.visits.slice(from), issues: chart.issues.map((i) => ({ ...i, grades: i.grades.slice(from) })) };
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
  return [...byIssue.values()].sort((a, b) => compareIssues(a.issue, b.issue));
}
