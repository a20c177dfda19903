import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_EPSILON, PolygonPointIndex, naiveTurfAssign, type AreaShape } from '../../../../src/geo/assign/pointIndex.ts';
import { authorityBoxes, benchAssignment, randomPointsInBoxes, readLsoaFive, seededRandom } from '../../../bench/assign/assignBench.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('PolygonPointIndex: two squares sharing an edge', () => {
  // The higher code is listed first, so a tie must be broken by code, not by input order.
  const areas: AreaShape[] = [
    { code: 'E01000002', geometry: poly(box(0, 0, 1, 1)) },
    { code: 'E01000001', geometry: poly(box(1, 0, 2, 1)) },
  ];
  const index = new PolygonPointIndex(areas);

  it('puts interior points in their own square', () => {
    expect(index.locate(0.5, 0.5)).toBe(0);
    expect(index.locate(1.5, 0.5)).toBe(1);
  });
  it('gives a point on the shared edge to the lower code', () => {
    expect(index.locate(1, 0.5)).toBe(1);
    expect(index.locateEvery(1, 0.5)).toEqual([1, 0]);
  });
  it('gives the shared vertices to the lower code', () => {
    expect(index.locate(1, 1)).toBe(1);
    expect(index.locate(1, 0)).toBe(1);
  });
  it('follows the code, not the input order', () => {
    const swapped = new PolygonPointIndex([areas[1]!, areas[0]!]);
    expect(swapped.locate(1, 0.5)).toBe(0);
    expect(swapped.codes[swapped.locate(1, 1)]).toBe('E01000001');
  });
  it('counts an outer vertex and outer edge as inside', () => {
    expect(index.locate(0, 0)).toBe(0);
    expect(index.locate(0, 1)).toBe(0);
    expect(index.locate(2, 1)).toBe(1);
    expect(index.locate(0.25, 0)).toBe(0);
  });
  it('returns -1 outside every area (the sea) and for missing coordinates', () => {
    expect(index.locate(5, 5)).toBe(-1);
    expect(index.locate(-1e-6, 0.5)).toBe(-1);
    expect(index.locate(1, 1 + 1e-6)).toBe(-1);
    expect(index.locate(NaN, 0.5)).toBe(-1);
    expect(index.locateEvery(5, 5)).toEqual([]);
  });
  it('treats points within the tolerance of an edge as on it, and farther ones as not', () => {
    expect(index.locate(1 - BOUNDARY_EPSILON / 2, 0.5)).toBe(1);
    expect(index.locate(1 - 1e-8, 0.5)).toBe(0);
    expect(index.locate(2 + BOUNDARY_EPSILON / 2, 0.5)).toBe(1);
    expect(index.locate(2 + 1e-8, 0.5)).toBe(-1);
  });
});

describe('PolygonPointIndex: a slanted shared edge', () => {
  // Two triangles split along the diagonal (0,0)–(3,1); points on it are not exactly representable.
  const index = new PolygonPointIndex([
    { code: 'B', geometry: poly([[0, 0], [3, 0], [3, 1], [0, 0]]) },
    { code: 'A', geometry: poly([[0, 0], [3, 1], [0, 1], [0, 0]]) },
  ]);
  it('puts computed points on the diagonal in the lower code', () => {
    for (const t of [0.1, 1 / 3, 0.7, 0.999]) expect(index.locate(3 * t, t)).toBe(1);
  });
  it('separates the two sides', () => {
    expect(index.locate(2, 0.2)).toBe(0);
    expect(index.locate(1, 0.8)).toBe(1);
  });
});

describe('PolygonPointIndex: a donut with an island in its hole', () => {
  const donut = poly(box(0, 0, 10, 10), box(3, 3, 7, 7).reverse());
  it('gives a point in the hole to the island, and the ring to the donut', () => {
    const index = new PolygonPointIndex([
      { code: 'E01000009', geometry: donut },
      { code: 'E01000005', geometry: poly(box(3, 3, 7, 7)) },
    ]);
    expect(index.locate(5, 5)).toBe(1);
    expect(index.locate(1, 1)).toBe(0);
    expect(index.locate(8, 5)).toBe(0);
    // The hole's edge is both areas' boundary: lower code (the island here).
    expect(index.locate(3, 5)).toBe(1);
    expect(index.locate(7, 7)).toBe(1);
  });
  it('gives the hole edge to the donut when the donut has the lower code', () => {
    const index = new PolygonPointIndex([
      { code: 'E01000001', geometry: donut },
      { code: 'E01000005', geometry: poly(box(3, 3, 7, 7)) },
    ]);
    expect(index.locate(3, 5)).toBe(0);
    expect(index.locate(5, 5)).toBe(1);
  });
  it('leaves a point in an unfilled hole outside', () => {
    const index = new PolygonPointIndex([{ code: 'D', geometry: donut }]);
    expect(index.locate(5, 5)).toBe(-1);
    expect(index.locate(3, 5)).toBe(0); // on the hole's edge = boundary = inside
    expect(index.locate(2.9, 5)).toBe(0);
  });
});

describe('PolygonPointIndex: multipolygons', () => {
  const multi: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 6, 6)], [box(10, 0, 20, 10), box(12, 2, 18, 8)], [box(14, 4, 16, 6)]],
  };
  const index = new PolygonPointIndex([
    { code: 'M', geometry: multi },
    { code: 'N', geometry: poly(box(1, 0, 2, 1)) },
  ]);
  it('finds a point in any part', () => {
    expect(index.locate(0.5, 0.5)).toBe(0);
    expect(index.locate(5.5, 5.5)).toBe(0);
    expect(index.locate(11, 5)).toBe(0);
  });
  it('counts an island part inside another part’s hole, and leaves the rest of the hole outside', () => {
    expect(index.locate(15, 5)).toBe(0);
    expect(index.locate(13, 5)).toBe(-1);
  });
  it('returns -1 between parts and gives a part’s outer vertex to it', () => {
    expect(index.locate(3, 3)).toBe(-1);
    expect(index.locate(6, 6)).toBe(0);
    expect(index.locate(1, 0.5)).toBe(0); // shared with N, and M sorts first
  });
});

