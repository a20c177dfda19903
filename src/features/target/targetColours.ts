import type { TargetRow } from '../../analysis/targetRanking.ts';
import { NEED_CLASSES } from '../../analysis/targetRanking.ts';
import { NO_DATA_COLOUR, severityColour } from '../../map/palette.ts';

/** Need class 0 (most in need) is the darkest viridis colour: colour-blind safe and readable in greyscale. */
export const needColour = (needClass: number): string => severityColour((NEED_CLASSES - 1 - needClass) / (NEED_CLASSES - 1));

const CLASS_WORDS = ['Most in need (top fifth)', 'Second fifth', 'Middle fifth', 'Fourth fifth', 'Least in need (bottom fifth)'];

/** Map colour per ranked row; grey for a row with no score. */
export function targetColours(rows: readonly TargetRow[]): Map<string, string> {
  return new Map(rows.map((r) => [r.code, r.needClass === null ? NO_DATA_COLOUR : needColour(r.needClass)]));
}

/** The map key's rows with counts, most in need first. */
export function targetLegend(rows: readonly TargetRow[]): { key: string; label: string; colour: string; count: number }[] {
  const legend = CLASS_WORDS.map((label, c) => ({ key: String(c), label, colour: needColour(c), count: rows.filter((r) => r.needClass === c).length }));
  const unscored = rows.filter((r) => r.needClass === null).length;
  return unscored ? [...legend, { key: 'none', label: 'No score', colour: NO_DATA_COLOUR, count: unscored }] : legend;
}
