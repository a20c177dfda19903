/// <reference lib="webworker" />
import type { FeatureCollection } from 'geojson';
import { queenContiguity, type PolygonCollection } from '../stats/spatial/queenContiguity.ts';
import type { SpatialWeights } from '../stats/spatial/weights.ts';
import { runHotspots } from '../analysis/hotspots/runHotspots.ts';
import { getisOrdGiStar } from '../stats/hotspots/getisOrd.ts';
import { subsetWeights } from '../analysis/hotspots/subsetWeights.ts';
import { emergingHotspots } from '../stats/trend/emergingHotspots.ts';
import { knnWeights } from '../stats/spatial/pointWeights.ts';
import type { HotspotRequests } from './hotspotProtocol.ts';
import { serveActor } from './actor/serveActor.ts';

/**
 * Hotspot statistics off the main thread: queen contiguity for a boundary set
 * (built once per file and kept), then Gi* or local Moran with permutations;
 * and emerging hot spots over areas (queen) or points (k nearest).
 * Paired with hotspotClient.ts through the actor layer (actor/).
 */
declare const self: DedicatedWorkerGlobalScope;

interface Neighbours {
  weights: SpatialWeights;
  index: Map<string, number>;
  /** Milliseconds to fetch and parse the boundaries, and to build queen contiguity (first time only). */
  ms: { load: number; queen: number };
}
const cache = new Map<string, Promise<Neighbours>>();

function neighboursFor(url: string): Promise<Neighbours> {
  let n = cache.get(url);
  if (!n) {
    n = (async () => {
      const t0 = performance.now();
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The area boundaries could not be loaded (the server answered ${res.status}). Reload the page and try again.`);
      const fc = (await res.json()) as FeatureCollection;
      const t1 = performance.now();
      const weights = queenContiguity(fc as PolygonCollection);
      const ms = { load: t1 - t0, queen: performance.now() - t1 };
      return { weights, index: new Map(fc.features.map((f, i) => [String(f.properties?.code), i])), ms };
    })();
    cache.set(url, n);
    // A failed load is forgotten, so the next run tries again rather than failing for good.
    const loading = n;
    loading.catch(() => {
      if (cache.get(url) === loading) cache.delete(url);
    });
  }
  return n;
}

/** Neighbours among just `codes`, in the order of `codes`. */
async function weightsFor(url: string, codes: readonly string[]): Promise<SpatialWeights> {
  const { weights, index } = await neighboursFor(url);
  const keep = new Uint8Array(weights.n);
  const at = codes.map((c) => {
    const i = index.get(c);
    if (i === undefined) throw new Error(`The area ${c} is not in the boundary file.`);
    keep[i] = 1;
    return i;
  });
  const { weights: sub, kept } = subsetWeights(weights, keep);
  // subsetWeights keeps boundary-file order; put the rows in the order of `codes`.
  const rowOf = new Map<number, number>();
  kept.forEach((orig, k) => rowOf.set(orig, k));
  const order = at.map((orig) => rowOf.get(orig)!);
  const newIndex = new Int32Array(sub.n);
  order.forEach((row, i) => (newIndex[row] = i));
  const offsets = new Uint32Array(sub.n + 1);
  order.forEach((row, i) => (offsets[i + 1] = offsets[i]! + (sub.offsets[row + 1]! - sub.offsets[row]!)));
  const neighbours = new Uint32Array(offsets[sub.n]!);
  order.forEach((row, i) => {
    const list = Array.from(sub.neighbours.subarray(sub.offsets[row]!, sub.offsets[row + 1]!), (j) => newIndex[j]!).sort((a, b) => a - b);
    neighbours.set(list, offsets[i]!);
  });
  const islands = [];
  for (let i = 0; i < sub.n; i++) if (offsets[i + 1] === offsets[i]) islands.push(i);
  return { n: sub.n, offsets, neighbours, islands };
}

/** Each point's k nearest points, for codes given as points (street-rep sites) rather than areas in a boundary file. */
function pointNeighbours(points: Float64Array, k: number, n: number): SpatialWeights {
  if (points.length !== 2 * n) throw new Error(`There are ${n} places to test but ${points.length / 2} locations; they must match.`);
  if (k > n - 1) throw new Error(`There are only ${n} places to test, so each can have at most ${n - 1} nearest neighbours, not ${k}.`);
  return knnWeights(points, k);
}

serveActor<HotspotRequests>(
  {
    async hotspots(request, { progress }) {
      const t0 = performance.now();
      const weights = await weightsFor(request.boundaryUrl, request.codes);
      const t1 = performance.now();
      const { ms: built } = await neighboursFor(request.boundaryUrl);
      const values = Float64Array.from(request.values, (v) => v ?? 0);
      const ta = performance.now();
      // Timed alone for the bench: the analytic statistic without permutations.
      if (request.statistic === 'gi-star' && request.values.every((v) => v !== null)) getisOrdGiStar(values, weights);
      const analytic = performance.now() - ta;
      const t2 = performance.now();
      const run = runHotspots({ ...request, weights, onProgress: progress });
      return { run, ms: { weights: t1 - t0, statistics: performance.now() - t2, load: built.load, queen: built.queen, analytic } };
    },
    async emerging(request) {
      const t0 = performance.now();
      const { codes, steps, cube, fdr } = request;
      const weights = request.points ? pointNeighbours(request.points, request.k, codes.length) : await weightsFor(request.boundaryUrl, codes);
      const r = emergingHotspots(cube, codes.length, steps, weights, { fdr });
      return {
        result: { classes: r.classes, trendZ: Array.from(r.trendZ), trendP: Array.from(r.trendP), islands: weights.islands.map((i) => codes[i]!) },
        ms: performance.now() - t0,
      };
    },
  },
  self,
);
