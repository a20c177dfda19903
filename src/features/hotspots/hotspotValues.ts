import type { ThemeInputs } from '../../db/queries/themeInputs.ts';
import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';
import type { ThemeDefinition } from '../../analysis/themes/definitions.ts';
import { themeScores } from '../../analysis/themes/themeScores.ts';
import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { AreaLevel } from '../../geo/levels.ts';

/**
 * What was read from the database for one place, level, theme or measure and
 * data version. Read once and kept: moving a weight only re-scores these.
 */
export type LoadedValues = {
  /** Place, level, theme or measure and data version. */
  key: string;
  place: string;
  level: AreaLevel;
  /** Time taken to read them. */
  ms: number;
} & (
  | { kind: 'theme'; theme: ThemeDefinition; inputs: ThemeInputs }
  | { kind: 'measure'; indicator: Indicator; codes: string[]; names: string[]; values: (number | null)[] }
);

export interface ValuesToTest {
  codes: string[];
  names: string[];
  values: (number | null)[];
  /** The theme's scores and breakdowns; null for one measure. */
  scores: ThemeScores | null;
}

/** The values the hotspot test runs on: a theme's blend under these weights (cheap, no database), or the measure as read. */
export function valuesToTest(loaded: LoadedValues, weights: Readonly<Record<string, number>>): ValuesToTest {
  if (loaded.kind === 'measure') return { codes: loaded.codes, names: loaded.names, values: loaded.values, scores: null };
  const scores = themeScores(loaded.theme, loaded.inputs, weights);
  return { codes: loaded.inputs.codes, names: loaded.inputs.names, values: scores.scores, scores };
}

/** Wait after the last weight change before testing, so dragging a slider starts one run, not one per step. */
export const WEIGHT_DEBOUNCE_MS = 300;

/**
 * How long to wait before starting a run: only a change of weights (same
 * values read, same statistic and FDR choice) is debounced; anything else
 * starts at once.
 */
export function runDelay(previous: { loaded: LoadedValues; test: string } | null, next: { loaded: LoadedValues; test: string }): number {
  return previous && previous.loaded === next.loaded && previous.test === next.test ? WEIGHT_DEBOUNCE_MS : 0;
}
