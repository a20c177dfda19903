import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { weightsFromPairKeys } from './csr.ts';
import type { SpatialWeights } from './weights.ts';

export interface PolygonCollection {
  type: 'FeatureCollection';
  features: Feature<Polygon | MultiPolygon | null>[];
}

export interface QueenOptions {
  /** Largest distance (in coordinate units, degrees for GeoJSON) at which two vertices count as the same. */
  tolerance?: number;
}

/**
 * 1e-6 degrees is about 0.11 m north–south and 0.07 m east–west in England:
 * one unit in the sixth decimal place, the precision most GeoJSON (and the
 * built-in boundaries) is written at, so a shared vertex that was rounded to
 * neighbouring 6 dp values from two sources still joins. Distinct vertices of
 * generalised boundaries sit much further apart: the closest pair inside one
 * built-in LSOA is 5.1e-6 (five authorities) / 2.2e-5 (England), and no vertex
 * of one LSOA lies within 1e-5 of another LSOA's vertex unless they coincide,
 * so any tolerance up to 1e-5 gives the same weights on the built-in data.
 */
export const DEFAULT_QUEEN_TOLERANCE = 1e-6;

/**
 * Queen contiguity: two areas are neighbours when any vertex of one (outer
 * rings, holes and every part of a MultiPolygon) lies within `tolerance`
 * (Euclidean, in coordinate units) of a vertex of the other — the rule of
 * spdep's poly2nb(queen = TRUE, snap = tolerance). Binary weights; areas with
 * no neighbour are listed in `islands`.
 *
 * Vertices are hashed into grid cells a little larger than the tolerance, so a
 * match can only be in the same cell or one of the 8 around it; each pair of
 * adjacent cells is compared once. Linear in the number of vertices.
 */
export function queenContiguity(polygons: PolygonCollection, options: QueenOptions = {}): SpatialWeights {
  const tolerance = options.tolerance ?? DEFAULT_QUEEN_TOLERANCE;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new Error(`The snapping tolerance must be a number of 0 or more (got ${String(options.tolerance)}).`);
  }
  const n = polygons.features.length;
  const { xs, ys, owner } = flattenVertices(polygons.features);
  const pairs = belowFloatSpacing(xs, ys, tolerance) ? exactPairs(xs, ys, owner, n) : nearPairs(xs, ys, owner, n, tolerance);
  return weightsFromPairKeys(n, pairs);
}

/**
 * A tolerance at or below the coordinates' own float spacing cannot join
 * anything that is not identical, and would overflow exact integer cell indices.
 */
function belowFloatSpacing(xs: Float64Array, ys: Float64Array, tolerance: number): boolean {
  if (tolerance === 0) return true;
  let largest = 0;
  for (let v = 0; v < xs.length; v++) largest = Math.max(largest, Math.abs(xs[v]!), Math.abs(ys[v]!));
  return largest / tolerance > 2 ** 52;
}

interface Vertices {
  xs: Float64Array;
  ys: Float64Array;
  owner: Uint32Array;
}

