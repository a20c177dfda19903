/** Calendar helpers in UTC (no time zones, so output never depends on the machine). */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date 'YYYY-MM-DD'. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** UK style, as a community group's spreadsheet would show it: dd/mm/yyyy. */
export function ukDate(day: number): string {
  const date = new Date(day * DAY_MS);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** Day number of the first day of a month, counted from a start month 'YYYY-MM'. */
export function monthStart(startMonth: string, offset: number): number {
  const [y, m] = startMonth.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1 + offset, 1) / DAY_MS;
}

export function daysInMonth(firstDay: number): number {
  const date = new Date(firstDay * DAY_MS);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}
