/** Tiny hand-built spatial weights for the hotspot and trend tests. */
import type { SpatialWeights } from '../../../../src/stats/spatial/weights.ts';

/** CSR weights from neighbour lists (0-based), optionally with a weight per listed neighbour. */
export function weightsFromLists(lists: number[][], weightLists?: number[][]): SpatialWeights {
  const n = lists.length;
  const offsets = new Uint32Array(n + 1);
  lists.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.length));
  const neighbours = Uint32Array.from(lists.flat());
  const islands = lists.flatMap((row, i) => (row.length === 0 ? [i] : []));
  if (!weightLists) return { n, offsets, neighbours, islands };
  return { n, offsets, neighbours, weights: Float64Array.from(weightLists.flat()), islands };
}

/** Binary rook (edge) or queen (edge or corner) contiguity on a rows × cols grid, row-major. */
export function gridWeights(rows: number, cols: number, queen: boolean): SpatialWeights {
  const lists: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const row: number[] = [];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          if ((dr === 0 && dc === 0) || (!queen && dr !== 0 && dc !== 0)) continue;
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) row.push(rr * cols + cc);
        }
      }
      lists.push(row);
    }
  }
  return weightsFromLists(lists);
}

/** Binary distance band: i and j are neighbours when their distance is at most `band`. */
export function distanceBandWeights(points: [number, number][], band: number): SpatialWeights {
  return weightsFromLists(
    points.map(([xi, yi], i) => points.flatMap(([xj, yj], j) => (i !== j && Math.hypot(xi - xj, yi - yj) <= band ? [j] : []))),
  );
}
