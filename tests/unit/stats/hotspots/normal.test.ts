import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from '../../../../src/stats/hotspots/normal.ts';

// Reference values from R 4.x: pnorm(z) and 2 * pnorm(abs(z), lower.tail = FALSE), printed to 17 digits.
const CDF: [number, number][] = [
  [-30, 4.9067139271481872e-198],
  [-10, 7.6198530241605269e-24],
  [-8.3, 5.2055697448902552e-17],
  [-6, 9.8658764503769809e-10],
  [-5.7, 5.9903714010635279e-9],
  [-3, 1.3498980316300946e-3],
  [-1.96, 2.4997895148220428e-2],
  [-1, 1.5865525393145705e-1],
  [-0.6744, 2.5002852137294063e-1],
  [-0.3, 3.8208857781104733e-1],
  [0, 0.5],
  [0.5, 6.9146246127401301e-1],
  [0.7, 7.5803634777692697e-1],
  [1, 8.4134474606854293e-1],
  [1.6448536269514722, 0.95],
  [2.5758293035489004, 0.995],
  [5, 9.9999971334842808e-1],
  [5.66, 9.9999999243135029e-1],
];
const TWO_SIDED: [number, number][] = [
  [-30, 9.8134278542963744e-198],
  [-3, 2.6997960632601892e-3],
  [-1.96, 4.9995790296440856e-2],
  [-0.6744, 5.0005704274588125e-1],
  [0, 1],
  [0.5, 6.1707507745197387e-1],
  [0.7, 4.8392730444614596e-1],
  [1, 3.1731050786291409e-1],
  [1.6448536269514722, 0.1],
  [2.5758293035489004, 0.01],
  [5, 5.7330314375838782e-7],
  [5.66, 1.5137299503995428e-8],
  [8, 1.244192114854357e-15],
  [10, 1.5239706048321054e-23],
  [20, 5.5072482372124675e-89],
  [37, 1.1451142445049154e-299],
];

describe('normalCdf', () => {
  it.each(CDF)('Φ(%f) matches R pnorm to 1e-12 relative', (z, expected) => {
    const got = normalCdf(z);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });
  it('handles the extremes', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
  it('is symmetric: Φ(−z) + Φ(z) = 1', () => {
    for (const z of [0.1, 0.6744, 0.7, 2, 4.5]) expect(normalCdf(-z) + normalCdf(z)).toBeCloseTo(1, 15);
  });
});

describe('twoSidedP', () => {
  it.each(TWO_SIDED)('p(%f) matches R to 1e-12 relative, even deep in the tail', (z, expected) => {
    const got = twoSidedP(z);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });
  it('keeps digits where 1 − Φ would cancel to 0', () => {
    expect(2 * (1 - normalCdf(10))).toBe(0);
    expect(twoSidedP(10)).toBeGreaterThan(1e-23);
  });
  it('is NaN for NaN and 0 at infinity', () => {
    expect(twoSidedP(Number.NaN)).toBeNaN();
    expect(twoSidedP(-Infinity)).toBe(0);
  });
});
