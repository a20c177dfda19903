import Flatbush from 'flatbush';
import { weightsFromRows } from './csr.ts';
import type { SpatialWeights } from './weights.ts';

/** Points as [x, y] pairs, or flat [x0, y0, x1, y1, …]. */
export type PointList = ArrayLike<readonly [number, number]> | Float64Array;

export interface PointWeightOptions {
  /**
   * 'lonlat' (default): WGS84 degrees; distances are great-circle (haversine)
   * kilometres on a sphere of radius 6371.0088 km, which is within 0.5 % of
   * the ellipsoid anywhere. 'planar': projected coordinates (e.g. British
   * National Grid metres); Euclidean distances in the same units.
   */
  coordinates?: 'lonlat' | 'planar';
}

export interface DistanceBandOptions extends PointWeightOptions {
  /** true (default): every neighbour weighs 1. false: inverse distance, 1 / d. */
  binary?: boolean;
}

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/**
 * k nearest neighbours of each point (asymmetric: j can be among i's nearest
 * without i being among j's). Ties at the k-th distance go to the lower index,
 * so results do not depend on the spatial index's internal order.
 * flatbush proposes k candidates; their largest true distance bounds the
 * search, and everything within it is ranked exactly.
 */
export function knnWeights(points: PointList, k: number, options: PointWeightOptions = {}): SpatialWeights {
  const index = new PointIndex(points, options.coordinates ?? 'lonlat');
  const n = index.n;
  if (!Number.isInteger(k) || k < 1) throw new Error(`The number of neighbours must be a whole number of 1 or more (got ${k}).`);
  if (n > 0 && k > n - 1) throw new Error(`Each of the ${n} areas can have at most ${n - 1} neighbours, so k = ${k} is too many.`);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const candidates = index.nearestCandidates(i, k);
    let radius = 0;
    for (const j of candidates) radius = Math.max(radius, index.distance(i, j));
    const ranked = index
      .within(i, radius)
      .map((j) => ({ index: j, distance: index.distance(i, j) }))
      .sort((a, b) => a.distance - b.distance || a.index - b.index);
    rows.push(ranked.slice(0, k).map((entry) => ({ index: entry.index })));
  }
  return weightsFromRows(rows, false);
}

/**
 * Neighbours are the other points within `threshold` (inclusive; kilometres
 * for lon/lat, coordinate units for planar). Symmetric. Points with nobody in
 * range are islands.
 */
export function distanceBandWeights(points: PointList, threshold: number, options: DistanceBandOptions = {}): SpatialWeights {
  if (!(threshold > 0) || !Number.isFinite(threshold)) throw new Error(`The distance band must be a positive number (got ${threshold}).`);
  const index = new PointIndex(points, options.coordinates ?? 'lonlat');
  const binary = options.binary ?? true;
  const rows = [];
  for (let i = 0; i < index.n; i++) {
    rows.push(
      index.within(i, threshold).map((j) => {
        if (binary) return { index: j };
        const d = index.distance(i, j);
        if (d === 0) throw new Error(`Points ${i + 1} and ${j + 1} are in the same place, so inverse-distance weights are undefined; use binary weights.`);
        return { index: j, weight: 1 / d };
      }),
    );
  }
  return weightsFromRows(rows, !binary);
}

/** Points plus a flatbush index over them. Lon/lat are indexed with longitude scaled by cos(mean latitude), so index order is close to true distance order. */
class PointIndex {
  readonly n: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly lonScale: number;
  private readonly tree: Flatbush | null;

  constructor(
    points: PointList,
    private readonly mode: 'lonlat' | 'planar',
  ) {
    const flat = points instanceof Float64Array;
    this.n = flat ? points.length / 2 : points.length;
    if (!Number.isInteger(this.n)) throw new Error('The point list has an odd number of coordinates.');
    this.xs = new Float64Array(this.n);
    this.ys = new Float64Array(this.n);
    let latSum = 0;
    for (let i = 0; i < this.n; i++) {
      const x = flat ? points[2 * i]! : (points[i] as readonly [number, number])[0];
      const y = flat ? points[2 * i + 1]! : (points[i] as readonly [number, number])[1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`Point ${i + 1} has no usable coordinates.`);
      if (mode === 'lonlat' && (Math.abs(y) > 90 || Math.abs(x) > 180)) {
        throw new Error(`Point ${i + 1} (${x}, ${y}) is not a longitude/latitude; pass coordinates: 'planar' for projected points.`);
      }
      this.xs[i] = x;
      this.ys[i] = y;
      latSum += y;
    }
    this.lonScale = mode === 'lonlat' && this.n > 0 ? Math.cos((latSum / this.n) * RADIANS) : 1;
    if (this.n === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(this.n);
    for (let i = 0; i < this.n; i++) tree.add(this.xs[i]! * this.lonScale, this.ys[i]!);
    tree.finish();
    this.tree = tree;
  }

  distance(i: number, j: number): number {
    if (this.mode === 'planar') return Math.hypot(this.xs[i]! - this.xs[j]!, this.ys[i]! - this.ys[j]!);
    const lat1 = this.ys[i]! * RADIANS;
    const lat2 = this.ys[j]! * RADIANS;
    const sinLat = Math.sin((lat2 - lat1) / 2);
    const sinLon = Math.sin(((this.xs[j]! - this.xs[i]!) * RADIANS) / 2);
    const h = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * sinLon * sinLon;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** k other points near i in index space: a starting guess, not necessarily the true nearest. */
  nearestCandidates(i: number, k: number): number[] {
    return this.tree!.neighbors(this.xs[i]! * this.lonScale, this.ys[i]!, k, Infinity, (j) => j !== i);
  }

  /** Every other point whose true distance from i is at most `radius`. */
  within(i: number, radius: number): number[] {
    const x = this.xs[i]!;
    const y = this.ys[i]!;
    let dx = radius;
    let dy = radius;
    if (this.mode === 'lonlat') {
      // Bounding box of a spherical cap: latitude ± δ; longitude ± asin(sin δ / cos φ).
      // Boxes are not wrapped across ±180° (areas here are in Great Britain).
      const delta = radius / EARTH_RADIUS_KM;
      dy = (delta / RADIANS) * (1 + 1e-9);
      const cosLat = Math.cos(y * RADIANS);
      const reachesPole = delta >= Math.PI / 2 || Math.abs(y) + dy >= 90 || Math.sin(delta) >= cosLat;
      dx = reachesPole ? 360 : (Math.asin(Math.sin(delta) / cosLat) / RADIANS) * (1 + 1e-9);
    }
    const sx = this.lonScale;
    return this.tree!.search((x - dx) * sx, y - dy, (x + dx) * sx, y + dy, (j) => j !== i && this.distance(i, j) <= radius);
  }
}
