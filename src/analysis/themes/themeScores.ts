import { composeTheme, type ThemeScores } from './composeTheme.ts';
import { defaultWeights, type ThemeDefinition } from './definitions.ts';
import type { ThemeInputs } from '../../db/queries/themeInputs.ts';

/**
 * A theme's scores from the values themeInputs read: pairs each component's
 * definition with its values and the user's weight (documented default when
 * the user has not set one).
 */
export function themeScores(theme: ThemeDefinition, inputs: ThemeInputs, weights: Readonly<Record<string, number>> = {}): ThemeScores {
  const defaults = defaultWeights(theme);
  const components = theme.components.map((component) => {
    const values = inputs.components.find((c) => c.id === component.id);
    if (!values) throw new Error(`No values were read for the ${theme.label} component "${component.shortLabel}".`);
    return { component, weight: weights[component.id] ?? defaults[component.id] ?? 0, values: values.values, counts: values.counts, reasons: values.reasons };
  });
  const result = composeTheme({ codes: inputs.codes, components, areaNoun: inputs.level === 'ward' ? 'ward' : 'small area' });
  // What each source is built from (periods, caveats) goes first, then what composing left out.
  const sourceNotes = inputs.components.filter((c) => theme.components.some((t) => t.id === c.id)).flatMap((c) => c.notes);
  return { ...result, notes: [...new Set([...sourceNotes, ...result.notes])] };
}
