import type { AreaBreakdown } from '../../analysis/themes/composeTheme.ts';

/**
 * The weights an area's score really used: composeTheme leaves out a measure
 * the area has no value for and divides by the weights of the measures it
 * does have, so each shown weight is its share of those (they add up to 1,
 * and weight × z is what the measure adds). Nothing left out: the same shares
 * as the sliders.
 */
export function weightsUsed(breakdown: Pick<AreaBreakdown, 'contributions'>): Map<string, number> {
  const total = breakdown.contributions.reduce((s, c) => s + c.weight, 0);
  return new Map(breakdown.contributions.map((c) => [c.id, total > 0 ? c.weight / total : 0]));
}
