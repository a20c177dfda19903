/**
 * Comparison keys for free text typed by people: case, punctuation, '&'
 * versus 'and', dashes and repeated spaces are all ignored.
 */
export function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** The key with spaces removed too, so 'Fly tipping' and 'Flytipping' meet. */
export function compactKey(text: string): string {
  return normaliseKey(text).replace(/ /g, '');
}

/** Trimmed text, or null when blank. */
export function textOrNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

/** Answers that mean "not given" rather than a value that can't be read. */
const NOT_GIVEN = new Set(['', 'n a', 'na', 'none', 'not given', 'not known', 'unknown', 'prefer not to say', 'rather not say', 'not stated', 'not applicable', 'no answer', 'blank', 'null']);

export function isNotGiven(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-' || t === '—' || NOT_GIVEN.has(normaliseKey(t));
}
