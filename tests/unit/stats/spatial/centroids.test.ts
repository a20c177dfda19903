import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaCentroids } from '../../../../src/stats/spatial/centroids.ts';

const feature = (geometry: Polygon | MultiPolygon | null): Feature<Polygon | MultiPolygon | null> => ({ type: 'Feature', properties: {}, geometry });

describe('area centroids', () => {
  it('finds the centre of a square whatever its winding', () => {
    const cw = feature({ type: 'Polygon', coordinates: [[[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] });
    const ccw = feature({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
    expect([...areaCentroids({ type: 'FeatureCollection', features: [cw, ccw] })]).toEqual([1, 1, 1, 1]);
  });
  it('subtracts holes and weights MultiPolygon parts by area', () => {
    // 4×4 square with a 2×2 hole in its right half: centroid shifts left.
    const holed = feature({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[2, 1], [2, 3], [4, 3], [4, 1], [2, 1]],
      ],
    });
    // 16·(2,2) − 4·(3,2) = 12·(x̄, ȳ) → x̄ = 20/12.
    const [hx, hy] = areaCentroids({ type: 'FeatureCollection', features: [holed] });
    expect(hx).toBeCloseTo(20 / 12, 12);
    expect(hy).toBeCloseTo(2, 12);
    // Parts of area 1 at (0.5, 0.5) and area 4 at (11, 1): (0.5 + 44) / 5.
    const multi = feature({
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]],
    });
    const [mx, my] = areaCentroids({ type: 'FeatureCollection', features: [multi] });
    expect(mx).toBeCloseTo(44.5 / 5, 12);
    expect(my).toBeCloseTo(4.5 / 5, 12);
  });
  it('gives NaN for a feature without geometry', () => {
    expect([...areaCentroids({ type: 'FeatureCollection', features: [feature(null)] })]).toEqual([NaN, NaN]);
  });
});
