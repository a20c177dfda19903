import { describe, expect, it } from 'vitest';
import { localMoran } from '../../../../src/stats/hotspots/localMoran.ts';
import { weightsFromLists } from './weightsHelpers.ts';

describe('localMoran', () => {
  it('works a 4-area line by hand (row-standardised, spdep conditional/mlvar defaults)', () => {
    // Line 0–1–2–3, x = [1, 2, 4, 5]: x̄ = 3, z = [−2, −1, 1, 2], m₂ = (4+1+1+4)/4 = 2.5.
    // Row-standardised lags: [z1, (z0+z2)/2, (z1+z3)/2, z2] = [−1, −0.5, 0.5, 1].
    // I = z·lag/m₂ = [2, 0.5, 0.5, 2]/2.5 = [0.8, 0.2, 0.2, 0.8].
    // E = −z²·Wᵢ/((n−1)m₂) with Wᵢ = 1: [−4, −1, −1, −4]/7.5.
    // Var = (z/m₂)²·n/(n−2)·(Wᵢ₂ − 1/(n−1))·(m₂ − z²/(n−1)), Wᵢ₂ = Σw² = [1, 0.5, 0.5, 1]:
    //   ends:   0.64·2·(2/3)·(2.5 − 4/3) = 0.64·28/18 = 0.995556
    //   middle: 0.16·2·(1/6)·(2.5 − 1/3) = 0.16·26/36 = 0.115556
    // Z = (I − E)/√Var: ends (4/3)/√0.995556 = 1.336306, middle (1/3)/√0.115556 = 0.980581 (R prints the same).
    const w = weightsFromLists([[1], [0, 2], [1, 3], [2]]);
    const r = localMoran([1, 2, 4, 5], w);
    const close = (got: Float64Array, want: number[]) => want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    close(r.I, [0.8, 0.2, 0.2, 0.8]);
    close(r.expected, [-4 / 7.5, -1 / 7.5, -1 / 7.5, -4 / 7.5]);
    close(r.variance, [(0.64 * 28) / 18, (0.16 * 26) / 36, (0.16 * 26) / 36, (0.64 * 28) / 18]);
    close(r.z, [1.3363062095621216, 0.9805806756909201, 0.9805806756909201, 1.3363062095621216]);
    close(r.p, [0.18144920772142042, 0.32679956766896595, 0.32679956766896595, 0.18144920772142042]);
    expect(r.quadrant).toEqual(['Low-Low', 'Low-Low', 'High-High', 'High-High']);
  });

  it('matches R spdep localmoran with general weights row-standardised (style "W")', () => {
    // Same 8-point k = 3, inverse-distance case as the Gi* test; values printed by spdep 1.2-7.
    const a = 0.4472135954999579;
    const b = 0.31622776601683794;
    const c = 0.22360679774997896;
    const d = 0.2773500981126146;
    const lists = [[1, 2, 5], [0, 2, 5], [0, 1, 3], [2, 5, 6], [2, 3, 7], [1, 2, 3], [3, 5, 7], [3, 4, 6]];
    const weights = [[a, b, c], [a, a, a], [b, a, a], [a, a, a], [b, d, a], [a, b, a], [a, b, d], [b, a, d]];
    const r = localMoran([3.1, 4.5, 2.2, 7.9, 6.4, 5.0, 8.8, 1.7], weightsFromLists(lists, weights));
    const R = {
      I: [0.3353575027169432, 0.1152384972562263, -0.20443004912352966, 0.1909385113268609, -0.35400004778502137, 0.0017322456745042926, 0.27088505394823376, -1.396747043311027],
      E: [-0.08255442320448653, -0.004884520291865166, -0.1824157269492854, -0.2099137671108967, -0.050714587227883974, -0.0000603027196526559, -0.3575348248205994, -0.25477899053247294],
      V: [0.15296474989328915, 0.008641176450459597, 0.2760011459083216, 0.29484440442348253, 0.09215764008517588, 0.00011159038794945879, 0.4397132818787213, 0.3634547469465078],
      Z: [1.0685358172774853, 1.2922299327156066, -0.04190345912406358, 0.7382235770844732, -0.9990469960018561, 0.16969048682149146, 0.9476874351265425, -1.8942128643190608],
      P: [0.28527888274818847, 0.19627752861083533, 0.9665756588396122, 0.4603785978998932, 0.3177719257605155, 0.8652535559841439, 0.3432885993750815, 0.05819676126609665],
    };
    for (let i = 0; i < 8; i++) {
      expect(Math.abs(r.I[i]! - R.I[i]!)).toBeLessThan(1e-12);
      expect(Math.abs(r.expected[i]! - R.E[i]!)).toBeLessThan(1e-12);
      expect(Math.abs(r.variance[i]! - R.V[i]!)).toBeLessThan(1e-12);
      expect(Math.abs(r.z[i]! - R.Z[i]!)).toBeLessThan(1e-10);
      expect(Math.abs(r.p[i]! - R.P[i]!)).toBeLessThan(1e-10);
    }
    expect(r.quadrant).toEqual(['Low-Low', 'Low-Low', 'Low-High', 'High-High', 'High-Low', 'High-High', 'High-High', 'Low-High']);
  });

  it('gives islands I = 0 and no z or p, as spdep with zero.policy', () => {
    const r = localMoran([1, 3, 8], weightsFromLists([[1], [0], []]));
    expect(r.I[2]).toBe(0);
    expect(r.variance[2]).toBe(0);
    expect(r.z[2]).toBeNaN();
    expect(r.p[2]).toBeNaN();
    // Lag of an island is 0, which counts as Low; x above the mean is High.
    expect(r.quadrant[2]).toBe('High-Low');
  });
});
