import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION, type Session } from '../../../../src/session/document.ts';
import { describeView } from '../../../../src/features/slides/viewDescription.ts';

const names: Record<string, string> = { iod25_imd: 'Index of Multiple Deprivation 2025', iod25_crime: 'Crime (IoD 2025)' };
const name = (code: string) => names[code] ?? null;
const view = (change: Partial<Session>): Session => ({ ...DEFAULT_SESSION, ...change });

describe('describeView: a slide’s view in plain words', () => {
  it('the default map: section, measure, level and place', () => {
    expect(describeView(DEFAULT_SESSION, name)).toBe('Official statistics: Index of Multiple Deprivation 2025, small areas in all five areas');
  });

  it('another place and level, with a selected area', () => {
    expect(describeView(view({ place: 'E06000016', level: 'ward', area: 'E05010443' }), name)).toBe(
      'Official statistics: Index of Multiple Deprivation 2025, wards in Leicester; one area selected',
    );
  });

  it('hotspots name the theme, or the indicator, or the emerging source', () => {
    expect(describeView(view({ tab: 'hotspots' }), name)).toBe('Hotspots: hot spots of safety, small areas in all five areas');
    expect(describeView(view({ tab: 'hotspots', hotspot: { ...DEFAULT_SESSION.hotspot, measure: 'iod25_crime' } }), name)).toBe('Hotspots: hot spots of Crime (IoD 2025), small areas in all five areas');
    expect(describeView(view({ tab: 'hotspots', hotspot: { ...DEFAULT_SESSION.hotspot, mode: 'emerging' } }), name)).toContain('emerging hot spots of police-recorded crime');
  });

  it('where to target uses its own theme and level', () => {
    expect(describeView(view({ tab: 'target', level: 'lsoa', target: { theme: 'communal', level: 'ward' } }), name)).toBe('Where to target: need for communal areas, wards in all five areas');
  });

  it('an indicator the catalogue does not know (yet) is left out rather than shown as a code', () => {
    expect(describeView(view({ indicator: 'custom_x' }), name)).toBe('Official statistics: small areas in all five areas');
    expect(describeView(view({ tab: 'hotspots', hotspot: { ...DEFAULT_SESSION.hotspot, measure: 'custom_x' } }), name)).toBe('Hotspots: hot spots, small areas in all five areas');
  });

  it('sections without one measure say only where', () => {
    expect(describeView(view({ tab: 'survey', place: 'E09000021' }), name)).toBe('Residents’ survey: small areas in Kingston upon Thames');
  });
});
