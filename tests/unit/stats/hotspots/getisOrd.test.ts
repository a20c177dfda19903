import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../../../src/stats/hotspots/getisOrd.ts';
import { twoSidedP } from '../../../../src/stats/hotspots/normal.ts';
import { distanceBandWeights, weightsFromLists } from './weightsHelpers.ts';

describe('getisOrdGiStar', () => {
  it('matches the DESIGN.md fixture (binary distance band 15, self included)', () => {
    const points: [number, number][] = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
    const w = distanceBandWeights(points, 15);
    // Pairs within 15: 0–1 (10), 0–3 (11.2), 1–3 (11.2), 1–4 (14.1), 2–4 (14.1), 3–4 (15, on the band), 4–5 (10).
    expect(Array.from(w.neighbours)).toEqual([1, 3, 0, 3, 4, 4, 0, 1, 4, 1, 2, 3, 5, 4]);
    const { z, p } = getisOrdGiStar([2, 3, 3.2, 5, 8, 7], w);
    const expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    expected.forEach((e, i) => expect(Math.abs(z[i]! - e)).toBeLessThan(1e-6));
    z.forEach((zi, i) => expect(p[i]).toBe(twoSidedP(zi)));
  });

  it('works through the formula by hand for area 5', () => {
    // x̄ = 28.2/6 = 4.7, s² = Σ(x − x̄)²/6 = (7.29+2.89+2.25+0.09+10.89+5.29)/6 = 28.7/6; area 5 with itself and area 4: Σwx = 15, W = 2, S1 = 2.
    // z = (15 − 4.7·2) / √(s²·(6·2 − 4)/5) = 5.6 / √(28.7·8/30) = 2.0242433...
    const w = distanceBandWeights([[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]], 15);
    expect(getisOrdGiStar([2, 3, 3.2, 5, 8, 7], w).z[5]).toBeCloseTo(5.6 / Math.sqrt((28.7 * 8) / 30), 12);
  });

  it('matches R spdep localG with general (inverse-distance) weights and self weight 1', () => {
    // R: knn2nb(knearneigh(xy, k = 3)), glist = 1/distance, include.self() with weight 1,
    // nb2listw(style = "B"), localG(x, lw). Neighbours below are R's, converted to 0-based.
    const a = 0.44721359549995793; // 1/√5
    const b = 0.31622776601683794; // 1/√10
    const c = 0.22360679774997896; // 1/√20
    const d = 0.27735009811261457; // 1/√13
    const lists = [[1, 2, 5], [0, 2, 5], [0, 1, 3], [2, 5, 6], [2, 3, 7], [1, 2, 3], [3, 5, 7], [3, 4, 6]];
    const weights = [[a, b, c], [a, a, a], [b, a, a], [a, a, a], [b, d, a], [a, b, a], [a, b, d], [b, a, d]];
    const x = [3.1, 4.5, 2.2, 7.9, 6.4, 5.0, 8.8, 1.7];
    const { z } = getisOrdGiStar(x, weightsFromLists(lists, weights));
    const r = [
      -1.2084989282903451, -0.99869660426570472, -0.90371847188084165, 1.3923655224659957, -0.022798646238444013, 0.12164096737867508,
      1.7793157903985826, -0.24958270873868268,
    ];
    r.forEach((e, i) => expect(Math.abs(z[i]! - e)).toBeLessThan(1e-12));
  });

  it('gives an island its own standardised value, and NaN for a constant variable', () => {
    // Island: W = S1 = 1, so z = (x_i − x̄)/s exactly.
    const w = weightsFromLists([[1], [0], []]);
    const { z } = getisOrdGiStar([1, 2, 6], w);
    expect(z[2]).toBeCloseTo((6 - 3) / Math.sqrt(14 / 3), 12);
    expect(getisOrdGiStar([4, 4, 4], w).z[0]).toBeNaN();
  });

  it('refuses values that do not match the weights', () => {
    expect(() => getisOrdGiStar([1, 2], weightsFromLists([[1], [0], []]))).toThrow(/2 values .* 3 areas/);
  });
});
