import type { SpatialWeights } from './weights.ts';

/**
 * Builds symmetric binary weights from undirected pairs, each encoded as
 * `low * n + high` (low < high) in a Float64Array, exact for n up to ~9e7.
 * Duplicates are allowed (every shared vertex reports its pair); they are
 * removed here. Rows come out in ascending neighbour order.
 */
export function weightsFromPairKeys(n: number, keys: Float64Array): SpatialWeights {
  keys.sort();
  const degree = new Uint32Array(n);
  let unique = 0;
  let previous = -1;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as number;
    if (key === previous) continue;
    previous = key;
    keys[unique++] = key;
    const low = Math.floor(key / n);
    degree[low]!++;
    degree[key - low * n]!++;
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const neighbours = new Uint32Array(offsets[n]!);
  const cursor = offsets.slice(0, n);
  // Keys are sorted by (low, high): row i first receives every j < i (as the
  // high end of an earlier low), in ascending j, then its own highs ascending.
  for (let k = 0; k < unique; k++) {
    const key = keys[k] as number;
    const low = Math.floor(key / n);
    const high = key - low * n;
    neighbours[cursor[low]!++] = high;
    neighbours[cursor[high]!++] = low;
  }
  return { n, offsets, neighbours, islands: findIslands(offsets) };
}

/** Builds weights from per-row neighbour lists (already without self). Rows are sorted ascending here. */
export function weightsFromRows(rows: readonly { index: number; weight?: number }[][], withWeights: boolean): SpatialWeights {
  const n = rows.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + rows[i]!.length;
  const neighbours = new Uint32Array(offsets[n]!);
  const weights = withWeights ? new Float64Array(offsets[n]!) : undefined;
  for (let i = 0; i < n; i++) {
    const row = [...rows[i]!].sort((a, b) => a.index - b.index);
    let at = offsets[i]!;
    for (const entry of row) {
      neighbours[at] = entry.index;
      if (weights) weights[at] = entry.weight ?? 1;
      at++;
    }
  }
  return weights ? { n, offsets, neighbours, weights, islands: findIslands(offsets) } : { n, offsets, neighbours, islands: findIslands(offsets) };
}

export function findIslands(offsets: Uint32Array): number[] {
  const islands: number[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) if (offsets[i] === offsets[i + 1]) islands.push(i);
  return islands;
}

/**
 * Row-standardised copy: each neighbour's weight divided by its row's sum, so
 * every row with neighbours sums to 1 (style "W" in spdep). Islands stay empty.
 */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const weights = new Float64Array(w.neighbours.length);
  for (let i = 0; i < w.n; i++) {
    const start = w.offsets[i]!;
    const end = w.offsets[i + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) sum += w.weights ? w.weights[k]! : 1;
    for (let k = start; k < end; k++) weights[k] = (w.weights ? w.weights[k]! : 1) / sum;
  }
  return { n: w.n, offsets: w.offsets, neighbours: w.neighbours, weights, islands: [...w.islands] };
}

/** Neighbour indices of area i (a view, not a copy). */
export function neighboursOf(w: SpatialWeights, i: number): Uint32Array {
  return w.neighbours.subarray(w.offsets[i], w.offsets[i + 1]);
}
