import { describe, expect, it } from 'vitest';
import { bridge11to21 } from '../../../scripts/data/bridge.ts';

describe('bridge11to21 (IoD 2019/2015 → LSOA 2021)', () => {
  const pop = new Map([
    ['A', 1500],
    ['B', 1200],
    ['C', 1900],
    ['D', 1000],
    ['E', 1000],
    ['F', 800],
  ]);
  const rows = [
    { lsoa11: 'A', lsoa21: 'A', change: 'U' },
    { lsoa11: 'B', lsoa21: 'B1', change: 'S' },
    { lsoa11: 'B', lsoa21: 'B2', change: 'S' },
    { lsoa11: 'C', lsoa21: 'M1', change: 'M' },
    { lsoa11: 'D', lsoa21: 'M1', change: 'M' },
    { lsoa11: 'E', lsoa21: 'X1', change: 'X' },
    { lsoa11: 'D', lsoa21: 'X1', change: 'X' },
    { lsoa11: 'F', lsoa21: 'X2', change: 'X' },
  ];
  const b = bridge11to21(rows, pop);

  it('keeps unchanged LSOAs', () => expect(b.get('A')).toEqual({ parent: 'A', kind: 'U' }));
  it('gives every child of a split its parent', () => {
    expect(b.get('B1')).toEqual({ parent: 'B', kind: 'S' });
    expect(b.get('B2')).toEqual({ parent: 'B', kind: 'S' });
  });
  it('takes the most populous parent for a merge, never an average', () => expect(b.get('M1')).toEqual({ parent: 'C', kind: 'M' }));
  it('breaks population ties by the lower code', () => expect(b.get('X1')).toEqual({ parent: 'D', kind: 'X' }));
  it('handles a complex change with one parent', () => expect(b.get('X2')).toEqual({ parent: 'F', kind: 'X' }));
  it('fails when a merge parent has no population', () => {
    expect(() => bridge11to21([{ lsoa11: 'Q', lsoa21: 'Z', change: 'M' }, { lsoa11: 'A', lsoa21: 'Z', change: 'M' }], pop)).toThrow(/population/);
  });
  it('rejects unknown change codes', () => {
    expect(() => bridge11to21([{ lsoa11: 'A', lsoa21: 'A', change: 'Q' }], pop)).toThrow(/change code/);
  });
});
