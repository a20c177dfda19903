/**
 * Point → LSOA assignment speed (DESIGN.md: a 1,000,000-point import must be
 * ≥ 100 × faster than a naive turf loop, measured on a sample in the same run).
 * Runs in Node: `npx tsx tests/bench/assign/runAssignBench.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import { PolygonPointIndex, naiveTurfAssign } from '../../../src/geo/assign/pointIndex.ts';

type Box = [number, number, number, number];
type LsoaFeature = Feature<Polygon | MultiPolygon, { code: string; lad_code: string }>;

export interface AssignBenchRow {
  measure: string;
  points: number;
  ms: number;
  /** Microseconds per point (0 for one-off steps such as building the index). */
  usPerPoint: number;
}

export interface AssignBenchResult {
  rows: AssignBenchRow[];
  areas: number;
  /** Naive per-point time ÷ index per-point time. */
  speedRatio: number;
  /** Fair baseline (flatbush candidates + turf's point-in-polygon) per-point time ÷ index per-point time. */
  fairRatio: number;
  /** Of the 1,000,000 points, how many fell outside every LSOA (bounding-box corners, neighbouring authorities). */
  outside: number;
  /** Points of the fair-baseline sample where it and the index disagreed (expected 0, as for the naive sample). */
  fairDisagreements: number;
  /** Points in the naive sample where the index and turf disagreed (expected 0: random points never sit on an edge). */
  sampleDisagreements: number;
}

export const LSOA_FIVE = resolve(import.meta.dirname, '..', '..', '..', 'data', 'geo', 'lsoa-five.geojson');

/** mulberry32: a small seeded generator, so every run assigns the same points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bounding box of one feature's rings. */
function boxOf(f: LsoaFeature, b: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x = NaN, y = NaN] of ring) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

/** One bounding box per authority (lad_code), in first-seen order. */
export function authorityBoxes(features: readonly LsoaFeature[]): Box[] {
  const boxes = new Map<string, Box>();
  for (const f of features) boxes.set(f.properties.lad_code, boxOf(f, boxes.get(f.properties.lad_code)));
  return [...boxes.values()];
}

/** n uniform random points, spread evenly over the boxes (point i in box i mod boxes). */
export function randomPointsInBoxes(boxes: readonly Box[], n: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const rand = seededRandom(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [x0, y0, x1, y1] = boxes[i % boxes.length] as Box;
    lon[i] = x0 + rand() * (x1 - x0);
    lat[i] = y0 + rand() * (y1 - y0);
  }
  return { lon, lat };
}

export function readLsoaFive(): LsoaFeature[] {
  return (JSON.parse(readFileSync(LSOA_FIVE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string; lad_code: string }>).features;
}

/**
 * The fair baseline a careful developer would write with libraries: the same
 * flatbush bounding-box index for candidates, then turf's booleanPointInPolygon
 * on each candidate, first match in input order. Only the exact test differs
 * from PolygonPointIndex, so the ratio measures the hand-written even-odd test.
 */
export function flatbushTurfAssign(lon: Float64Array, lat: Float64Array, features: readonly LsoaFeature[]): Int32Array {
  const tree = new Flatbush(features.length);
  for (const f of features) tree.add(...boxOf(f));
  tree.finish();
  const out = new Int32Array(lon.length).fill(-1);
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    const candidates = tree.search(x, y, x, y).sort((a, b) => a - b);
    for (const j of candidates) {
      if (booleanPointInPolygon([x, y], features[j] as LsoaFeature)) {
        out[i] = j;
        break;
      }
    }
  }
  return out;
}

export function benchAssignment(points = 1_000_000, naiveSample = 2_000, seed = 20_240_101, fairSample = 100_000): AssignBenchResult {
  const features = readLsoaFive();
  const { lon, lat } = randomPointsInBoxes(authorityBoxes(features), points, seed);

  let t = performance.now();
  const index = new PolygonPointIndex(features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  const buildMs = performance.now() - t;

  t = performance.now();
  const assigned = index.locateAll(lon, lat);
  const indexMs = performance.now() - t;

  const sampleLon = lon.subarray(0, naiveSample);
  const sampleLat = lat.subarray(0, naiveSample);
  t = performance.now();
  const naive = naiveTurfAssign(sampleLon, sampleLat, features);
  const naiveMs = performance.now() - t;

  const fairPoints = Math.min(fairSample, points);
  t = performance.now();
  const fair = flatbushTurfAssign(lon.subarray(0, fairPoints), lat.subarray(0, fairPoints), features);
  const fairMs = performance.now() - t;
  let fairDisagreements = 0;
  for (let i = 0; i < fairPoints; i++) if (fair[i] !== assigned[i]) fairDisagreements++;

  let outside = 0;
  for (const a of assigned) if (a < 0) outside++;
  let sampleDisagreements = 0;
  for (let i = 0; i < naiveSample; i++) if (naive[i] !== assigned[i]) sampleDisagreements++;

  const usIndex = (indexMs * 1000) / points;
  const usNaive = (naiveMs * 1000) / naiveSample;
  const usFair = (fairMs * 1000) / fairPoints;
  return {
    rows: [
      { measure: `build index (${features.length} LSOAs)`, points: 0, ms: buildMs, usPerPoint: 0 },
      { measure: 'PolygonPointIndex.locateAll', points, ms: indexMs, usPerPoint: usIndex },
      { measure: 'naive turf loop (sample)', points: naiveSample, ms: naiveMs, usPerPoint: usNaive },
      { measure: 'flatbush candidates + turf booleanPointInPolygon (sample)', points: fairPoints, ms: fairMs, usPerPoint: usFair },
    ],
    areas: features.length,
    speedRatio: usNaive / usIndex,
    fairRatio: usFair / usIndex,
    fairDisagreements,
    outside,
    sampleDisagreements,
  };
}
