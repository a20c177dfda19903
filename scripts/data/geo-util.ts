import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, booleanValid, centroid, kinks, pointOnFeature, rewind } from '@turf/turf';
import { round } from './util.ts';

export type Poly = Polygon | MultiPolygon;
export type PolyFeature<P> = Feature<Poly, P>;

/** Round a ring, drop consecutive duplicates, keep it closed. */
export function roundRing(ring: readonly Position[], dp: number): Position[] {
  const outR: Position[] = [];
  for (const p of ring) {
    const q: Position = [round(p[0] ?? NaN, dp), round(p[1] ?? NaN, dp)];
    const last = outR[outR.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    outR.push(q);
  }
  const first = outR[0];
  const last = outR[outR.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) outR.push([first[0] ?? NaN, first[1] ?? NaN]);
  return outR;
}

/** Rings with less planar area than this (deg², ≈ 1 m²) are zero-area artefacts, e.g. sliver gaps between BSC LSOAs. */
export const DEGENERATE_AREA = 1e-10;

/** Planar shoelace area in deg² (signed). */
export function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const p = ring[i - 1];
    const q = ring[i];
    if (!p || !q) continue;
    a += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  }
  return a / 2;
}

/**
 * Split a ring that passes through the same vertex twice ("pinch", invalid in OGC) into simple rings.
 * Returns [simple rings with the main orientation, loops with the opposite orientation].
 */
export function splitPinches(ring: Position[]): { same: Position[][]; opposite: Position[][] } {
  const sign = Math.sign(ringArea(ring));
  const same: Position[][] = [];
  const opposite: Position[][] = [];
  const stack: Position[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i];
    if (!p) continue;
    const k = `${p[0]},${p[1]}`;
    const at = seen.get(k);
    if (at !== undefined) {
      const loop = stack.splice(at);
      for (const q of loop) seen.delete(`${q[0]},${q[1]}`);
      loop.push(loop[0] ?? p);
      if (loop.length >= 4) (Math.sign(ringArea(loop)) === sign ? same : opposite).push(loop);
    }
    seen.set(k, stack.length);
    stack.push(p);
  }
  if (stack.length >= 3) same.push([...stack, stack[0] ?? []]);
  return { same, opposite };
}

/** Repair pinched rings: outer-ring loops become separate polygons (or holes if reversed). */
export function unpinch(g: Poly): Poly {
  const outP: Position[][][] = [];
  for (const poly of polygonsOf(g)) {
    const [outer, ...holes] = poly;
    if (!outer) continue;
    const { same, opposite } = splitPinches(outer);
    const holeRings = [...opposite, ...holes.flatMap((h) => { const r = splitPinches(h); return [...r.same, ...r.opposite]; })];
    if (same.length === 1) outP.push([must1(same[0]), ...holeRings]);
    else {
      // several outer loops: give each hole to the loop containing its first vertex
      for (const o of same) {
        const mine = holeRings.filter((h) => h[0] && booleanPointInPolygon(h[0], { type: 'Polygon', coordinates: [o] }));
        outP.push([o, ...mine]);
      }
    }
  }
  return toPoly(outP);
}
const must1 = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('unexpected undefined');
  return v;
};

/** Round every coordinate; drops rings that collapse (< 4 positions) and polygons whose outer ring collapses. */
export function roundPoly(g: Geometry, dp: number, onDrop?: (what: string) => void): Poly {
  const polys = polygonsOf(g);
  const outP: Position[][][] = [];
  for (const poly of polys) {
    const rings = poly.map((r) => roundRing(r, dp));
    const outer = rings[0];
    if (!outer || outer.length < 4) {
      onDrop?.('polygon');
      continue;
    }
    if (Math.abs(ringArea(outer)) < DEGENERATE_AREA) {
      onDrop?.('degenerate');
      continue;
    }
    const holes = rings.slice(1).filter((r) => r.length >= 4);
    if (holes.length !== rings.length - 1) onDrop?.('hole');
    const solid = holes.filter((r) => Math.abs(ringArea(r)) >= DEGENERATE_AREA);
    if (solid.length !== holes.length) onDrop?.('degenerate');
    outP.push([outer, ...solid]);
  }
  return toPoly(outP);
}

export function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  throw new Error(`expected polygonal geometry, got ${g.type}`);
}

