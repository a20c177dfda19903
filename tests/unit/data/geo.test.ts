import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { PolygonIndex } from '../../../scripts/data/crime.ts';
import { dissolve, type LsoaProps } from '../../../scripts/data/geo-five.ts';
import { type Poly, checkValid, roundRing, splitPinches } from '../../../scripts/data/geo-util.ts';

const sq = (x: number, y: number): number[][] => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];
const lsoas: FeatureCollection<Poly, LsoaProps> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'A', name: 'A', lad_code: 'L', ward_code: 'W1' }, geometry: { type: 'Polygon', coordinates: [sq(0, 52)] } },
    { type: 'Feature', properties: { code: 'B', name: 'B', lad_code: 'L', ward_code: 'W1' }, geometry: { type: 'Polygon', coordinates: [sq(1, 52)] } },
    { type: 'Feature', properties: { code: 'C', name: 'C', lad_code: 'L', ward_code: 'W2' }, geometry: { type: 'Polygon', coordinates: [sq(2, 52)] } },
  ],
};

describe('geometry helpers', () => {
  it('dissolves LSOAs into wards along shared edges', () => {
    const wards = dissolve(lsoas, (p) => p.ward_code, (k) => ({ code: k }), 6);
    expect(wards.features.map((f) => f.properties.code)).toEqual(['W1', 'W2']);
    const w1 = wards.features[0]!.geometry;
    expect(w1.type).toBe('Polygon');
    const xs = (w1.coordinates as number[][][])[0]!.map((p) => p[0]);
    expect(Math.min(...(xs as number[]))).toBe(0);
    expect(Math.max(...(xs as number[]))).toBe(2);
    expect(checkValid('W1', w1)).toEqual([]);
  });
  it('rounds rings, drops repeated points and keeps them closed', () => {
    expect(roundRing([[0.1234561, 1], [0.1234564, 1], [1, 1], [1, 2], [0.12345649, 1.0000001]], 6)).toEqual([[0.123456, 1], [1, 1], [1, 2], [0.123456, 1]]);
  });
  it('splits a pinched ring into simple rings', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]];
    const { same, opposite } = splitPinches(ring);
    expect(same).toHaveLength(2);
    expect(opposite).toHaveLength(0);
  });
  it('locates points with the flatbush + point-in-polygon index', () => {
    const idx = new PolygonIndex(lsoas);
    expect(idx.locate(0.5, 52.5)).toEqual(['A']);
    expect(idx.locate(2.5, 52.5)).toEqual(['C']);
    expect(idx.locate(5, 52.5)).toEqual([]);
  });
});
