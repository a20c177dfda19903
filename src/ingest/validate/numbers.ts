/**
 * Numbers as people's files write them. With `decimalComma` (a semicolon or
 * tab file from a European-language Excel, decided by the reader from the
 * delimiter and the content), "51,40412" is 51.40412 and "1.234,5" is
 * 1234.5; text without a comma is read as usual. Without it, a comma is never a decimal point, so "51,40412" is not a
 * number: guessing would turn one coordinate into another silently.
 */

/** Decimal point: "-0.1276", "530123", "+51.4", ".5", "5.", "1e-3". */
const POINT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/**
 * Decimal comma, with optional dot or space thousands: "51,40412", "-0,12",
 * ",5", "1.234,5". Without a comma the text is read as a decimal point
 * ("51.404" stays 51.404, never 51404).
 */
const COMMA = /^[-+]?(\d{1,3}([. \u00a0\u202f]\d{3})+|\d*),\d+$/;

/** The number `text` stands for, or NaN when it is not one (blank included). */
export function parseDecimal(text: string, options: { decimalComma?: boolean } = {}): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  if (options.decimalComma && COMMA.test(t)) {
    return Number(t.replace(/[. \u00a0\u202f]/g, '').replace(',', '.'));
  }
  // A plain "51.40412" is read in a decimal-comma file too: some columns are written by other software.
  return POINT.test(t) ? Number(t) : Number.NaN;
}

/**
 * The same number written with a decimal point ("51,40412" → "51.40412"),
 * for checks that read numbers the ordinary way; other text is returned as it is.
 */
export function decimalCommaToPoint(text: string): string {
  const t = text.trim();
  return COMMA.test(t) ? String(parseDecimal(t, { decimalComma: true })) : text;
}
