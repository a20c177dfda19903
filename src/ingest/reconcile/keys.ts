/**
 * Comparison keys for grouping spelling variants, as OpenRefine's
 * key-collision clustering makes them: two values with the same key are
 * taken to be the same thing written differently. Pure string functions.
 */

/**
 * Common abbreviations and their long forms, all written as one short form so
 * 'St Mary's Rd' and 'Saint Marys Road' meet. 'St' stands for both Street and
 * Saint: as a key that is harmless, since both sides are written the same way.
 */
const ABBREVIATIONS: Record<string, string> = {
  road: 'rd', rd: 'rd',
  street: 'st', st: 'st', saint: 'st', str: 'st',
  avenue: 'ave', ave: 'ave', av: 'ave',
  centre: 'ctr', center: 'ctr', ctr: 'ctr', ctre: 'ctr', cntr: 'ctr',
  lane: 'ln', ln: 'ln',
  drive: 'dr', dr: 'dr',
  square: 'sq', sq: 'sq',
  crescent: 'cres', cres: 'cres', cresc: 'cres',
  community: 'comm', comm: 'comm', cmty: 'comm', commty: 'comm',
  church: 'ch', ch: 'ch', chh: 'ch',
  close: 'cl', cl: 'cl',
  place: 'pl', pl: 'pl',
  gardens: 'gdns', garden: 'gdns', gdns: 'gdns', gdn: 'gdns',
  park: 'pk', pk: 'pk',
  terrace: 'ter', terr: 'ter', ter: 'ter',
  court: 'ct', ct: 'ct',
  house: 'hse', hse: 'hse',
  library: 'lib', lib: 'lib',
  school: 'sch', sch: 'sch',
  primary: 'prim', prim: 'prim',
  association: 'assoc', assoc: 'assoc', assn: 'assoc',
  recreation: 'rec', rec: 'rec',
  hall: 'hall',
  mount: 'mt', mt: 'mt',
  north: 'n', south: 's', east: 'e', west: 'w',
};

/** Letters with accents lose them (é → e, ñ → n): NFD splits the accent off as a combining mark. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower case, no accents, no apostrophes (Mary's = Marys), '&' and '+' as ' and ', other punctuation as spaces. */
function words(text: string): string[] {
  return stripAccents(text)
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`\u00b4]/g, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

/** Text in round or square brackets dropped: 'St Mary's Hall (Lache)' → 'St Mary's Hall'. */
export function withoutBrackets(text: string): string {
  return text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
}

/**
 * OpenRefine's fingerprint key, plus abbreviations: words lower-cased without
 * accents or punctuation, abbreviations written one way, then sorted and
 * de-duplicated so word order and repeats don't matter.
 */
export function fingerprint(text: string): string {
  const tokens = words(text).map((w) => ABBREVIATIONS[w] ?? w);
  return [...new Set(tokens)].sort().join(' ');
}

/** The fingerprint with bracketed text dropped; '' when nothing is outside the brackets. */
export function bracketlessFingerprint(text: string): string {
  return fingerprint(withoutBrackets(text));
}

/**
 * OpenRefine's n-gram fingerprint: every run of n letters of the text with
 * spaces and punctuation removed, sorted and de-duplicated. It meets values
 * the word fingerprint misses, such as 'StMarys' and 'St Marys'.
 */
export function ngramFingerprint(text: string, n = 2): string {
  const compact = words(text).map((w) => ABBREVIATIONS[w] ?? w).join('');
  if (compact.length <= n) return compact;
  const grams = new Set<string>();
  for (let i = 0; i + n <= compact.length; i++) grams.add(compact.slice(i, i + n));
  return [...grams].sort().join('');
}

/** Levenshtein distance between a and b, or max + 1 as soon as it must exceed max (so long texts cost little). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Shortest key that may be compared by spelling distance: shorter words differ by two letters too easily ('Rec' / 'Red'). */
export const NEAR_MIN_LENGTH = 6;
export const NEAR_MAX_DISTANCE = 2;

/**
 * True when two fingerprints are a typing slip apart (at most two letters
 * different, both at least six letters long). Only ever a suggestion to check.
 */
export function nearKeys(a: string, b: string): boolean {
  if (a === b || a.length < NEAR_MIN_LENGTH || b.length < NEAR_MIN_LENGTH) return false;
  return boundedLevenshtein(a, b, NEAR_MAX_DISTANCE) <= NEAR_MAX_DISTANCE;
}