export function toPoly(polys: Position[][][]): Poly {
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0] ?? [] };
  return { type: 'MultiPolygon', coordinates: polys };
}

/** RFC 7946 winding (exterior counter-clockwise). */
export function rfc7946<P>(f: PolyFeature<P>): PolyFeature<P> {
  return rewind(f as unknown as Feature<Polygon>, { reverse: false, mutate: false }) as unknown as PolyFeature<P>;
}

export function countVertices(fc: FeatureCollection): number {
  let n = 0;
  for (const f of fc.features) {
    if (!f.geometry) continue;
    for (const poly of polygonsOf(f.geometry)) for (const r of poly) n += r.length;
  }
  return n;
}

export function featureCollection<P>(features: PolyFeature<P>[]): FeatureCollection<Poly, P> {
  return { type: 'FeatureCollection', features };
}

/** Serialise with a stable key order: type, properties, geometry. */
export function serialiseFc<P extends Record<string, unknown>>(fc: FeatureCollection<Poly, P>): string {
  const parts = fc.features.map((f) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates } }),
  );
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`;
}

/** A point inside the polygon: the centroid if it falls inside, else turf pointOnFeature. */
export function insidePoint(g: Poly, dp = 6): [number, number] {
  const f: Feature<Poly> = { type: 'Feature', properties: {}, geometry: g };
  let p = centroid(f).geometry.coordinates;
  if (!booleanPointInPolygon(p, f)) p = pointOnFeature(f).geometry.coordinates;
  return [round(p[0] ?? NaN, dp), round(p[1] ?? NaN, dp)];
}

export interface GeomIssue {
  code: string;
  problem: string;
}

/** Ring checks: closed, ≥ 4 positions, finite coordinates inside bbox. */
export function checkRings(code: string, g: Geometry | null, bbox: readonly [number, number, number, number]): GeomIssue[] {
  const issues: GeomIssue[] = [];
  if (!g) return [{ code, problem: 'null geometry' }];
  let polys: Position[][][];
  try {
    polys = polygonsOf(g);
  } catch (e) {
    return [{ code, problem: (e as Error).message }];
  }
  if (polys.length === 0) issues.push({ code, problem: 'empty geometry' });
  for (const poly of polys) {
    if (poly.length === 0) issues.push({ code, problem: 'polygon without rings' });
    for (const ring of poly) {
      if (ring.length < 4) {
        issues.push({ code, problem: `ring with ${ring.length} positions` });
        continue;
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) issues.push({ code, problem: 'ring not closed' });
      for (const p of ring) {
        const [x, y] = [p[0], p[1]];
        if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
          issues.push({ code, problem: 'non-finite coordinate' });
          break;
        }
        if (x < bbox[0] || y < bbox[1] || x > bbox[2] || y > bbox[3]) {
          issues.push({ code, problem: `coordinate outside England bbox (${x}, ${y})` });
          break;
        }
      }
    }
  }
  return issues;
}

/**
 * turf booleanValid on each polygon part. (On a whole MultiPolygon turf also rejects parts that
 * merely touch at one vertex, which OGC allows and the ONS layers contain, so parts are checked one by one.)
 */
export function checkValid(code: string, g: Geometry): GeomIssue[] {
  try {
    // A hole that touches its outer ring at one vertex is valid in OGC but rejected by turf; such
    // polygons pass when every ring is valid on its own.
    const bad = polygonsOf(g).filter(
      (coordinates) =>
        !booleanValid({ type: 'Polygon', coordinates }) &&
        !(coordinates.length > 1 && coordinates.every((r) => booleanValid({ type: 'Polygon', coordinates: [r] }))),
    );
    if (bad.length > 0) return [{ code, problem: `turf booleanValid = false (${bad.length} part(s))` }];
    // turf booleanValid does not look for self-intersections within a ring (a bow-tie passes): use kinks.
    const kinked = polygonsOf(g).filter((coordinates) => coordinates.some((r) => kinks({ type: 'Polygon', coordinates: [r] }).features.length > 0));
    return kinked.length === 0 ? [] : [{ code, problem: `self-intersecting ring (${kinked.length} part(s))` }];
  } catch (e) {
    return [{ code, problem: `booleanValid threw: ${(e as Error).message}` }];
  }
}
