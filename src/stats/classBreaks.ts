import { ckmeans } from 'simple-statistics';

/**
 * Class breaks for choropleth maps. Each function returns the upper bounds of
 * every class but the last (k − 1 thresholds, ascending), so a value v falls in
 * class i where i is the number of thresholds strictly below or equal to v
 * (see classOf). All functions ignore non-finite values.
 */

function finiteSorted(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) out.push(v);
  }
  return out.sort((a, b) => a - b);
}

/** Equal-count classes: thresholds at the k-quantiles (type-7, as R and d3). */
export function quantileBreaks(values: ArrayLike<number>, k: number): number[] {
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const h = (sorted.length - 1) * (i / k);
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
    breaks.push(a + (h - lo) * (b - a));
  }
  return dedupe(breaks);
}

/**
 * Natural breaks (Jenks): the split into k classes that minimises the sum of
 * squared deviations from class means. That optimisation is exactly optimal
 * one-dimensional k-means, which Ckmeans solves in O(k·n·log n) — fast enough
 * for all 33,755 English LSOAs, where the classic O(k·n²) Jenks is not.
 * Thresholds are the largest value of each class but the last.
 */
export function jenksBreaks(values: ArrayLike<number>, k: number): number[] {
  const sorted = finiteSorted(values);
  const distinct = new Set(sorted).size;
  const classes = Math.min(k, distinct);
  if (classes < 2) return [];
  const clusters = ckmeans(sorted, classes);
  return clusters.slice(0, -1).map((c) => c[c.length - 1] as number);
}

/** Class index 0..thresholds.length for a value; values equal to a threshold go below it. */
export function classOf(value: number, thresholds: readonly number[]): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= (thresholds[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function dedupe(sortedBreaks: number[]): number[] {
  return sortedBreaks.filter((b, i) => i === 0 || b !== sortedBreaks[i - 1]);
}
