import { SURVEY_THEMES } from '../schemas.ts';
import { normaliseKey } from './text.ts';
import { isCanonicalTheme } from './themes.ts';

const STRONG_SEPARATORS = /\s*(?:[;|\n\r]|\s+>\s+)\s*/;

/** Words in the longest theme name as a key ('&' counts as 'and'): no rejoined text can match with more. */
const MAX_THEME_WORDS = Math.max(...SURVEY_THEMES.map((t) => normaliseKey(t).split(' ').length));
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
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]!;
    let end = i;
    // Rejoin following pieces when the longer text is exactly a theme name.
    let joined = piece;
    let words = wordsIn(piece);
    for (let j = i + 1; j < pieces.length && j - i <= MAX_JOINED_PIECES; j++) {
      words += wordsIn(pieces[j]!);
      if (words > MAX_THEME_WORDS) break;
      joined += `, ${pieces[j]!}`;
      if (isCanonicalTheme(joined)) {
        piece = joined;
        end = j;
      }
    }
    i = end;
    if (piece !== '') out.push(piece);
  }
  return out;
}
