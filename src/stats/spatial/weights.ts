/**
 * Spatial weights in compressed sparse row form: the neighbours of area i are
 * neighbours[offsets[i] .. offsets[i + 1]). Self is never listed; Gi* adds it.
 * `weights` absent means binary weights (every listed neighbour weighs 1).
 */
export interface SpatialWeights {
  n: number;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  weights?: Float64Array;
  /** Areas with no neighbours: reported to the user, never silently dropped. */
  islands: number[];
}