describe('PolygonPointIndex.locateAll', () => {
  const index = new PolygonPointIndex([
    { code: 'A', geometry: poly(box(0, 0, 1, 1)) },
    { code: 'B', geometry: poly(box(1, 0, 2, 1)) },
  ]);
  it('assigns every point, -1 outside, and reports progress up to 1', () => {
    const progress: number[] = [];
    const out = index.locateAll(new Float64Array([0.5, 1.5, 3, 1]), new Float64Array([0.5, 0.5, 3, 0.5]), (f) => progress.push(f));
    expect([...out]).toEqual([0, 1, -1, 0]);
    expect(progress.at(-1)).toBe(1);
  });
  it('stops when aborted', () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    expect(() => index.locateAll(new Float64Array([0.5]), new Float64Array([0.5]), undefined, controller.signal)).toThrow('cancelled by the user');
  });
  it('rejects arrays of different lengths', () => {
    expect(() => index.locateAll(new Float64Array(2), new Float64Array(3))).toThrow(/2 longitudes but 3 latitudes/);
  });
  it('works with no areas at all', () => {
    expect([...new PolygonPointIndex([]).locateAll(new Float64Array([0]), new Float64Array([0]))]).toEqual([-1]);
  });
});

describe('PolygonPointIndex agrees with the naive turf loop on the five authorities', () => {
  const features = readLsoaFive();
  const codes = features.map((f) => f.properties.code);
  const index = new PolygonPointIndex(features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));

  it('has the features in code order, so first-hit in turf = lowest code', () => {
    expect([...codes].sort()).toEqual(codes);
    expect(codes).toHaveLength(869);
  });

  it('gives the same area for 10,000 random points within each authority’s bounding box', () => {
    const { lon, lat } = randomPointsInBoxes(authorityBoxes(features), 10_000, 42);
    const fast = index.locateAll(lon, lat);
    const naive = naiveTurfAssign(lon, lat, features);
    const mismatches = [...fast.keys()].filter((i) => fast[i] !== naive[i]);
    expect(mismatches).toEqual([]);
    const inside = [...fast].filter((a) => a >= 0).length;
    expect(inside).toBeGreaterThan(3000); // the test would be weak if most points fell in the sea
    expect(inside).toBeLessThan(10_000);
  });

  it('gives a shared vertex to the lowest code, as turf (exact) does', () => {
    const vertices = sampleVertices(features, 500, 7);
    const fast = index.locateAll(vertices.lon, vertices.lat);
    const naive = naiveTurfAssign(vertices.lon, vertices.lat, features);
    expect([...fast]).toEqual([...naive]);
    expect([...fast].every((a) => a >= 0)).toBe(true);
  });

  // A computed midpoint sits a rounding error off its edge: turf (exact) puts it on one side
  // only, or outside when the edge is the authority's outer boundary; the index counts it as on
  // the edge, so it goes to the lowest code meeting there and is never lost.
  it('differs from turf on edge midpoints only by the documented boundary rules', () => {
    const mids = sampleVertices(features, 2000, 11, true);
    const fast = index.locateAll(mids.lon, mids.lat);
    const naive = naiveTurfAssign(mids.lon, mids.lat, features);
    let ties = 0;
    let outerEdge = 0;
    for (let i = 0; i < fast.length; i++) {
      if (fast[i] === naive[i]) continue;
      const every = index.locateEvery(mids.lon[i]!, mids.lat[i]!);
      expect(every[0]).toBe(fast[i]);
      if (naive[i] === -1) {
        expect(every).toHaveLength(1);
        outerEdge++;
      } else {
        expect(every.length).toBeGreaterThan(1);
        expect(every).toContain(naive[i]);
        expect(codes[fast[i]!]! < codes[naive[i]!]!).toBe(true);
        ties++;
      }
    }
    expect([...fast].every((a) => a >= 0)).toBe(true);
    expect(ties).toBeGreaterThan(0); // the sample does exercise shared edges
    expect(outerEdge).toBeGreaterThan(0);
  });
});

describe('benchAssignment (small run)', () => {
  it('times both methods on the same points and finds no disagreement on random points', () => {
    const result = benchAssignment(20_000, 300, 5);
    expect(result.areas).toBe(869);
    expect(result.rows.map((r) => r.points)).toEqual([0, 20_000, 300, 20_000]);
    expect(result.sampleDisagreements).toBe(0);
    expect(result.fairDisagreements).toBe(0);
    expect(result.outside).toBeGreaterThan(0);
    expect(result.speedRatio).toBeGreaterThan(1);
  });
});

/** Random polygon vertices, or midpoints of random edges. */
function sampleVertices(features: Feature<Polygon | MultiPolygon>[], n: number, seed: number, midpoints = false): { lon: Float64Array; lat: Float64Array } {
  const rand = seededRandom(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = features[Math.floor(rand() * features.length)]!;
    const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0]![0])!;
    const k = Math.floor(rand() * (ring.length - 1));
    const [ax = NaN, ay = NaN] = ring[k]!;
    const [bx = NaN, by = NaN] = ring[k + 1]!;
    lon[i] = midpoints ? (ax + bx) / 2 : ax;
    lat[i] = midpoints ? (ay + by) / 2 : ay;
  }
  return { lon, lat };
}
