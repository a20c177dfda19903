/**
 * Node-side timing of our queenContiguity on a GeoJSON of polygons: parse
 * once (not timed), one warm-up run, then the median of `runs` timed runs.
 * The browser-worker figure belongs to the Chromium bench; this one sits
 * beside R and PySAL, which also run outside a browser.
 */
import { readFileSync } from 'node:fs';
import { neighboursOf } from '../../../src/stats/spatial/csr.ts';
import { queenContiguity, type PolygonCollection } from '../../../src/stats/spatial/queenContiguity.ts';
import type { ToolTiming } from './referenceTools.ts';

export interface OurWeightsTiming extends ToolTiming {
  ms: number;
  runs: number[];
  areas: number;
  pairs: number;
  islands: number;
}

export async function timeOurQueenContiguity(geojsonPath: string, runs = 5): Promise<OurWeightsTiming> {
  const polygons = JSON.parse(readFileSync(geojsonPath, 'utf8')) as PolygonCollection;
  let weights = queenContiguity(polygons); // warm-up: JIT compilation is not what we measure
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    weights = queenContiguity(polygons);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  let pairs = 0;
  for (let i = 0; i < weights.n; i++) pairs += neighboursOf(weights, i).length;
  return {
    tool: 'Ward Insight (Node)',
    step: 'queenContiguity (tolerance 1e-6)',
    ms: Math.round(median * 10) / 10,
    note: `median of ${runs} after a warm-up; ${weights.n} areas, ${pairs / 2} neighbour pairs, ${weights.islands.length} island(s)`,
    runs: times.map((t) => Math.round(t * 10) / 10),
    areas: weights.n,
    pairs: pairs / 2,
    islands: weights.islands.length,
  };
}
