/**
 * Pearson chi-square goodness of fit: do the observed counts (e.g. survey
 * respondents by age band) differ from what the expected shares (residents by
 * age band) would give more than chance would explain?
 */
import { chiSquareUpperTail } from './gamma.ts';

export interface ChiSquareResult {
  /** Σ (observed − expected)² / expected over the groups kept. */
  statistic: number;
  /** Groups kept − 1. */
  df: number;
  /** P(χ²_df ≥ statistic); NaN when there is nothing to test (df < 1 or no observations). */
  p: number;
  /** Expected count per group, in input order (total observed × share). */
  expected: number[];
  /** Any kept group expects fewer than 5: the chi-square approximation is rough, say so. */
  smallExpected: boolean;
}

/**
 * expectedShares need not sum to 1 (resident counts can be passed as they
 * are); they are scaled to. A group expected to have no one (share 0) is
 * left out of the test and of df when nobody was observed in it; if someone
 * was, the observed counts are impossible under the expected shares and the
 * statistic is Infinity with p = 0.
 * Throws a RangeError for mismatched lengths or negative / non-finite inputs.
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expectedShares: readonly number[]): ChiSquareResult {
  if (observed.length !== expectedShares.length) {
    throw new RangeError(`Chi-square needs one expected share per group (got ${observed.length} groups and ${expectedShares.length} shares).`);
  }
  for (const v of [...observed, ...expectedShares]) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Chi-square counts and shares must be zero or more (got ${v}).`);
  }
  const total = sum(observed);
  const shareTotal = sum(expectedShares);
  const expected = expectedShares.map((s) => (shareTotal > 0 ? (total * s) / shareTotal : NaN));
  if (total === 0 || shareTotal === 0) return { statistic: NaN, df: 0, p: NaN, expected, smallExpected: false };

  let statistic = 0;
  let kept = 0;
  let smallExpected = false;
  expected.forEach((e, i) => {
    const o = observed[i] as number;
    if (e === 0) {
      if (o > 0) statistic = Infinity;
      return;
    }
    kept++;
    if (e < 5) smallExpected = true;
    statistic += ((o - e) * (o - e)) / e;
  });
  const df = kept - 1;
  const p = df < 1 ? NaN : statistic === Infinity ? 0 : chiSquareUpperTail(statistic, df);
  return { statistic, df, p, expected, smallExpected };
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
