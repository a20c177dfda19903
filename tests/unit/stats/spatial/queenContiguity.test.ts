import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { neighboursOf } from '../../../../src/stats/spatial/csr.ts';
import { DEFAULT_QUEEN_TOLERANCE, queenContiguity } from '../../../../src/stats/spatial/queenContiguity.ts';
import type { SpatialWeights } from '../../../../src/stats/spatial/weights.ts';

type Area = Feature<Polygon | MultiPolygon>;

const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const square = (x0: number, y0: number, x1: number, y1: number): Area => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [ring(x0, y0, x1, y1)] },
});
const collection = (features: Area[]) => ({ type: 'FeatureCollection' as const, features });
const rows = (w: SpatialWeights) => Array.from({ length: w.n }, (_, i) => [...neighboursOf(w, i)]);

describe('queen contiguity on hand-drawn squares', () => {
  const areas = [
    // 0–3: a 2×2 grid; 0 and 3 (and 1 and 2) touch only at the middle corner.
    square(0, 0, 1, 1),
    square(1, 0, 2, 1),
    square(0, 1, 1, 2),
    square(1, 1, 2, 2),
    // 4: far away from everything.
    square(5, 5, 6, 6),
    // 5: a square with a square hole; 6 fills the hole exactly.
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(10, 0, 14, 4), ring(11, 1, 13, 3).reverse()] } },
    square(11, 1, 13, 3),
    // 7: two separate parts; 8 shares an edge with the first, 9 a corner with the second.
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[ring(20, 0, 21, 1)], [ring(22, 2, 23, 3)]] },
    },
    square(19, 0, 20, 1),
    square(23, 3, 24, 4),
  ] satisfies Area[];
  const w = queenContiguity(collection(areas));

  it('joins edge and corner neighbours, holes to what fills them, and every part of a MultiPolygon', () => {
    expect(rows(w)).toEqual([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2], [], [6], [5], [8, 9], [7], [7]]);
  });
  it('lists the separated square as an island', () => {
    expect(w.islands).toEqual([4]);
  });
  it('is binary, symmetric CSR with rows in ascending order', () => {
    expect(w.weights).toBeUndefined();
    expect(w.n).toBe(10);
    expect([...w.offsets]).toEqual([0, 3, 6, 9, 12, 12, 13, 14, 16, 17, 18]);
    for (let i = 0; i < w.n; i++) for (const j of neighboursOf(w, i)) expect([...neighboursOf(w, j)]).toContain(i);
  });
  it('treats a feature without geometry as an island rather than failing', () => {
    const withEmpty = queenContiguity({
      type: 'FeatureCollection',
      features: [square(0, 0, 1, 1), { type: 'Feature', properties: {}, geometry: null }, square(1, 0, 2, 1)],
    });
    expect(rows(withEmpty)).toEqual([[2], [], [0]]);
    expect(withEmpty.islands).toEqual([1]);
  });
});

describe('snapping tolerance', () => {
  const gap = (dx: number, dy = 0, tolerance?: number) => {
    const left = square(-0.3, 51.5, -0.2, 51.6);
    const right = square(-0.2 + dx, 51.5 + dy, -0.1, 51.6 + dy);
    return queenContiguity(collection([left, right]), tolerance === undefined ? {} : { tolerance }).islands.length === 0;
  };

  it('defaults to 1e-6 degrees', () => {
    expect(DEFAULT_QUEEN_TOLERANCE).toBe(1e-6);
  });
  it('joins near-shared vertices within the tolerance and not beyond it', () => {
    expect(gap(0)).toBe(true);
    expect(gap(4e-7)).toBe(true);
    expect(gap(5e-7, 5e-7)).toBe(true); // 7.1e-7 along the diagonal
    expect(gap(8e-7, 8e-7)).toBe(false); // 1.13e-6 along the diagonal
    expect(gap(2e-6)).toBe(false);
    expect(gap(2e-6, 0, 1e-5)).toBe(true);
    expect(gap(4e-7, 0, 0)).toBe(false);
  });
  it('joins vertices one unit apart in the sixth decimal place, however the subtraction rounds', () => {
    // 51.382026 − 51.382025 is 1.0000000046e-6 in floating point: just over.
    expect(51.382026 - 51.382025).toBeGreaterThan(1e-6);
    const below = square(-0.28, 51.37, -0.27, 51.382025);
    const above = square(-0.27, 51.382026, -0.26, 51.39);
    expect(queenContiguity(collection([below, above])).islands).toEqual([]);
  });
  it('rejects a negative or missing-number tolerance in plain words', () => {
    expect(() => queenContiguity(collection([square(0, 0, 1, 1)]), { tolerance: -1 })).toThrow(/tolerance must be a number of 0 or more/);
    expect(() => queenContiguity(collection([square(0, 0, 1, 1)]), { tolerance: NaN })).toThrow(/tolerance/);
  });

  it('matches a brute-force all-pairs check on random near-touching triangles (grid-cell edges included)', () => {
    // Seeded so failures reproduce. Vertices are scattered on a coarse lattice
    // with jitter of up to ±1.5 tolerances, so many pairs straddle cell edges
    // and sit just inside or just outside the tolerance.
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const tolerance = 1e-6;
    const lattice = 3e-6;
    const areas: Area[] = [];
    for (let a = 0; a < 300; a++) {
      const corner = () => [
        -1.1 + Math.floor(random() * 12) * lattice + (random() - 0.5) * 3 * tolerance,
        52.6 + Math.floor(random() * 12) * lattice + (random() - 0.5) * 3 * tolerance,
      ];
      const p = [corner(), corner(), corner()];
      areas.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...p, p[0]!]] } });
    }
    const expected: number[][] = areas.map(() => []);
    const vertices = (f: Area) => (f.geometry as Polygon).coordinates[0]!.slice(0, -1);
    let nearMisses = 0;
    for (let i = 0; i < areas.length; i++) {
      for (let j = i + 1; j < areas.length; j++) {
        let closest = Infinity;
        for (const p of vertices(areas[i]!)) for (const q of vertices(areas[j]!)) closest = Math.min(closest, Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!));
        if (closest > tolerance && closest <= 1.5 * tolerance) nearMisses++;
        if (closest <= tolerance * (1 + 1e-6)) {
          expected[i]!.push(j);
          expected[j]!.push(i);
        }
      }
    }
    expected.forEach((row) => row.sort((x, y) => x - y));
    const got = rows(queenContiguity(collection(areas), { tolerance }));
    expect(got).toEqual(expected);
    // The check must exercise both outcomes near the boundary to mean anything.
    expect(expected.reduce((sum, row) => sum + row.length, 0)).toBeGreaterThan(100);
    expect(nearMisses).toBeGreaterThan(20);
  });
});
