/**
 * Point → area assignment (a crime, a survey response, a street-rep site → the
 * LSOA it falls in) through a bounding-box index, never a loop over every polygon.
 *
 * Edge rules — every point gets exactly one answer, the same on every run:
 * - Boundary counts as inside. A point within BOUNDARY_EPSILON degrees
 *   (≈ 0.01 mm) of an edge or vertex is on it, so a point exactly on a shared
 *   edge or vertex is inside every area meeting there, even when rounding has
 *   moved it a hair off the line (a computed midpoint, say).
 * - Ties go to the area whose code sorts first (plain string order, then the
 *   earlier input position for duplicate codes): "on a shared edge → lowest
 *   code", as scripts/data/crime.ts has always done.
 * - Holes: rings of one polygon are counted even–odd together, so a point in a
 *   hole is outside that polygon and belongs to whatever area fills the hole,
 *   or to none. A point on a hole's edge is on the boundary (inside).
 * - A MultiPolygon contains a point when any of its parts does.
 * - Outside every area → -1. Callers must report those rows, never drop them silently.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export interface AreaShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/** Distance (degrees) within which a point counts as on an edge. */
export const BOUNDARY_EPSILON = 1e-10;

/** How often (in points) locateAll reports progress and checks for cancellation. */
const PROGRESS_EVERY = 1 << 16;

export class PolygonPointIndex {
  /** Area codes in input order; locate() returns indices into this. */
  readonly codes: readonly string[];
  private readonly tree: Flatbush | null;
  /** x, y of every ring vertex, rings closed (first vertex repeated last). */
  private readonly xy: Float64Array;
  /** Vertex offset where ring r starts; length rings + 1. */
  private readonly ringStart: Uint32Array;
  /** First ring of polygon part p; length parts + 1. One index entry per part. */
  private readonly partRingStart: Uint32Array;
  /** The area each polygon part belongs to. */
  private readonly partArea: Int32Array;
  /** Each area's position in code order: the tie-break (lower wins). */
  private readonly areaRank: Int32Array;

