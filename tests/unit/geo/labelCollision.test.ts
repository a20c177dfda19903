import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../src/geo/labelCollision.ts';

describe('label collision', () => {
  it('keeps the higher-priority label of an overlapping pair', () => {
    const kept = placeLabels([
      { id: 'a', x: 0, y: 0, width: 50, height: 16, priority: 1 },
      { id: 'b', x: 20, y: 5, width: 50, height: 16, priority: 2 },
      { id: 'c', x: 200, y: 0, width: 50, height: 16, priority: 0 },
    ]);
    expect([...kept].sort()).toEqual(['b', 'c']);
  });
});
