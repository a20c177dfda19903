import { describe, expect, it } from 'vitest';
import { neighboursOf, rowStandardise } from '../../../../src/stats/spatial/csr.ts';
import { distanceBandWeights, knnWeights } from '../../../../src/stats/spatial/pointWeights.ts';
import type { SpatialWeights } from '../../../../src/stats/spatial/weights.ts';

const rows = (w: SpatialWeights) => Array.from({ length: w.n }, (_, i) => [...neighboursOf(w, i)]);
const rowWeights = (w: SpatialWeights) => Array.from({ length: w.n }, (_, i) => [...(w.weights ?? new Float64Array(0)).subarray(w.offsets[i], w.offsets[i + 1])]);

/** The DESIGN.md Gi* fixture points (planar). */
const SIX: [number, number][] = [
  [10, 10],
  [20, 10],
  [40, 10],
  [15, 20],
  [30, 20],
  [30, 30],
];

describe('k nearest neighbours', () => {
  it('finds the k nearest on a line, breaking a tie at the k-th distance by the lower index', () => {
    // x = 0, 1, 3, 6, 10: the point at 3 is 3 from both 0 and 6; index 0 wins.
    const line: [number, number][] = [0, 1, 3, 6, 10].map((x) => [x, 0]);
    const w = knnWeights(line, 2, { coordinates: 'planar' });
    expect(rows(w)).toEqual([[1, 2], [0, 2], [0, 1], [2, 4], [2, 3]]);
    expect(w.islands).toEqual([]);
    expect(w.weights).toBeUndefined();
  });
  it('accepts flat Float64Array pairs the same as [x, y] pairs', () => {
    const flat = Float64Array.from(SIX.flat());
    expect(rows(knnWeights(flat, 3, { coordinates: 'planar' }))).toEqual(rows(knnWeights(SIX, 3, { coordinates: 'planar' })));
  });
  it('measures lon/lat on the sphere, not in raw degrees', () => {
    // At 60°N a degree of longitude is half a degree of latitude: 0.15° east is
    // ≈ 8.3 km, 0.1° north ≈ 11.1 km. Raw degrees would pick the northern point.
    const points: [number, number][] = [
      [0, 60],
      [0.15, 60],
      [0, 60.1],
    ];
    expect(rows(knnWeights(points, 1))[0]).toEqual([1]);
    expect(rows(knnWeights(points, 1, { coordinates: 'planar' }))[0]).toEqual([2]);
  });
  it('is exact against brute force on scattered English points', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const points: [number, number][] = Array.from({ length: 400 }, () => [-5.5 + 7 * random(), 50 + 5.5 * random()]);
    const haversine = (a: [number, number], b: [number, number]) => {
      const r = Math.PI / 180;
      const h = Math.sin(((b[1] - a[1]) * r) / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    const expected = points.map((p, i) =>
      points
        .map((q, j) => ({ j, d: haversine(p, q) }))
        .filter((e) => e.j !== i)
        .sort((a, b) => a.d - b.d || a.j - b.j)
        .slice(0, 6)
        .map((e) => e.j)
        .sort((a, b) => a - b),
    );
    expect(rows(knnWeights(points, 6))).toEqual(expected);
  });
  it('refuses k that is not a whole number or leaves too few other points', () => {
    expect(() => knnWeights(SIX, 0)).toThrow(/whole number of 1 or more/);
    expect(() => knnWeights(SIX, 2.5)).toThrow(/whole number/);
    expect(() => knnWeights(SIX, 6, { coordinates: 'planar' })).toThrow(/at most 5 neighbours/);
  });
  it('refuses points that are not longitude/latitude unless told they are planar', () => {
    expect(() => knnWeights([[530000, 180000], [531000, 180000]], 1)).toThrow(/not a longitude\/latitude/);
    expect(() => knnWeights([[0, NaN], [1, 1]], 1)).toThrow(/Point 1 has no usable coordinates/);
  });
});

describe('distance band', () => {
  it('gives the neighbours R spdep dnearneigh(0, 15) gives for the DESIGN.md six points (15 itself included)', () => {
    const w = distanceBandWeights(SIX, 15, { coordinates: 'planar' });
    expect(rows(w)).toEqual([[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]);
    expect(w.islands).toEqual([]);
    expect(w.weights).toBeUndefined();
  });
  it('weights by inverse distance when not binary', () => {
    const w = distanceBandWeights(SIX, 15, { coordinates: 'planar', binary: false });
    expect(rows(w)[4]).toEqual([1, 2, 3, 5]);
    const expected = [1 / Math.hypot(10, 10), 1 / Math.hypot(10, 10), 1 / 15, 1 / 10];
    rowWeights(w)[4]!.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 14));
  });
  it('lists points with nobody in range as islands', () => {
    const w = distanceBandWeights([...SIX, [100, 100]], 15, { coordinates: 'planar' });
    expect(w.islands).toEqual([6]);
    expect(rows(w)[6]).toEqual([]);
  });
  it('uses kilometres for lon/lat', () => {
    // 0.01° of latitude is 1.112 km.
    const points: [number, number][] = [
      [-1.1, 52.6],
      [-1.1, 52.61],
    ];
    expect(distanceBandWeights(points, 1.12).islands).toEqual([]);
    expect(distanceBandWeights(points, 1.1).islands).toEqual([0, 1]);
  });
  it('refuses inverse distance between points in the same place, and a non-positive band', () => {
    expect(() => distanceBandWeights([[1, 1], [1, 1]], 5, { coordinates: 'planar', binary: false })).toThrow(/Points 1 and 2 are in the same place/);
    expect(() => distanceBandWeights(SIX, 0)).toThrow(/positive number/);
  });
});

describe('row standardisation', () => {
  it('makes each row sum to 1 and leaves islands empty', () => {
    const w = rowStandardise(distanceBandWeights([...SIX, [100, 100]], 15, { coordinates: 'planar' }));
    expect(rowWeights(w)).toEqual([[0.5, 0.5], [1 / 3, 1 / 3, 1 / 3], [1], [1 / 3, 1 / 3, 1 / 3], [0.25, 0.25, 0.25, 0.25], [1], []]);
    expect(w.islands).toEqual([6]);
  });
  it('keeps the proportions of existing weights', () => {
    const w = rowStandardise(distanceBandWeights(SIX, 15, { coordinates: 'planar', binary: false }));
    const row = rowWeights(w)[0]!;
    expect(row[0]! + row[1]!).toBeCloseTo(1, 15);
    expect(row[0]! / row[1]!).toBeCloseTo(Math.hypot(5, 10) / 10, 14);
  });
});
