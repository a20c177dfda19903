import { describe, expect, it } from 'vitest';
import { tableFromIPC, tableToIPC, Type } from 'apache-arrow';
import { toTable } from '../../../scripts/data/arrow-write.ts';
import { pct } from '../../../scripts/data/census.ts';
import { KINGSTON_TYPE_MAP } from '../../../scripts/data/crime.ts';
import { decileForScore, decileThresholds, round, weightedMean } from '../../../scripts/data/util.ts';

describe('weighting and deciles', () => {
  it('population-weighted mean ignores nulls and zero weights', () => {
    expect(weightedMean([10, 20, null], [1, 3, 5])).toBe(17.5);
    expect(weightedMean([10, 20], [0, 0])).toBeNull();
  });
  it('decile thresholds: decile 1 = highest scores', () => {
    const scores = [50, 40, 30, 20, 10, 9, 8, 7, 6, 5, 4, 3];
    const deciles = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10];
    const t = decileThresholds(scores, deciles);
    expect(t).toEqual([40, 30, 20, 10, 9, 8, 7, 6, 5]);
    expect(decileForScore(45, t)).toBe(1);
    expect(decileForScore(40, t)).toBe(1);
    expect(decileForScore(35, t)).toBe(2);
    expect(decileForScore(5.5, t)).toBe(9);
    expect(decileForScore(1, t)).toBe(10);
  });
  it('rounds deliberately and without negative zero', () => {
    expect(round(1.23456789, 6)).toBe(1.234568);
    expect(Object.is(round(-0.0000001, 6), 0)).toBe(true);
    expect(pct(1, 3)).toBe(33.33);
    expect(pct(1, 0)).toBeNull();
  });
  it('maps every Kingston recoded crime type to a police.uk name', () => {
    expect(Object.keys(KINGSTON_TYPE_MAP)).toHaveLength(13);
    expect(new Set(Object.values(KINGSTON_TYPE_MAP)).size).toBe(13);
  });
});

describe('arrow writer', () => {
  it('writes explicit types with real nulls and plain Utf8 strings', () => {
    const t = toTable({
      name: 't',
      columns: [
        { name: 's', type: 'utf8', values: ['a', null, 'a'] },
        { name: 'i', type: 'int32', values: [1, null, 3] },
        { name: 'f', type: 'float64', values: [0.1, 2, null] },
        { name: 'b', type: 'bool', values: [true, null, false] },
      ],
      nullable: [],
    });
    const back = tableFromIPC(tableToIPC(t, 'stream'));
    expect(back.schema.fields.map((f) => f.type.typeId)).toEqual([Type.Utf8, Type.Int, Type.Float, Type.Bool]);
    expect(back.getChild('s')?.toArray()).toEqual(['a', null, 'a']);
    expect(back.getChild('i')?.get(1)).toBeNull();
    expect(back.getChild('f')?.get(2)).toBeNull();
    expect(back.getChild('b')?.get(0)).toBe(true);
  });
});
