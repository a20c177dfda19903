import type { SpatialWeights } from '../../../../src/stats/spatial/weights.ts';
import { findIslands } from '../../../../src/stats/spatial/csr.ts';

/** Binary queen weights on a rows × cols grid of square cells, numbered row by row. */
export function queenGrid(rows: number, cols: number): SpatialWeights {
  const offsets = new Uint32Array(rows * cols + 1);
  const list: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && rr < rows && cc >= 0 && cc < cols) list.push(rr * cols + cc);
        }
      }
      offsets[r * cols + c + 1] = list.length;
    }
  }
  return { n: rows * cols, offsets, neighbours: Uint32Array.from(list), islands: findIslands(offsets) };
}

/** Deterministic noise in [−1, 1) (a small LCG), so the planted pattern is the only structure. */
export function noise(n: number, seed = 7): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  });
}
