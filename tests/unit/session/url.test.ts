import { describe, expect, it } from 'vitest';
import { parseSession, serializeSession } from '../../../src/session/url.ts';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';

const roundTrip = (s: Session) => parseSession(serializeSession(s));

describe('the view document in the URL', () => {
  it('keeps the default link as short as it always was', () => {
    expect(serializeSession(DEFAULT_SESSION)).toBe('?place=five&level=lsoa&indicator=iod25_imd&method=deciles');
    expect(parseSession('')).toEqual(DEFAULT_SESSION);
  });

  it('round-trips every field of a busy view', () => {
    const s: Session = {
      ...DEFAULT_SESSION,
      place: 'E06000050',
      level: 'locality',
      indicator: 'iod25_crime',
      method: 'jenks',
      area: 'Labc123',
      tab: 'areas',
      profileFrom: 'target',
      returnLevel: 'ward',
      officialWards: true,
      hotspot: {
        measure: 'housing',
        statistic: 'local-moran',
        fdr: false,
        mode: 'emerging',
        weights: { housing: { iod25_housing: 2, census_overcrowding: 0 } },
        emerging: { source: 'street-reps', from: '2024-03', scope: 'Litter', fdr: true },
      },
      survey: { dataset: 'ds-1', venue: 'Café & Co', from: '2024-01-01', to: '2024-06-30', ageBand: '16-24', sex: 'Female', ethnicity: 'White', onlyWard: true, groupBy: 'venue' },
      crime: { lad: 'E06000016', type: 'Burglary', dots: true },
      streetReps: { heading: 'Litter', ward: 'E05012345', site: 'NOR-06' },
      localities: [
        { id: 'Labc123', name: 'Ellesmere Port ~ Neston', wards: ['E05012001', 'E05012002'], lsoas: ['E01018001'] },
        { id: 'Lzz', name: 'Chester', wards: ['E05012010'], lsoas: [] },
      ],
      compare: ['Labc123', 'Lzz', 'E05012010'],
      target: { theme: 'safety', level: 'locality' },
    };
    const back = roundTrip(s);
    // "~" separates a locality's parts in a link, so a name loses it (and only it).
    expect(back.localities[0]!.name).toBe('Ellesmere Port - Neston');
    expect({ ...back, localities: back.localities.slice(1) }).toEqual({ ...s, localities: s.localities.slice(1) });
  });

  it('opens links made before the document existed (v1)', () => {
    const v1 = '?place=E06000016&level=ward&indicator=iod25_crime&method=jenks&area=E05010459&tab=hotspots&hotspot=housing&statistic=local-moran&fdr=0';
    expect(parseSession(v1)).toEqual({
      ...DEFAULT_SESSION,
      place: 'E06000016',
      level: 'ward',
      indicator: 'iod25_crime',
      method: 'jenks',
      area: 'E05010459',
      tab: 'hotspots',
      hotspot: { ...DEFAULT_SESSION.hotspot, measure: 'housing', statistic: 'local-moran', fdr: false },
    });
    // The same view writes the same v1 keys back, so the old link stays the view's link.
    expect(serializeSession(parseSession(v1))).toBe(v1);
  });

  it('falls back key by key for anything malformed', () => {
    expect(parseSession('?place=<script>&level=county&method=x&area=DROP&indicator=a;b&tab=admin&w=housing:x=NaN&cmp=DROP TABLE')).toEqual(DEFAULT_SESSION);
    expect(parseSession('?place=E06000001').place).toBe('five');
  });

  it('drops a locality level, area or comparison the link does not define', () => {
    const s = parseSession('?place=five&level=locality&area=Lnope&cmp=Lnope.E05012010&tl=locality');
    expect(s.level).toBe('ward');
    expect(s.area).toBeNull();
    expect(s.compare).toEqual(['E05012010']);
    expect(s.target.level).toBe('ward');
  });

  it('carries a locality in a short link a fresh browser can open', () => {
    const s: Session = { ...DEFAULT_SESSION, localities: [{ id: 'L1', name: 'North', wards: ['E05012001', 'E05012002', 'E05012003', 'E05012004'], lsoas: [] }] };
    const link = serializeSession(s);
    expect(link.length).toBeLessThan(140);
    expect(parseSession(link).localities).toEqual(s.localities);
  });
});
