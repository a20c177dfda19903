import type { SpatialWeights } from '../../stats/spatial/weights.ts';
import { findIslands } from '../../stats/spatial/csr.ts';

export interface WeightsSubset {
  /** Weights over the kept areas only, indexed 0..kept.length − 1. */
  weights: SpatialWeights;
  /** For each new index, the area's index in the original weights. */
  kept: Uint32Array;
}

/**
 * The same neighbour list restricted to the areas in `keepMask` (areas with
 * no value are left out of a hotspot run). Links to dropped areas vanish, so
 * an area whose only neighbours were dropped becomes an island — listed, not
 * hidden. Weights, where given, are carried over unchanged (not re-normalised:
 * local Moran row-standardises on its own).
 */
export function subsetWeights(w: SpatialWeights, keepMask: ArrayLike<boolean | number>): WeightsSubset {
  if (keepMask.length !== w.n) throw new Error(`The keep mask has ${keepMask.length} entries but the neighbour list covers ${w.n} areas.`);
  const position = new Int32Array(w.n).fill(-1);
  let m = 0;
  for (let i = 0; i < w.n; i++) if (keepMask[i]) position[i] = m++;
  const kept = new Uint32Array(m);
  for (let i = 0; i < w.n; i++) if (position[i]! >= 0) kept[position[i]!] = i;

  const offsets = new Uint32Array(m + 1);
  for (let k = 0; k < m; k++) {
    const i = kept[k]!;
    let degree = 0;
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) if (position[w.neighbours[e]!]! >= 0) degree++;
    offsets[k + 1] = offsets[k]! + degree;
  }
  const neighbours = new Uint32Array(offsets[m]!);
  const weights = w.weights ? new Float64Array(offsets[m]!) : undefined;
  for (let k = 0; k < m; k++) {
    const i = kept[k]!;
    let at = offsets[k]!;
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) {
      const j = position[w.neighbours[e]!]!;
      if (j < 0) continue;
      neighbours[at] = j;
      if (weights) weights[at] = w.weights![e]!;
      at++;
    }
  }
  const subset: SpatialWeights = weights
    ? { n: m, offsets, neighbours, weights, islands: findIslands(offsets) }
    : { n: m, offsets, neighbours, islands: findIslands(offsets) };
  return { weights: subset, kept };
}
