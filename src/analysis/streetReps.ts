import { GRADES, STREET_REP_ISSUES } from '../ingest/schemas.ts';
import type { Grade } from '../db/queries/streetReps.ts';

/**
 * Street-rep grades over time: how each issue at a site has moved over its
 * latest visits, and the sentences a site card shows. Pure: no React, no DOM.
 */

/** 'A'–'D' for a stored grade 0–3; '–' for anything else (not graded). */
export function gradeLetter(grade: number | null | undefined): string {
  return grade !== null && grade !== undefined && Number.isInteger(grade) && grade >= 0 && grade <= 3 ? GRADES[grade]! : '–';
}

/** Form order: headings and issues as the monitoring form lists them; issues the form lacks go last, A–Z. */
export function compareIssues(a: string, b: string): number {
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
      compareIssues(x.issue, y.issue),
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
