import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../../../src/stats/hotspots/getisOrd.ts';
import { twoSidedP } from '../../../../src/stats/hotspots/normal.ts';
import { spaceTimeGiStar } from '../../../../src/stats/trend/spaceTimeGiStar.ts';
import { weightsFromLists } from '../hotspots/weightsHelpers.ts';

describe('spaceTimeGiStar', () => {
  it('works a 3-area line over 2 steps by hand', () => {
    // Line 0–1–2; cube[t·n + i]: t0 = [1, 2, 3], t1 = [4, 8, 0]. N = 6, x̄ = 18/6 = 3,
    // deviations [−2, −1, 0, 1, 5, −3] → s² = 40/6. Denominator √(s²(N·S1 − W²)/(N − 1)) with binary weights (S1 = W):
    //   W = 2 → √(6.667·(12 − 4)/5) = 3.26599;  W = 3 → √(6.667·(18 − 9)/5) = 3.46410;  W = 4 → √(6.667·(24 − 16)/5) = 3.26599;
    //   W = 6 → N·S1 − W² = 36 − 36 = 0: the neighbourhood is the whole cube, so z is 0/0 (NaN, as in R).
    // t0 (one slice): (0,0): {0,1} Σ = 3, 3 − 3·2 = −3 → −0.918559; (1,0): {0,1,2} Σ = 6, 6 − 9 = −3 → −0.866025;
    //                 (2,0): {1,2} Σ = 5, 5 − 6 = −1 → −0.306186.
    // t1 (slices t1 and t0): (0,1): 4 + 8 + 1 + 2 = 15, 15 − 12 = 3 → 0.918559; (1,1): every bin, 18 − 18 = 0 over 0 → NaN;
    //                        (2,1): 8 + 0 + 2 + 3 = 13, 13 − 12 = 1 → 0.306186.
    const w = weightsFromLists([[1], [0, 2], [1]]);
    const { z, p } = spaceTimeGiStar([1, 2, 3, 4, 8, 0], 3, 2, w);
    const d2 = Math.sqrt(((40 / 6) * 8) / 5);
    const d3 = Math.sqrt(((40 / 6) * 9) / 5);
    const expected = [-3 / d2, -3 / d3, -1 / d2, 3 / d2, Number.NaN, 1 / d2];
    expected.forEach((e, i) => (Number.isNaN(e) ? expect(z[i]).toBeNaN() : expect(z[i]).toBeCloseTo(e, 12)));
    expect(z[0]).toBeCloseTo(-0.918559, 6);
    z.forEach((zi, i) => expect(p[i]).toStrictEqual(twoSidedP(zi)));
  });

  it('reduces to ordinary Gi* for a single time step', () => {
    const w = weightsFromLists([[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]);
    const x = [2, 3, 3.2, 5, 8, 7];
    expect(Array.from(spaceTimeGiStar(x, 6, 1, w).z)).toEqual(Array.from(getisOrdGiStar(x, w).z));
  });

  it('uses each spatial weight in both time slices', () => {
    // Two areas, weight 0.5 each way, 2 steps: t0 = [1, 3], t1 = [2, 6]. x̄ = 3, s² = (4 + 0 + 1 + 9)/4 = 3.5.
    // (0,1): Σwx = 2 + 0.5·6 + 1 + 0.5·3 = 7.5, W = 2·1.5 = 3, S1 = 2·1.25 = 2.5:
    //        z = (7.5 − 9)/√(3.5·(4·2.5 − 9)/3) = −1.5/√(3.5/3) = −1.388730.
    const w = weightsFromLists([[1], [0]], [[0.5], [0.5]]);
    const { z } = spaceTimeGiStar([1, 3, 2, 6], 2, 2, w);
    expect(z[2]).toBeCloseTo(-1.5 / Math.sqrt(3.5 / 3), 12);
  });

  it('checks the cube shape', () => {
    const w = weightsFromLists([[1], [0]]);
    expect(() => spaceTimeGiStar([1, 2, 3], 2, 2, w)).toThrow(/Expected 4 values/);
    expect(() => spaceTimeGiStar([1, 2, 3, 4], 2, 0, w)).toThrow(/at least 1/);
  });
});