  constructor(areas: readonly AreaShape[]) {
    this.codes = areas.map((a) => a.code);
    this.areaRank = rankByCode(this.codes);

    const parts: { area: number; rings: Position[][] }[] = [];
    areas.forEach((a, area) => {
      const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
      for (const rings of polys) {
        const closed = rings.filter((r) => r.length > 0).map((r) => (isClosed(r) ? r : [...r, r[0] as Position]));
        if (closed.length > 0) parts.push({ area, rings: closed });
      }
    });

    let vertices = 0;
    let ringCount = 0;
    for (const p of parts) {
      ringCount += p.rings.length;
      for (const r of p.rings) vertices += r.length;
    }
    this.xy = new Float64Array(vertices * 2);
    this.ringStart = new Uint32Array(ringCount + 1);
    this.partRingStart = new Uint32Array(parts.length + 1);
    this.partArea = new Int32Array(parts.length);
    this.tree = parts.length > 0 ? new Flatbush(parts.length) : null;

    let v = 0;
    let ring = 0;
    parts.forEach((p, pi) => {
      this.partArea[pi] = p.area;
      this.partRingStart[pi] = ring;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const r of p.rings) {
        this.ringStart[ring++] = v;
        for (const pos of r) {
          const x = pos[0] ?? NaN;
          const y = pos[1] ?? NaN;
          this.xy[v * 2] = x;
          this.xy[v * 2 + 1] = y;
          v++;
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
      // Widen by the boundary tolerance so points a hair outside an edge still find it.
      this.tree?.add(x0 - BOUNDARY_EPSILON, y0 - BOUNDARY_EPSILON, x1 + BOUNDARY_EPSILON, y1 + BOUNDARY_EPSILON);
    });
    this.ringStart[ring] = v;
    this.partRingStart[parts.length] = ring;
    this.tree?.finish();
  }

  /** Index of the area containing the point (see the edge rules above), or -1 when outside every area. */
  locate(lon: number, lat: number): number {
    if (!this.tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    const candidates = this.tree.search(lon, lat, lon, lat);
    let best = -1;
    let bestRank = Infinity;
    for (const part of candidates) {
      const area = this.partArea[part] as number;
      const rank = this.areaRank[area] as number;
      if (rank >= bestRank) continue; // a lower code already contains it
      if (this.partContains(part, lon, lat)) {
        best = area;
        bestRank = rank;
      }
    }
    return best;
  }

  /** Every area containing the point (more than one only on a shared edge or where areas overlap), in code order. */
  locateEvery(lon: number, lat: number): number[] {
    if (!this.tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
    const hits = new Set<number>();
    for (const part of this.tree.search(lon, lat, lon, lat)) {
      const area = this.partArea[part] as number;
      if (!hits.has(area) && this.partContains(part, lon, lat)) hits.add(area);
    }
    return [...hits].sort((a, b) => (this.areaRank[a] as number) - (this.areaRank[b] as number));
  }

  /**
   * locate() for many points; -1 = outside every area. Reports progress as a
   * fraction 0–1 and stops with the signal's reason when it is aborted.
   */
  locateAll(lon: Float64Array, lat: Float64Array, onProgress?: (fraction: number) => void, signal?: AbortSignal): Int32Array {
    if (lon.length !== lat.length) throw new Error(`locateAll: ${lon.length} longitudes but ${lat.length} latitudes`);
    const n = lon.length;
    const out = new Int32Array(n);
    for (let start = 0; start < n; start += PROGRESS_EVERY) {
      signal?.throwIfAborted();
      const end = Math.min(n, start + PROGRESS_EVERY);
      for (let i = start; i < end; i++) out[i] = this.locate(lon[i] as number, lat[i] as number);
      onProgress?.(end / n);
    }
    if (n === 0) onProgress?.(1);
    return out;
  }

  /** Even–odd ray crossing over all rings of one polygon part; on an edge → true. */
  private partContains(part: number, x: number, y: number): boolean {
    const xy = this.xy;
    const eps = BOUNDARY_EPSILON;
    let inside = false;
    const lastRing = this.partRingStart[part + 1] as number;
    for (let r = this.partRingStart[part] as number; r < lastRing; r++) {
      const end = ((this.ringStart[r + 1] as number) - 1) * 2;
      for (let i = (this.ringStart[r] as number) * 2; i < end; i += 2) {
        const ay = xy[i + 1] as number;
        const by = xy[i + 3] as number;
        if ((ay < y - eps && by < y - eps) || (ay > y + eps && by > y + eps)) continue;
        const ax = xy[i] as number;
        const bx = xy[i + 2] as number;
        if (onSegment(ax, ay, bx, by, x, y, eps)) return true;
        if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
      }
    }
    return inside;
  }
}

/** True when (x, y) is within eps of the segment a–b. */
function onSegment(ax: number, ay: number, bx: number, by: number, x: number, y: number, eps: number): boolean {
  if (x < Math.min(ax, bx) - eps || x > Math.max(ax, bx) + eps) return false;
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return true; // a repeated vertex: the bounding-box checks already put the point on it
  // |cross| / length is the distance from the point to the line through a and b.
  return Math.abs(dx * (y - ay) - dy * (x - ax)) <= eps * length;
}

function isClosed(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return !!first && !!last && first[0] === last[0] && first[1] === last[1];
}

function rankByCode(codes: readonly string[]): Int32Array {
  const order = codes.map((_, i) => i).sort((a, b) => {
    const ca = codes[a] as string;
    const cb = codes[b] as string;
    return ca < cb ? -1 : ca > cb ? 1 : a - b;
  });
  const rank = new Int32Array(codes.length);
  order.forEach((area, r) => (rank[area] = r));
  return rank;
}

/**
 * The naive baseline the benchmark compares against: for each point, try every
 * polygon in array order with turf's booleanPointInPolygon and take the first
 * that contains it (-1 if none). With features sorted by code this follows the
 * same tie rule as PolygonPointIndex, apart from points within
 * BOUNDARY_EPSILON of an edge, which turf (exact arithmetic) may put on one side only.
 */
export function naiveTurfAssign(lon: Float64Array, lat: Float64Array, features: Feature<Polygon | MultiPolygon>[]): Int32Array {
  const out = new Int32Array(lon.length).fill(-1);
  for (let i = 0; i < lon.length; i++) {
    const point: Position = [lon[i] as number, lat[i] as number];
    for (let j = 0; j < features.length; j++) {
      if (booleanPointInPolygon(point, features[j] as Feature<Polygon | MultiPolygon>)) {
        out[i] = j;
        break;
      }
    }
  }
  return out;
}
