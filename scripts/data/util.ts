export function round(x: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortedKeys<T>(m: Map<string, T>): string[] {
  return [...m.keys()].sort(cmp);
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const arr = m.get(k);
    if (arr) arr.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function must<T>(v: T | undefined | null, msg: string): T {
  if (v === undefined || v === null) throw new Error(msg);
  return v;
}

/** Population-weighted mean; ignores null values; null if no weight. */
export function weightedMean(values: readonly (number | null)[], weights: readonly number[]): number | null {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    const wi = weights[i] ?? 0;
    if (v === null || !Number.isFinite(v) || wi <= 0) return;
    s += v * wi;
    w += wi;
  });
  return w > 0 ? s / w : null;
}

/**
 * Decile thresholds from official LSOA scores and deciles (decile 1 = most deprived = highest scores).
 * Returns the minimum score of each decile 1..9 (index 0..8).
 */
export function decileThresholds(scores: readonly number[], deciles: readonly number[]): number[] {
  const mins = new Array<number>(10).fill(Infinity);
  scores.forEach((s, i) => {
    const d = deciles[i];
    if (d === undefined || d < 1 || d > 10) throw new Error(`bad decile ${String(d)}`);
    if (s < (mins[d - 1] ?? Infinity)) mins[d - 1] = s;
  });
  return mins.slice(0, 9);
}

/** National decile a score falls in, given decileThresholds(). */
export function decileForScore(score: number, thresholds: readonly number[]): number {
  for (let d = 0; d < thresholds.length; d++) {
    if (score >= (thresholds[d] ?? Infinity)) return d + 1;
  }
  return 10;
}
