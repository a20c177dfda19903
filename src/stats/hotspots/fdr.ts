/**
 * Benjamini–Hochberg false discovery rate control (Benjamini & Hochberg 1995,
 * JRSS B 57(1)). Adjusted p-values match R's p.adjust(p, method = "BH"):
 * p̃₍ₖ₎ = min over j ≥ k of min(1, (m/j)·p₍ⱼ₎). Values that are not numbers
 * (NaN) stay NaN and are left out of m, as R does with NA.
 * Sorting uses the typed-array numeric sort (no comparator), which keeps
 * England-sized inputs (~34k areas) to a few milliseconds.
 */

/** The finite-or-infinite (non-NaN) p-values, ascending. */
function sortedValues(p: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) m++;
  const sorted = new Float64Array(m);
  let at = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) sorted[at++] = p[i]!;
  return sorted.sort();
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function benjaminiHochbergAdjust(p: ArrayLike<number>): Float64Array {
  const sorted = sortedValues(p);
  const m = sorted.length;
  // Adjusted value by rank, walking from the largest p down so each is the minimum over ranks ≥ k.
  const byRank = new Float64Array(m);
  let runningMin = 1;
  for (let k = m; k >= 1; k--) {
    runningMin = Math.min(runningMin, (m / k) * sorted[k - 1]!); // same rounding as R: n/i * p
    byRank[k - 1] = runningMin;
  }
  // Tied p-values share one adjusted value, so any rank among the ties will do.
  const adjusted = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    adjusted[i] = Number.isNaN(pi) ? Number.NaN : byRank[lowerBound(sorted, pi)]!;
  }
  return adjusted;
}

/**
 * BH cut-offs for several levels at once (one sort): for each alpha, the
 * largest p₍ₖ₎ with p₍ₖ₎ ≤ k·alpha/m, or 0 when no p qualifies.
 */
export function benjaminiHochbergThresholds(p: ArrayLike<number>, alphas: readonly number[]): number[] {
  const sorted = sortedValues(p);
  const m = sorted.length;
  return alphas.map((alpha) => {
    for (let k = m; k >= 1; k--) {
      const value = sorted[k - 1]!;
      if (value <= (k * alpha) / m) return value;
    }
    return 0;
  });
}

/**
 * The BH cut-off at level alpha: the largest p₍ₖ₎ with p₍ₖ₎ ≤ k·alpha/m, or 0
 * when no p qualifies. An area is a discovery when its p ≤ this threshold
 * (equivalently, its adjusted p ≤ alpha).
 */
export function benjaminiHochbergThreshold(p: ArrayLike<number>, alpha: number): number {
  return benjaminiHochbergThresholds(p, [alpha])[0]!;
}
