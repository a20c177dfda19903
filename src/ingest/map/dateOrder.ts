const NUMERIC_DATE = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/;

/**
 * Whether a sample of dates settles day-first against month-first: a first
 * number above 12 proves day-first (31/01/2025), a second above 12 proves
 * month-first (01/31/2025). Otherwise UK order is assumed and the note says so.
 */
export function detectDateOrder(values: string[]): { order?: 'dmy' | 'mdy'; note?: string } {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  let monthFirstExample = '';
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) {
      monthFirst++;
      monthFirstExample ||= v.trim();
    }
    else if (a !== b) ambiguous++;
  }
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', note: `Dates are written month first (e.g. '${monthFirstExample}'), so they are read that way.` };
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', note: 'Dates are written day first (UK order), so they are read that way.' };
  if (dayFirst > 0 && monthFirst > 0) return { order: 'dmy', note: 'Dates mix day-first and month-first writing; they are read day first (UK order), and the others will be reported.' };
  if (ambiguous > 0) return { order: 'dmy', note: 'Dates like 03/04/2025 could be day or month first; they are read day first (UK order: 3 April 2025). Choose month-first if the file is American.' };
  return {};
}
