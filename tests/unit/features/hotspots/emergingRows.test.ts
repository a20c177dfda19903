import { describe, expect, it } from 'vitest';
import type { EmergingClass } from '../../../../src/stats/trend/emergingHotspots.ts';
import { summariseEmerging } from '../../../../src/features/hotspots/emergingRows.ts';
import { EMERGING_COLOURS } from '../../../../src/features/hotspots/emergingColours.ts';
import { NO_DATA_COLOUR } from '../../../../src/map/palette.ts';

describe('summariseEmerging', () => {
  const classes = new Map<string, EmergingClass>([
    ['A', 'no-pattern'],
    ['B', 'new-hot'],
    ['C', 'no-pattern'], // an island: the worker still gives it a class
    ['D', 'persistent-cold'],
    ['E', 'new-hot'],
  ]);
  const s = summariseEmerging(classes, ['C']);

  it('counts and names only tested areas, in the display order of the classes', () => {
    expect(s.rows).toEqual([
      { cls: 'new-hot', codes: ['B', 'E'] },
      { cls: 'persistent-cold', codes: ['D'] },
      { cls: 'no-pattern', codes: ['A'] },
    ]);
  });

  it('lists islands separately and paints them grey', () => {
    expect(s.islands).toEqual(['C']);
    expect(s.colours.get('C')).toBe(NO_DATA_COLOUR);
    expect(s.colours.get('B')).toBe(EMERGING_COLOURS['new-hot']);
    expect(s.colours.get('A')).toBe(EMERGING_COLOURS['no-pattern']);
    expect(s.colours.size).toBe(5);
  });
});
