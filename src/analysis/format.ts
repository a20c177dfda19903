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
