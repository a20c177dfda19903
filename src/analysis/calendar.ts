/**
 * Calendar months as 'YYYY-MM': arithmetic, runs of consecutive months, the
 * gaps between them, and the plain sentences that say which months a series
 * has. A missing month is never treated as zero or as "next to" the month on
 * either side of it. Pure: no React, no DOM, no Date (so no time zone).
 */

import { listWords, monthLabel, shortMonth } from './format.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0: consecutive months differ by 1. Throws on anything but 'YYYY-MM'. */
export function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`'${month}' is not a month written as YYYY-MM.`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, k: number): string {
  return monthFromIndex(monthIndex(month) + k);
}

/** Every month from `from` to `to`, inclusive (empty when `to` is before `from`). */
export function monthRange(from: string, to: string): string[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => monthFromIndex(a + i));
}

/** Consecutive calendar months, oldest first. */
export interface MonthRun {
  from: string;
  to: string;
  months: string[];
}

/** Distinct months, oldest first. */
function distinct(months: Iterable<string>): string[] {
  return [...new Set(months)].sort((a, b) => monthIndex(a) - monthIndex(b));
}

/** The unbroken runs of months in a set of months, oldest run first. */
export function monthRuns(months: Iterable<string>): MonthRun[] {
  const runs: MonthRun[] = [];
  for (const m of distinct(months)) {
    const last = runs.at(-1);
    if (last && monthIndex(m) === monthIndex(last.to) + 1) {
      last.months.push(m);
      last.to = m;
    } else runs.push({ from: m, to: m, months: [m] });
  }
  return runs;
}

/** The gaps: runs of months missing between the first and last month present. */
export function monthGaps(months: Iterable<string>): MonthRun[] {
  const runs = monthRuns(months);
  return runs.slice(1).map((r, i) => {
    const gap = monthRange(addMonths(runs[i]!.to, 1), addMonths(r.from, -1));
    return { from: gap[0]!, to: gap.at(-1)!, months: gap };
  });
}

/** The longest unbroken run; of equally long runs, the latest. Null for no months. */
export function longestRun(months: Iterable<string>): MonthRun | null {
  let best: MonthRun | null = null;
  for (const r of monthRuns(months)) if (!best || r.months.length >= best.months.length) best = r;
  return best;
}

/**
 * The run a person chose (named by its first month) when there is one,
 * otherwise the longest: what an emerging-hotspot or trend test runs over.
 */
export function chooseRun(months: Iterable<string>, from?: string | null): MonthRun | null {
  const runs = monthRuns(months);
  return runs.find((r) => r.from === from) ?? longestRun(runs.flatMap((r) => r.months));
}

