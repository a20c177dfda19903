import { describe, expect, it } from 'vitest';
import { areaLabels, nameWithWard, wardNames } from '../../../../src/features/hotspots/areaLabels.ts';

const rows = [
  { code: 'E01018351', name: 'Cheshire West and Chester 001A', ward_name: 'Lache', lad_name: 'Cheshire West and Chester', population: 1500 },
  { code: 'E05012221', name: 'Lache', ward_name: null, lad_name: 'Cheshire West and Chester', population: 7000 },
];

describe('area labels name the ward of a small area', () => {
  it('adds the ward in brackets to a small area, and leaves a ward as it is', () => {
    expect(nameWithWard('Wigan 001A', 'Abram')).toBe('Wigan 001A (Abram)');
    expect(nameWithWard('Abram', null)).toBe('Abram');
    expect(nameWithWard('Abram', 'Abram')).toBe('Abram');
    expect(areaLabels(rows).get('E01018351')).toBe('Cheshire West and Chester 001A (Lache)');
    expect(areaLabels(rows).get('E05012221')).toBe('Lache');
    expect(wardNames(rows).get('E01018351')).toBe('Lache');
    expect(wardNames(rows).get('E05012221')).toBeNull();
  });
});
