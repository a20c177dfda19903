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
