import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { readJson } from './csv.ts';
import { type Poly, type PolyFeature, featureCollection, rfc7946, roundPoly, toPoly, polygonsOf } from './geo-util.ts';
import type { LsoaLookup } from './lookups.ts';
import { FIVE_CODES, FIVE_LADS, RAW } from './raw-paths.ts';
import { cmp, groupBy, must } from './util.ts';

export interface LsoaProps extends Record<string, unknown> {
  code: string;
  name: string;
  lad_code: string;
  ward_code: string;
}
export interface WardProps extends Record<string, unknown> {
  code: string;
  name: string;
  lad_code: string;
}
export interface LadProps extends Record<string, unknown> {
  code: string;
  name: string;
}

type AnyFc = FeatureCollection<Geometry, Record<string, unknown>>;

const DP = 6;

function prop(f: Feature<Geometry, Record<string, unknown>>, k: string): string {
  const v = f.properties[k];
  if (typeof v !== 'string') throw new Error(`feature without string property ${k}`);
  return v;
}

/** Source layer chosen per authority — never mixed inside one authority. */
export const FIVE_SOURCE: Record<string, string> = {
  E09000021: `${RAW.kingstonLsoa21} (generalised 20 m)`,
  E08000010: `${RAW.wiganLsoa21} (BGC)`,
  E08000016: `${RAW.lsoa21Bsc} (BSC)`,
  E06000016: `${RAW.lsoa21Bsc} (BSC)`,
  E06000050: `${RAW.lsoa21Bsc} (BSC)`,
};

export function buildLsoaFive(bsc: AnyFc, lookup: Map<string, LsoaLookup>): FeatureCollection<Poly, LsoaProps> {
  const byCode = new Map<string, Geometry>();
  const add = (code: string, g: Geometry, expectLad: string): void => {
    const l = lookup.get(code);
    if (!l) throw new Error(`LSOA ${code} in boundaries has no ward lookup row`);
    if (l.ladCode !== expectLad) return;
    if (byCode.has(code)) throw new Error(`duplicate LSOA ${code}`);
    byCode.set(code, g);
  };
  for (const f of readJson<AnyFc>(RAW.kingstonLsoa21).features) add(prop(f, 'LSOA21CD'), f.geometry, 'E09000021');
  for (const f of readJson<AnyFc>(RAW.wiganLsoa21).features) add(prop(f, 'area_code'), f.geometry, 'E08000010');
  for (const f of bsc.features) {
    const lad = prop(f, 'lad24_code');
    if (lad === 'E08000016' || lad === 'E06000016' || lad === 'E06000050') add(prop(f, 'lsoa21_code'), f.geometry, lad);
  }
  const features: PolyFeature<LsoaProps>[] = [...byCode.keys()].sort(cmp).map((code) => {
    const l = must(lookup.get(code), code);
    return rfc7946({
      type: 'Feature',
      properties: { code, name: l.lsoaName, lad_code: l.ladCode, ward_code: l.wardCode },
      geometry: roundPoly(must(byCode.get(code), code), DP),
    });
  });
  return featureCollection(features);
}

/**
 * Dissolve polygons by a key through a TopoJSON topology so that dissolved edges sit exactly
 * on the input edges and edges shared between groups stay shared.
 */
export function dissolve<P extends Record<string, unknown>, Q extends Record<string, unknown>>(
  fc: FeatureCollection<Poly, P>,
  key: (p: P) => string,
  props: (k: string, members: P[]) => Q,
  dp: number,
  topo?: Topology<{ a: GeometryCollection<P> }>,
): FeatureCollection<Poly, Q> {
  const t = topo ?? (topology({ a: fc }) as unknown as Topology<{ a: GeometryCollection<P> }>);
  const geoms = t.objects.a.geometries;
  const groups = groupBy(
    geoms.map((g, i) => ({ g, p: must(fc.features[i], 'feature').properties })),
    (x) => key(x.p),
  );
  const features = [...groups.keys()].sort(cmp).map((k) => {
    const members = must(groups.get(k), k);
    const merged = merge(t as unknown as Topology, members.map((m) => m.g) as never);
    const polys = polygonsOf(merged as Geometry);
    const geometry = roundPoly(toPoly(polys), dp);
    return rfc7946<Q>({ type: 'Feature', properties: props(k, members.map((m) => m.p)), geometry });
  });
  return featureCollection(features);
}

export function buildWardFive(lsoa: FeatureCollection<Poly, LsoaProps>, lookup: Map<string, LsoaLookup>): FeatureCollection<Poly, WardProps> {
  const wardName = new Map<string, string>();
  for (const l of lookup.values()) wardName.set(l.wardCode, l.wardName);
  return dissolve(lsoa, (p) => p.ward_code, (k, ms) => ({ code: k, name: must(wardName.get(k), k), lad_code: must(ms[0], k).lad_code }), DP);
}

export function buildLadFive(lsoa: FeatureCollection<Poly, LsoaProps>): FeatureCollection<Poly, LadProps> {
  const names = new Map(FIVE_LADS.map((l) => [l.code, l.name]));
  return dissolve(lsoa, (p) => p.lad_code, (k) => ({ code: k, name: must(names.get(k), k) }), DP);
}

export function buildWardOfficialFive(): FeatureCollection<Poly, WardProps> {
  const src = readJson<AnyFc>(RAW.wardsFive);
  const features = src.features
    .filter((f) => FIVE_CODES.has(prop(f, 'ltla24_code')))
    .map((f) =>
      rfc7946<WardProps>({
        type: 'Feature',
        properties: { code: prop(f, 'ward24_code'), name: prop(f, 'ward24_name'), lad_code: prop(f, 'ltla24_code') },
        geometry: roundPoly(f.geometry, DP),
      }),
    )
    .sort((a, b) => cmp(a.properties.code, b.properties.code));
  return featureCollection(features);
}
