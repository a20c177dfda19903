/** Numbers as a resident reads them: thousands separators, sensible decimals. */
export function formatValue(v: number | null | undefined, unit = ''): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'no data';
  if (unit.startsWith('rank') || unit === 'people' || unit === 'households') return Math.round(v).toLocaleString('en-GB');
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = v.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: digits });
  return unit === '%' ? `${text}%` : text;
}

export function formatInteger(v: number | null | undefined): string {
  return v === null || v === undefined ? 'no data' : Math.round(v).toLocaleString('en-GB');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month of a 'YYYY-MM' (or 'YYYY-MM-DD') text, or null when it is not one. */
export function shortMonth(iso: string): string | null {
  return /^\d{4}-\d{2}/.test(iso) ? (MONTHS[Number(iso.slice(5, 7)) - 1] ?? null) : null;
}

/**
 * '2024-03' → 'Mar 2024' (a full date gives its month). Read from the text, not
 * through Date, so no time zone can move it; anything else is returned as given.
 */
export function monthLabel(yyyyMm: string): string {
  const month = shortMonth(yyyyMm);
  return month ? `${month} ${yyyyMm.slice(0, 4)}` : yyyyMm;
}

/** '2024-03-05' → '5 Mar 2024', by hand so no time zone can move the day; anything else is returned as given. */
export function dayLabel(iso: string): string {
  const month = shortMonth(iso);
  return month && /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}` : iso;
}

/** 'a', 'a and b', 'a, b and c'. */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
