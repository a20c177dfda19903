/**
 * Our weights and hotspot statistics against independent implementations:
 * R spdep 1.2-7 (poly2nb, localG, localmoran, dnearneigh) and libpysal 4.7.0
 * (Queen), run once by scripts/fixtures/hotspots/ and committed as JSON in
 * tests/fixtures/hotspots/. No R or Python is needed to run this test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../../src/stats/hotspots/getisOrd.ts';
import { localMoran } from '../../../src/stats/hotspots/localMoran.ts';
import { neighboursOf } from '../../../src/stats/spatial/csr.ts';
import { distanceBandWeights } from '../../../src/stats/spatial/pointWeights.ts';
import { queenContiguity, type PolygonCollection } from '../../../src/stats/spatial/queenContiguity.ts';
import type { SpatialWeights } from '../../../src/stats/spatial/weights.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;

interface NeighbourFixture {
  tool: string;
  links: number;
  islands: string[];
  neighbours: Record<string, string[]>;
}
interface MoranColumns {
  Ii: number[];
  E_Ii: number[];
  Var_Ii: number[];
  Z_Ii: number[];
  p: number[];
}
interface LocalStatsFixture {
  codes: string[];
  getis_ord_gi_star: { z: number[] };
  local_moran: MoranColumns;
  quadrants: { pysal: string[] };
}
interface SixPointsFixture {
  points: [number, number][];
  y: number[];
  neighbours: number[][];
  gi_star_z: number[];
}

const boundaries = readJson<PolygonCollection>('data/geo/lsoa-five.geojson');
const input = readJson<{ codes: string[]; crime: number[] }>('tests/fixtures/hotspots/lsoa-five-crime.json');
const spdepQueen = readJson<NeighbourFixture>('tests/fixtures/hotspots/queen-spdep.json');
const pysalQueen = readJson<NeighbourFixture>('tests/fixtures/hotspots/queen-libpysal.json');
const spdepStats = readJson<LocalStatsFixture>('tests/fixtures/hotspots/local-stats-spdep.json');
const sixPoints = readJson<SixPointsFixture>('tests/fixtures/hotspots/six-points-spdep.json');

const codes = boundaries.features.map((f) => String(f.properties?.code));
const weights = queenContiguity(boundaries);

function byCode(w: SpatialWeights): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  codes.forEach((code, i) => {
    out[code] = [...neighboursOf(w, i)].map((j) => codes[j]!).sort();
  });
  return out;
}

/** |ours − reference| ≤ 1e-6, relative to the reference once it is larger than 1. */
function expectClose(ours: ArrayLike<number>, reference: number[], what: string): void {
  expect(ours.length, what).toBe(reference.length);
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < reference.length; i++) {
    const error = Math.abs(ours[i]! - reference[i]!) / Math.max(1, Math.abs(reference[i]!));
    if (!(error <= worst)) {
      worst = error;
      worstAt = i;
    }
  }
  expect(worst, `${what}: largest difference at ${codes[worstAt] ?? worstAt}`).toBeLessThanOrEqual(1e-6);
}

describe('queen contiguity on the five authorities against R spdep and libpysal', () => {
  it('uses the same areas in the same order as the fixtures', () => {
    expect(input.codes).toEqual(codes);
    expect(spdepStats.codes).toEqual(codes);
    expect(Object.keys(spdepQueen.neighbours)).toEqual(codes);
  });
  it('gives exactly the neighbour lists of spdep poly2nb(queen = TRUE, snap = 1e-6)', () => {
    expect(byCode(weights)).toEqual(spdepQueen.neighbours);
    expect(weights.neighbours.length).toBe(spdepQueen.links);
    expect(weights.neighbours.length).toBe(4820);
  });
  it('gives exactly the neighbour lists of libpysal Queen (exact shared vertices)', () => {
    expect(byCode(weights)).toEqual(pysalQueen.neighbours);
    expect(byCode(queenContiguity(boundaries, { tolerance: 0 }))).toEqual(pysalQueen.neighbours);
  });
  it('finds no islands, as both tools do', () => {
    expect(weights.islands).toEqual([]);
    expect(spdepQueen.islands).toEqual([]);
    expect(pysalQueen.islands).toEqual([]);
  });
});

describe('hotspot statistics on the IoD 2025 crime score against R spdep', () => {
  it('Getis–Ord Gi* z matches localG with include.self, binary weights', () => {
    const { z, p } = getisOrdGiStar(input.crime, weights);
    expectClose(z, spdepStats.getis_ord_gi_star.z, 'Gi* z');
    // Real signal in the data, so agreement is not about near-zero values.
    expect(Math.max(...z)).toBeGreaterThan(3);
    expect(p.every((value) => value >= 0 && value <= 1)).toBe(true);
  });
  it('local Moran Ii, E.Ii, Var.Ii, Z.Ii and p match localmoran with row-standardised weights', () => {
    const moran = localMoran(input.crime, weights);
    const reference = spdepStats.local_moran;
    expectClose(moran.I, reference.Ii, 'Ii');
    expectClose(moran.expected, reference.E_Ii, 'E.Ii');
    expectClose(moran.variance, reference.Var_Ii, 'Var.Ii');
    expectClose(moran.z, reference.Z_Ii, 'Z.Ii');
    expectClose(moran.p, reference.p, 'Pr(z != E(Ii))');
    expect(moran.quadrant).toEqual(spdepStats.quadrants.pysal);
  });
});

describe('DESIGN.md six-point distance-band fixture against R spdep', () => {
  const w = distanceBandWeights(sixPoints.points, 15, { coordinates: 'planar' });
  it('has the neighbours of dnearneigh(0, 15)', () => {
    expect(Array.from({ length: w.n }, (_, i) => [...neighboursOf(w, i)])).toEqual(sixPoints.neighbours);
  });
  it('gives the Gi* z of localG, which DESIGN.md quotes', () => {
    expectClose(getisOrdGiStar(sixPoints.y, w).z, sixPoints.gi_star_z, 'Gi* z (six points)');
    expect(sixPoints.gi_star_z[5]).toBeCloseTo(2.02424331, 8);
  });
});
