import type { FeatureCollection, Geometry, Position } from 'geojson';
import { kinks, unkinkPolygon } from '@turf/turf';
import { topology } from 'topojson-server';
import { feature, merge, quantize } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { readJson } from './csv.ts';
import { type Poly, type PolyFeature, checkValid, countVertices, featureCollection, unpinch, polygonsOf, rfc7946, roundPoly, toPoly } from './geo-util.ts';
import type { LadProps, WardProps } from './geo-five.ts';
import type { LsoaLookup } from './lookups.ts';
import { RAW } from './raw-paths.ts';
import { cmp, groupBy, must } from './util.ts';

type AnyFc = FeatureCollection<Geometry, Record<string, unknown>>;
export interface CodeProps extends Record<string, unknown> {
  code: string;
}

const DP = 5;
/** Fraction of interior (non-junction) arc vertices kept by Visvalingam simplification. */
export const KEEP_FRACTION = 0.2;
/** Quantisation grid (points per axis over England's bbox) applied after simplification. */
export const QUANTISATION = 1e6;

export interface EnglandGeoResult {
  lsoa: FeatureCollection<Poly, CodeProps>;
  ward: FeatureCollection<Poly, WardProps>;
  verticesBefore: number;
  verticesAfter: number;
  minWeight: number;
  protectedPoints: number;
  droppedRings: number;
  /** Zero-area rings (sliver gaps) removed from the output. */
  degenerateRings: number;
  /** Wards whose dissolved ring passed through one vertex twice and was split into simple rings. */
  pinchedWards: number;
  repairedLsoas: string[];
}

type Arc = number[][];

/**
 * Make sure no ring can collapse: every ring keeps at least 4 positions (a triangle) after
 * simplification. Bumps the weight of the ring's heaviest interior points to Infinity.
 */
function protectRings(arcs: Arc[], rings: number[][], minWeight: number): number {
  let bumped = 0;
  for (const ring of rings) {
    let positions = 1;
    for (const a of ring) {
      const arc = must(arcs[a < 0 ? ~a : a], 'arc');
      positions += arc.filter((p) => (p[2] ?? 0) >= minWeight).length - 1;
    }
    let need = 4 - positions;
    if (need <= 0) continue;
    const candidates: { p: number[]; w: number; key: string }[] = [];
    for (const a of ring) {
      const idx = a < 0 ? ~a : a;
      const arc = must(arcs[idx], 'arc');
      arc.forEach((p, i) => {
        const w = p[2] ?? 0;
        if (w < minWeight) candidates.push({ p, w, key: `${idx}:${i}` });
      });
    }
    candidates.sort((x, y) => y.w - x.w || cmp(x.key, y.key));
    for (const c of candidates) {
      if (need <= 0) break;
      c.p[2] = Infinity;
      need--;
      bumped++;
    }
  }
  return bumped;
}

function ringsOf(geoms: { type: string | null; arcs?: unknown }[]): number[][] {
  const rings: number[][] = [];
  for (const g of geoms) {
    if (g.type === 'Polygon') rings.push(...(g.arcs as number[][]));
    else if (g.type === 'MultiPolygon') for (const p of g.arcs as number[][][]) rings.push(...p);
  }
  return rings;
}

type Topo = Topology<{ a: GeometryCollection<CodeProps> }>;

function arcIndexes(g: { type: string | null; arcs?: unknown }): number[] {
  return ringsOf([g]).flat().map((a) => (a < 0 ? ~a : a));
}

interface Rendered {
  lsoa: FeatureCollection<Poly, CodeProps>;
  ward: FeatureCollection<Poly, WardProps>;
  badLsoas: Set<string>;
  droppedRings: number;
  degenerate: number;
  pinched: number;
}