function ringsOf(geometry: Polygon | MultiPolygon | null): Position[][] {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Every vertex once per ring (the closing repeat of the first vertex is skipped). */
function flattenVertices(features: PolygonCollection['features']): Vertices {
  let count = 0;
  for (const feature of features) for (const ring of ringsOf(feature.geometry)) count += ring.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const owner = new Uint32Array(count);
  let v = 0;
  features.forEach((feature, index) => {
    for (const ring of ringsOf(feature.geometry)) {
      const last = ring.length > 1 && samePosition(ring[0]!, ring[ring.length - 1]!) ? ring.length - 1 : ring.length;
      for (let k = 0; k < last; k++) {
        const p = ring[k]!;
        xs[v] = p[0]!;
        ys[v] = p[1]!;
        owner[v] = index;
        v++;
      }
    }
  });
  return { xs: xs.subarray(0, v), ys: ys.subarray(0, v), owner: owner.subarray(0, v) };
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Growable list of pair keys (low * n + high). */
class PairList {
  keys = new Float64Array(1024);
  length = 0;
  constructor(private readonly n: number) {}
  add(a: number, b: number): void {
    if (this.length === this.keys.length) {
      const bigger = new Float64Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.length++] = a < b ? a * this.n + b : b * this.n + a;
  }
  result(): Float64Array {
    return this.keys.subarray(0, this.length);
  }
}

/**
 * Open-addressing hash table from a cell (two doubles) to a linked list of the
 * vertices in it. Keys are hashed from their float bits, so integer cell
 * indices beyond 32 bits and raw coordinates both work.
 */
class CellTable {
  readonly cellX: Float64Array;
  readonly cellY: Float64Array;
  /** First vertex in the cell, or -1 for an empty slot. */
  readonly head: Int32Array;
  /** Next vertex in the same cell, or -1. */
  readonly next: Int32Array;
  readonly used: Int32Array;
  usedCount = 0;
  private readonly mask: number;
  private readonly bits = new Float64Array(2);
  private readonly words = new Int32Array(this.bits.buffer);

  constructor(vertexCount: number) {
    let capacity = 16;
    while (capacity < vertexCount * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.cellX = new Float64Array(capacity);
    this.cellY = new Float64Array(capacity);
    this.head = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(vertexCount).fill(-1);
    this.used = new Int32Array(Math.min(capacity, vertexCount));
  }

  private hash(x: number, y: number): number {
    this.bits[0] = x;
    this.bits[1] = y;
    const w = this.words;
    let h = Math.imul(w[0]! ^ w[1]!, 0x9e3779b1);
    h = Math.imul(h ^ w[2]! ^ (h >>> 15), 0x85ebca77);
    h = Math.imul(h ^ w[3]! ^ (h >>> 13), 0xc2b2ae3d);
    return (h ^ (h >>> 16)) & this.mask;
  }

  /** Slot of the cell, or -1 when no vertex is in it. */
  find(x: number, y: number): number {
    let slot = this.hash(x, y);
    while (this.head[slot] !== -1) {
      if (this.cellX[slot] === x && this.cellY[slot] === y) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  insert(x: number, y: number, vertex: number): void {
    let slot = this.hash(x, y);
    while (this.head[slot] !== -1) {
      if (this.cellX[slot] === x && this.cellY[slot] === y) break;
      slot = (slot + 1) & this.mask;
    }
    if (this.head[slot] === -1) {
      this.cellX[slot] = x;
      this.cellY[slot] = y;
      this.used[this.usedCount++] = slot;
    }
    this.next[vertex] = this.head[slot]!;
    this.head[slot] = vertex;
  }
}

/** Tolerance 0: only identical coordinates join, so the cell is the coordinate itself. */
function exactPairs(xs: Float64Array, ys: Float64Array, owner: Uint32Array, n: number): Float64Array {
  const table = new CellTable(xs.length);
  // `+ 0` turns -0 into 0, which compare equal but hash differently.
  for (let v = 0; v < xs.length; v++) table.insert(xs[v]! + 0, ys[v]! + 0, v);
  const pairs = new PairList(n);
  for (let u = 0; u < table.usedCount; u++) {
    for (let a = table.head[table.used[u]!]!; a !== -1; a = table.next[a]!) {
      for (let b = table.next[a]!; b !== -1; b = table.next[b]!) {
        if (owner[a] !== owner[b]) pairs.add(owner[a]!, owner[b]!);
      }
    }
  }
  return pairs.result();
}

/** Half of the 8 surrounding cells; the other half is covered from the other side. */
const FORWARD = [
  [1, -1],
  [1, 0],
  [1, 1],
  [0, 1],
] as const;

function nearPairs(xs: Float64Array, ys: Float64Array, owner: Uint32Array, n: number, tolerance: number): Float64Array {
  // Cells slightly wider than the tolerance, so rounding in x / cell can never
  // put two vertices within tolerance more than one cell apart.
  const cell = tolerance * 1.001;
  // A millionth of slack, so two vertices exactly one tolerance apart (e.g.
  // one unit in the 6th decimal: 51.382026 − 51.382025 = 1.0000000046e-6 in
  // floating point) join however the subtraction rounds.
  const reach = tolerance * (1 + 1e-6);
  const limit = reach * reach;
  const table = new CellTable(xs.length);
  for (let v = 0; v < xs.length; v++) table.insert(Math.floor(xs[v]! / cell), Math.floor(ys[v]! / cell), v);
  const pairs = new PairList(n);
  const close = (a: number, b: number) => {
    const dx = xs[a]! - xs[b]!;
    const dy = ys[a]! - ys[b]!;
    return dx * dx + dy * dy <= limit;
  };
  for (let u = 0; u < table.usedCount; u++) {
    const slot = table.used[u]!;
    const first = table.head[slot]!;
    for (let a = first; a !== -1; a = table.next[a]!) {
      for (let b = table.next[a]!; b !== -1; b = table.next[b]!) {
        if (owner[a] !== owner[b] && close(a, b)) pairs.add(owner[a]!, owner[b]!);
      }
    }
    const cx = table.cellX[slot]!;
    const cy = table.cellY[slot]!;
    for (const [dx, dy] of FORWARD) {
      const other = table.find(cx + dx, cy + dy);
      if (other === -1) continue;
      for (let a = first; a !== -1; a = table.next[a]!) {
        for (let b = table.head[other]!; b !== -1; b = table.next[b]!) {
          if (owner[a] !== owner[b] && close(a, b)) pairs.add(owner[a]!, owner[b]!);
        }
      }
    }
  }
  return pairs.result();
}