/** 'Mar 2022', 'Mar–Oct 2022', 'Nov 2021–Oct 2022'. */
export function spanLabel(from: string, to: string): string {
  if (from === to) return monthLabel(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${shortMonth(from)!}–${monthLabel(to)}`;
  return `${monthLabel(from)}–${monthLabel(to)}`;
}

/** 'Mar–Oct 2022 (8 months)'. */
export function runLabel(run: MonthRun): string {
  return `${spanLabel(run.from, run.to)} (${run.months.length === 1 ? '1 month' : `${run.months.length} months`})`;
}

/** 'none from Nov 2022 to Dec 2023', 'none in Mar 2023'; several gaps joined with 'or'. */
export function gapWords(gaps: readonly MonthRun[]): string {
  const each = gaps.map((g) => (g.from === g.to ? `in ${monthLabel(g.from)}` : `from ${monthLabel(g.from)} to ${monthLabel(g.to)}`));
  return each.length === 0 ? '' : `none ${each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} or ${each.at(-1)}`}`;
}

/**
 * Which months a series has, in plain words:
 * "8 months of 2022 and 4 of 2024; none from Nov 2022 to Dec 2023", or, with
 * no gap, "35 months in a row, Dec 2019 to Oct 2022".
 */
export function coverageSentence(months: Iterable<string>): string {
  const all = distinct(months);
  if (all.length === 0) return 'no months';
  const gaps = monthGaps(all);
  if (gaps.length === 0) {
    return all.length === 1 ? `1 month, ${monthLabel(all[0]!)}` : `${all.length} months in a row, ${monthLabel(all[0]!)} to ${monthLabel(all.at(-1)!)}`;
  }
  const byYear = new Map<string, number>();
  for (const m of all) byYear.set(m.slice(0, 4), (byYear.get(m.slice(0, 4)) ?? 0) + 1);
  const years = [...byYear].map(([year, n], i) => (i === 0 ? `${n} ${n === 1 ? 'month' : 'months'} of ${year}` : `${n} of ${year}`));
  return `${listWords(years)}; ${gapWords(gaps)}`;
}

/**
 * The months a set of months covers, as spans: 'Nov 2021–Oct 2022', or
 * 'Mar–Oct 2022 and Jan–Apr 2024' when it crosses a gap.
 */
export function spansLabel(months: Iterable<string>): string {
  return listWords(monthRuns(months).map((r) => spanLabel(r.from, r.to)));
}

export type CalendarEntry = { kind: 'month'; month: string; value: number } | { kind: 'gap'; from: string; to: string; months: number };

/**
 * A monthly series on the calendar: each month with a value, oldest first,
 * and each stretch of missing months between them as one gap entry (for a
 * chart's table of numbers, so the gap is named, not skipped).
 */
export function calendarSeries(series: readonly { month: string; value: number }[]): CalendarEntry[] {
  const values = new Map(series.map((s) => [s.month, s.value]));
  const gaps = monthGaps(values.keys());
  const entries: CalendarEntry[] = [];
  for (const run of monthRuns(values.keys())) {
    const gap = gaps.find((g) => monthIndex(g.to) + 1 === monthIndex(run.from));
    if (gap) entries.push({ kind: 'gap', from: gap.from, to: gap.to, months: gap.months.length });
    for (const m of run.months) entries.push({ kind: 'month', month: m, value: values.get(m)! });
  }
  return entries;
}

/**
 * Which months a trend test ran over, for the sentence under the map:
 * "Months tested: Mar–Oct 2022 (8 months), the longest unbroken run of months
 * with data. Not tested: Jan–Apr 2024 (4 months); none from Nov 2022 to Dec 2023."
 */
export function runSentence(run: MonthRun, runs: readonly MonthRun[]): string {
  const others = runs.filter((r) => r.from !== run.from);
  if (others.length === 0) return `Months tested: ${runLabel(run)}, every month with data.`;
  const longest = longestRun(runs.flatMap((r) => r.months));
  const which = longest?.from === run.from ? 'the longest unbroken run of months with data' : 'the run of months chosen';
  const gaps = monthGaps(runs.flatMap((r) => r.months));
  return `Months tested: ${runLabel(run)}, ${which}. Not tested: ${listWords(others.map(runLabel))}; ${gapWords(gaps)}.`;
}

/** A stretch of calendar months with no visit between two visits (index `after` and the next). */
export interface VisitGap {
  after: number;
  from: string;
  to: string;
  months: number;
}

/**
 * Breaks in a list of visit dates ('YYYY-MM-DD', oldest first) of at least
 * `minMissing` whole calendar months with no visit: drawn as gaps on a
 * site's grade history, so a year's pause never looks like the next round.
 */
export function visitGaps(dates: readonly string[], minMissing = 3): VisitGap[] {
  const gaps: VisitGap[] = [];
  for (let j = 1; j < dates.length; j++) {
    const a = monthIndex(dates[j - 1]!.slice(0, 7));
    const b = monthIndex(dates[j]!.slice(0, 7));
    if (b - a - 1 >= minMissing) gaps.push({ after: j - 1, from: monthFromIndex(a + 1), to: monthFromIndex(b - 1), months: b - a - 1 });
  }
  return gaps;
}
