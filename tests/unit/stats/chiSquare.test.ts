import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit } from '../../../src/stats/chiSquare.ts';
import { chiSquareUpperTail, gammaP, gammaQ, lnGamma } from '../../../src/stats/gamma.ts';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

// Reference values from R 4 (Debian): pchisq(x, df, lower.tail = FALSE), pgamma, lgamma,
// chisq.test(o, p = shares); and closed forms for even and small df.
describe('chi-square upper tail (regularised upper incomplete gamma)', () => {
  it('matches R', () => {
    const cases: [number, number, number][] = [
      [3.84, 1, 0.050043521248705224],
      [10, 4, 0.040427681994512805],
      [100, 50, 3.4549313829848641e-5],
      [0.5, 7, 0.99944648139042513],
      [1e-3, 1, 0.97477287936996038],
      [300, 200, 5.9245403354839159e-6],
      [15.2, 3, 0.0016534710516881667],
      [2.5, 6, 0.86846766548245125],
    ];
    for (const [x, df, p] of cases) expect(relative(chiSquareUpperTail(x, df), p)).toBeLessThan(1e-12);
  });
  it('matches the closed forms: df = 2 is exp(−x/2); df = 4 is exp(−x/2)(1 + x/2)', () => {
    for (const x of [0.01, 0.7, 2, 5.991464547107979, 13.8, 40, 200]) {
      expect(relative(chiSquareUpperTail(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-13);
      expect(relative(chiSquareUpperTail(x, 4), Math.exp(-x / 2) * (1 + x / 2))).toBeLessThan(1e-13);
    }
    expect(chiSquareUpperTail(5.991464547107979, 2)).toBeCloseTo(0.05, 14);
  });
  it('uses the series below a + 1 and the continued fraction above, consistently', () => {
    expect(gammaQ(0.5, 0.3)).toBeCloseTo(0.43857802608099994, 14);
    expect(relative(gammaQ(10.5, 30), 1.2771688265162091e-5)).toBeLessThan(1e-12);
    for (const [a, x] of [[3, 3.999], [3, 4.001], [0.5, 1.5], [20, 21]] as const) expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 14);
  });
  it('handles the edges', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(chiSquareUpperTail(5, 0)).toBeNaN();
    expect(gammaQ(-1, 2)).toBeNaN();
  });
  it('computes ln Γ', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.57236494292470008, 14);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(relative(lnGamma(100.5), 361.43554046777757)).toBeLessThan(1e-14);
    expect(lnGamma(1e-3)).toBeCloseTo(6.90717888538385338, 13);
  });
});

describe('chiSquareGoodnessOfFit', () => {
  it('matches R chisq.test(c(10, 30, 60), p = c(0.2, 0.3, 0.5))', () => {
    const r = chiSquareGoodnessOfFit([10, 30, 60], [0.2, 0.3, 0.5]);
    expect(r.statistic).toBeCloseTo(7, 12);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.030197383422318501, 14); // = exp(−3.5)
    expect(r.expected).toEqual([20, 30, 50]);
    expect(r.smallExpected).toBe(false);
  });
  it('scales resident counts to shares and flags expected counts below 5', () => {
    const r = chiSquareGoodnessOfFit([15, 3, 2, 79, 1], [500, 300, 200, 8800, 200]);
    expect(r.statistic).toBeCloseTo(21.4204545454545, 11);
    expect(r.df).toBe(4);
    expect(r.p).toBeCloseTo(0.000261320042103035, 14);
    expect(r.expected.map((e) => Number(e.toFixed(10)))).toEqual([5, 3, 2, 88, 2]);
    expect(r.smallExpected).toBe(true);
  });
  it('leaves out groups nobody is expected in, unless someone was observed there', () => {
    const dropped = chiSquareGoodnessOfFit([10, 30, 0, 60], [0.2, 0.3, 0, 0.5]);
    expect(dropped.df).toBe(2);
    expect(dropped.statistic).toBeCloseTo(7, 12);
    const impossible = chiSquareGoodnessOfFit([10, 30, 1, 60], [0.2, 0.3, 0, 0.5]);
    expect(impossible.statistic).toBe(Infinity);
    expect(impossible.p).toBe(0);
  });
  it('has nothing to test with no observations or one group', () => {
    const empty = chiSquareGoodnessOfFit([0, 0], [1, 1]);
    expect(empty.p).toBeNaN();
    expect(empty.expected).toEqual([0, 0]);
    expect(chiSquareGoodnessOfFit([5], [1]).p).toBeNaN();
  });
  it('rejects mismatched or negative input', () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [1])).toThrow(/one expected share per group/);
    expect(() => chiSquareGoodnessOfFit([1, -2], [1, 1])).toThrow(RangeError);
  });
});
