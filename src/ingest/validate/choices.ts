import { SURVEY_THEMES } from '../schemas.ts';
import { normaliseKey } from './text.ts';
import { isCanonicalTheme } from './themes.ts';

const STRONG_SEPARATORS = /\s*(?:[;|\n\r]|\s+>\s+)\s*/;

/** Word counts of the theme names as keys ('&' counts as 'and'): rejoined text can match only with one of these. */
const THEME_WORD_COUNTS = new Set(SURVEY_THEMES.map((t) => normaliseKey(t).split(' ').length));
const MAX_THEME_WORDS = Math.max(...THEME_WORD_COUNTS);
/** Pieces tried past one that starts a theme, counting blank and punctuation-only pieces too. */
const MAX_JOINED_PIECES = 2 * MAX_THEME_WORDS;

const wordsIn = (piece: string): number => (piece === '' ? 0 : normaliseKey(piece).split(' ').filter((w) => w !== '').length);

/**
 * A ranked list of themes in one cell, first = rank 1. Semicolons, bars,
 * line breaks and ' > ' separate choices; commas do only when none of those
 * is used, and then a theme whose own name holds a comma ('Diversity,
 * inclusion & community spirit') is put back together.
 *
 * Rejoining looks only a few pieces ahead (as many as the longest theme has
 * words), so a comment cell with 100,000 commas splits in linear time.
 */
export function splitChoices(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  if (STRONG_SEPARATORS.test(t)) return t.split(STRONG_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
  const pieces = t.split(',').map((s) => s.trim());
  const pieceWords = pieces.map(wordsIn);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]!;
    let end = i;
    // Rejoin following pieces when the longer text is exactly a theme name.
    let joined = piece;
    let words = pieceWords[i]!;
    // A theme never starts or ends with a blank piece: blanks are skipped, not rejoined.
    for (let j = i + 1; piece !== '' && j < pieces.length && j - i <= MAX_JOINED_PIECES; j++) {
      const next = pieces[j]!;
      words += pieceWords[j]!;
      if (words > MAX_THEME_WORDS) break;
      joined += `, ${next}`;
      if (next !== '' && THEME_WORD_COUNTS.has(words) && isCanonicalTheme(joined)) {
        piece = joined;
        end = j;
      }
    }
    i = end;
    if (piece !== '') out.push(piece);
  }
  return out;
}

const TICK = /^(?:x|y|yes|1|true|ticked|selected|checked|\u2713|\u2714)$/i;

/** A cell that only marks a one-column-per-option column as ticked ('1', 'x', '✓'): the option is the column's. */
export function isTickMark(text: string): boolean {
  return TICK.test(text.trim());
}
