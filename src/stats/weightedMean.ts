/**
 * Population-weighted mean of LSOA values: Σ(value × population) / Σ population
 * over the areas that have a value. This is how ward values are built from
 * LSOA values (IoD guidance: aggregate scores, never average ranks). The SQL in
 * db/queries/indicatorValues.ts computes the same; this pure version is the
 * reference it is tested against.
 */
export function populationWeightedMean(
  values: readonly (number | null)[],
  populations: readonly number[],
): number | null {
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const p = populations[i] ?? 0;
    if (v === null || v === undefined || !Number.isFinite(v) || !(p > 0)) continue;
    num += v * p;
    den += p;
  }
  return den > 0 ? num / den : null;
}
