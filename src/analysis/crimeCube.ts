import { chooseRun, monthRuns, type MonthRun } from './calendar.ts';

/**
 * A space–time cube of monthly counts for the emerging-hotspot test:
 * cube[t * n + i] is area i in month t (oldest first). Only months with data
 * for every area are kept (a month with no police data is not zero crime).
 */
export function crimeCube(rows: readonly { code: string; month: string; count: number | null }[]): {
  codes: string[];
  months: string[];
  cube: Float64Array;
  droppedMonths: string[];
} {
  const codes = [...new Set(rows.map((r) => r.code))].sort();
  const allMonths = [...new Set(rows.map((r) => r.month))].sort();
  const at = new Map<string, number | null>();
  for (const r of rows) at.set(`${r.code}|${r.month}`, r.count);
  const months = allMonths.filter((m) => codes.every((c) => at.get(`${c}|${m}`) != null));
  const cube = new Float64Array(months.length * codes.length);
  months.forEach((m, t) => codes.forEach((c, i) => (cube[t * codes.length + i] = at.get(`${c}|${m}`) ?? 0)));
  return { codes, months, cube, droppedMonths: allMonths.filter((m) => !months.includes(m)) };
}

/**
 * The cube cut to one unbroken run of calendar months (the longest unless
 * `from` names another run's first month): a trend test must never treat the
 * months either side of a gap as next to each other. `runs` lists every run
 * for the person to choose from.
 */
export function cubeRun(
  c: { codes: readonly string[]; months: readonly string[]; cube: Float64Array },
  from?: string | null,
): { months: string[]; cube: Float64Array; run: MonthRun | null; runs: MonthRun[] } {
  const runs = monthRuns(c.months);
  const run = chooseRun(c.months, from);
  if (!run) return { months: [], cube: new Float64Array(0), run: null, runs };
  const n = c.codes.length;
  const start = c.months.indexOf(run.from);
  return { months: run.months, cube: c.cube.slice(start * n, (start + run.months.length) * n), run, runs };
}
