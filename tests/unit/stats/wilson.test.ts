import { describe, expect, it } from 'vitest';
import { normalQuantile, wilsonInterval } from '../../../src/stats/wilson.ts';

// Reference values from R 4 (Debian): prop.test(x, n, correct = FALSE)$conf.int and qnorm(p).
describe('wilsonInterval', () => {
  it('matches the hand-computed / R interval for 10 of 100', () => {
    const w = wilsonInterval(10, 100);
    expect(w.share).toBe(0.1);
    expect(w.low).toBeCloseTo(0.055229137060675094, 14);
    expect(w.high).toBeCloseTo(0.17436566150491345, 14);
  });
  it('matches R for small counts and other confidence levels', () => {
    const a = wilsonInterval(1, 40);
    expect(a.low).toBeCloseTo(0.00442683150268139, 14);
    expect(a.high).toBeCloseTo(0.12881368963474088, 14);
    const b = wilsonInterval(3, 7, 0.9);
    expect(b.low).toBeCloseTo(0.18644319036395615, 14);
    expect(b.high).toBeCloseTo(0.71052290898640702, 14);
    const c = wilsonInterval(10, 100, 0.99);
    expect(c.low).toBeCloseTo(0.046025811701035, 14);
    expect(c.high).toBeCloseTo(0.203750738471623, 14);
  });
  it('is exactly 0 at the bottom for 0 of n and exactly 1 at the top for n of n', () => {
    expect(wilsonInterval(0, 20)).toEqual({ share: 0, low: 0, high: expect.closeTo(0.1611251580528193, 14) as number });
    expect(wilsonInterval(20, 20)).toEqual({ share: 1, low: expect.closeTo(0.83887484194718065, 14) as number, high: 1 });
  });
  it('gives NaNs (no share to estimate) when n = 0', () => {
    const w = wilsonInterval(0, 0);
    expect(Number.isNaN(w.share) && Number.isNaN(w.low) && Number.isNaN(w.high)).toBe(true);
  });
  it('rejects impossible inputs', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(/Confidence/);
  });
});

describe('normalQuantile (AS 241)', () => {
  it('matches R qnorm', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 15);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514715, 15);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035488999, 15);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.3613409024040557, 13);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('handles the ends', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
