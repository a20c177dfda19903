import { isCanonicalTheme } from './themes.ts';

const STRONG_SEPARATORS = /\s*(?:[;|\n\r]|\s+>\s+)\s*/;

/**
 * A ranked list of themes in one cell, first = rank 1. Semicolons, bars,
 * line breaks and ' > ' separate choices; commas do only when none of those
 * is used, and then a theme whose own name holds a comma ('Diversity,
 * inclusion & community spirit') is put back together.
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
    for (let j = i + 1; j < pieces.length; j++) {
      const joined = pieces.slice(i, j + 1).join(', ');
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
