import { describe, expect, it } from 'vitest';
import { decimalCommaToPoint, parseDecimal } from '../../../../src/ingest/validate/numbers.ts';

describe('parseDecimal', () => {
  it('reads decimal points always', () => {
    expect(parseDecimal('-0.28604')).toBe(-0.28604);
    expect(parseDecimal(' 51.40412 ')).toBe(51.40412);
    expect(parseDecimal('530123')).toBe(530123);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('51.40412', { decimalComma: true })).toBe(51.40412);
    expect(parseDecimal('1.234', { decimalComma: true })).toBe(1.234); // no comma: a decimal point, never 1234
  });

  it('reads a decimal comma only when the file uses one', () => {
    expect(parseDecimal('51,40412', { decimalComma: true })).toBe(51.40412);
    expect(parseDecimal('-0,28604', { decimalComma: true })).toBe(-0.28604);
    expect(parseDecimal('1.234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseDecimal('530\u00a0123,25', { decimalComma: true })).toBe(530123.25);
    expect(parseDecimal('51,40412')).toBeNaN();
  });

  it('is NaN for blanks and text, where Number() would say 0 or read hex', () => {
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('   ')).toBeNaN();
    expect(parseDecimal('0x1A')).toBeNaN();
    expect(parseDecimal('Infinity')).toBeNaN();
    expect(parseDecimal('51,4,1', { decimalComma: true })).toBeNaN();
  });

  it('decimalCommaToPoint rewrites numbers only', () => {
    expect(decimalCommaToPoint('51,40412')).toBe('51.40412');
    expect(decimalCommaToPoint('Smith, Old Town')).toBe('Smith, Old Town');
    expect(decimalCommaToPoint('R1')).toBe('R1');
  });
});
