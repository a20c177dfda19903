import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';
import { fillOf, layerSpecOf, pointsOf, testedLevel } from '../../../src/session/layers.ts';

const at = (patch: Partial<Session>): Session => ({ ...DEFAULT_SESSION, ...patch });

describe('layer spec keys', () => {
  it('test hotspots, crime rates and crime trends on wards when localities are shown', () => {
    expect(testedLevel('locality')).toBe('ward');
    expect(testedLevel('lsoa')).toBe('lsoa');
    for (const tab of ['hotspots', 'crime'] as const) {
      const locality = at({ tab, level: 'locality' });
      const ward = at({ tab, level: 'ward' });
      expect(fillOf(locality).key).toBe(fillOf(ward).key);
      expect(layerSpecOf(locality).level).toBe('ward');
    }
    const emerging = (level: Session['level']) => at({ tab: 'hotspots', level, hotspot: { ...DEFAULT_SESSION.hotspot, mode: 'emerging' } });
    expect(fillOf(emerging('locality')).key).toBe(fillOf(emerging('ward')).key);
    expect(fillOf(emerging('locality')).key).not.toBe(fillOf(emerging('lsoa')).key);
  });

  it('name the place in the crime dots key: one authority in view is the one whose crimes are drawn', () => {
    const dots = (place: string) => pointsOf(at({ tab: 'crime', place, crime: { lad: '', type: '', dots: true } })).key;
    expect(dots('E08000016')).not.toBe(dots('E08000010'));
  });

  it('change the hotspot key with the weights of the theme tested, and only those', () => {
    const base = at({ tab: 'hotspots' });
    const weighted = at({ tab: 'hotspots', hotspot: { ...DEFAULT_SESSION.hotspot, weights: { safety: { a: 0.5 } } } });
    const other = at({ tab: 'hotspots', hotspot: { ...DEFAULT_SESSION.hotspot, weights: { housing: { a: 0.5 } } } });
    expect(fillOf(weighted).key).not.toBe(fillOf(base).key);
    expect(fillOf(other).key).toBe(fillOf(base).key);
  });
});

describe('layer spec stability', () => {
  it('keeps the same (empty) locality and comparison lists when only the measure changes, so the map does not redraw outlines', () => {
    const a = layerSpecOf(DEFAULT_SESSION);
    const b = layerSpecOf({ ...DEFAULT_SESSION, indicator: 'iod25_crime' });
    expect(b.localities).toBe(a.localities);
    expect(b.compared).toBe(a.compared);
    expect(b.fill.key).not.toBe(a.fill.key);
  });
});