function render(pre: Topo, minWeight: number, lookup: Map<string, LsoaLookup>): Rendered {
  const simp = simplify(pre as never, minWeight) as unknown as Topo;
  const q = quantize(simp as never, QUANTISATION) as unknown as Topo;
  const badLsoas = new Set<string>();
  let droppedRings = 0;
  let degenerate = 0;
  let pinched = 0;
  const fc = feature(q as never, q.objects.a as never) as unknown as FeatureCollection<Geometry, CodeProps>;
  const lsoaFeatures: PolyFeature<CodeProps>[] = fc.features.map((f) => {
    const code = f.properties.code;
    const geometry = roundPoly(f.geometry, DP, (what) => {
      if (what === 'degenerate') {
        degenerate++;
        return;
      }
      droppedRings++;
      badLsoas.add(code);
    });
    if (checkValid(code, geometry).length > 0) badLsoas.add(code);
    return rfc7946({ type: 'Feature', properties: { code }, geometry });
  });

  // Wards: dissolve the simplified LSOA topology by the best-fit lookup.
  const geoms = q.objects.a.geometries;
  const wardOf = (code: string): LsoaLookup => must(lookup.get(code), `LSOA ${code} has no ward lookup row`);
  const groups = groupBy(geoms, (g) => wardOf((must(g.properties, 'props') as CodeProps).code).wardCode);
  const wardFeatures = [...groups.keys()].sort(cmp).map((wardCode) => {
    const members = must(groups.get(wardCode), wardCode);
    const memberCodes = members.map((m) => (must(m.properties, 'props') as CodeProps).code);
    const l = wardOf(must(memberCodes[0], wardCode));
    const merged = merge(q as never, members as never);
    const geometry = roundPoly({ type: 'MultiPolygon', coordinates: polygonsOf(merged as Geometry) }, DP, (what) => {
      if (what === 'degenerate') {
        degenerate++;
        return;
      }
      droppedRings++;
      for (const c of memberCodes) badLsoas.add(c);
    });
    let g = geometry;
    if (checkValid(wardCode, g).length > 0) {
      g = unpinch(g);
      pinched++;
    }
    if (checkValid(wardCode, g).length > 0) for (const c of memberCodes) badLsoas.add(c);
    return rfc7946<WardProps>({ type: 'Feature', properties: { code: wardCode, name: l.wardName, lad_code: l.ladCode }, geometry: g });
  });
  return { lsoa: featureCollection(lsoaFeatures), ward: featureCollection(wardFeatures), badLsoas, droppedRings, degenerate, pinched };
}

export function buildEnglandLsoaAndWards(bsc: AnyFc, lookup: Map<string, LsoaLookup>): EnglandGeoResult {
  const sorted = [...bsc.features].sort((a, b) => cmp(String(a.properties.lsoa21_code), String(b.properties.lsoa21_code)));
  const input: FeatureCollection<Geometry, CodeProps> = {
    type: 'FeatureCollection',
    features: sorted.map((f) => ({ type: 'Feature', properties: { code: String(f.properties.lsoa21_code) }, geometry: f.geometry })),
  };
  const verticesBefore = countVertices(input);
  const topo = topology({ a: input }) as unknown as Topo;
  const pre = presimplify(topo as never) as unknown as Topo;
  const minWeight = quantile(pre as never, KEEP_FRACTION);
  const arcs = pre.arcs as unknown as Arc[];
  let protectedPoints = protectRings(arcs, ringsOf(pre.objects.a.geometries), minWeight);
  const byCode = new Map(pre.objects.a.geometries.map((g) => [(must(g.properties, 'props') as CodeProps).code, g]));
  // Simplify; where an LSOA or ward comes out invalid (self-intersection) or loses a ring, keep its
  // arcs unsimplified and simplify again. Converges because the unsimplified input is valid.
  let r = render(pre, minWeight, lookup);
  const repaired = new Set<string>();
  for (let iter = 0; iter < 6 && r.badLsoas.size > 0; iter++) {
    for (const code of [...r.badLsoas].sort(cmp)) {
      repaired.add(code);
      for (const a of arcIndexes(must(byCode.get(code), code))) {
        for (const p of must(arcs[a], 'arc')) {
          if ((p[2] ?? 0) < minWeight) {
            p[2] = Infinity;
            protectedPoints++;
          }
        }
      }
    }
    r = render(pre, minWeight, lookup);
  }
  return {
    lsoa: r.lsoa,
    ward: r.ward,
    verticesBefore,
    verticesAfter: countVertices(r.lsoa),
    minWeight,
    protectedPoints,
    droppedRings: r.droppedRings,
    degenerateRings: r.degenerate,
    pinchedWards: r.pinched,
    repairedLsoas: [...repaired].sort(cmp),
  };
}

export function buildLadEngland(): FeatureCollection<Poly, LadProps> {
  const src = readJson<AnyFc>(RAW.ladBuc);
  const features = src.features
    .filter((f) => String(f.properties.ltla24_code).startsWith('E'))
    .map((f) =>
      rfc7946<LadProps>({
        type: 'Feature',
        properties: { code: String(f.properties.ltla24_code), name: String(f.properties.ltla24_name) },
        geometry: unkink(roundPoly(f.geometry, DP)),
      }),
    )
    .sort((a, b) => cmp(a.properties.code, b.properties.code));
  return featureCollection(features);
}

/** Split self-intersecting polygon parts (one BUC LAD, Lancaster E07000121, has one) with turf unkinkPolygon. */
function unkink(g: Poly): Poly {
  const parts: Position[][][] = [];
  let changed = false;
  for (const p of polygonsOf(g)) {
    if (p.some((r) => kinks({ type: 'Polygon', coordinates: [r] }).features.length > 0)) {
      changed = true;
      for (const f of unkinkPolygon({ type: 'Polygon', coordinates: p }).features) parts.push(f.geometry.coordinates);
    } else parts.push(p);
  }
  return changed ? roundPoly(toPoly(parts), DP) : g;
}
