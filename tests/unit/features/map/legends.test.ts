import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../../../../src/analysis/choropleth.ts';
import type { Indicator } from '../../../../src/db/queries/indicatorCatalogue.ts';
import { indicatorLegend } from '../../../../src/features/map/indicatorLegend.ts';
import { crimeRateLegend, crimeDotsLegend } from '../../../../src/features/crime/crimeMapLegend.ts';
import { siteMapLegend } from '../../../../src/features/streetReps/siteMapLegend.ts';
import { surveyMapLegend } from '../../../../src/features/survey/surveyMapLegend.ts';
import { anySample, themeEvidenceKinds, themeSources } from '../../../../src/map/legendSources.ts';
import { themeById } from '../../../../src/analysis/themes/definitions.ts';
import { NO_DATA_COLOUR } from '../../../../src/map/palette.ts';
import type { SiteLatest } from '../../../../src/db/queries/streetReps.ts';

const indicator: Indicator = {
  code: 'iod25_imd_score',
  label: 'Overall deprivation (IMD 2025 score)',
  theme: 'Deprivation',
  source: 'English Indices of Deprivation 2025, MHCLG',
  edition: 2025,
  unit: 'score',
  higher_is_worse: true,
  description: '',
  attribution: '',
  table_name: 'iod2025',
  value_column: 'x',
  rank_column: null,
  decile_column: null,
  aggregation: 'weighted_mean',
  weight_column: null,
  coverage: 'england',
};

describe('the indicator key as data', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ code: `E0100000${i}`, value: i === 11 ? null : i * 3, rank: null, decile: null, missing: 0 }));
  const model = buildChoropleth(indicator, rows, new Map(), 'quantiles', null, 'ward');

  it('has the model’s classes with their counts and colours, then no data, and the source as a source line', () => {
    const key = indicatorLegend(model, { place: 'E06000016', level: 'ward', officialWards: true });
    expect(key.title).toBe(indicator.label);
    expect(key.subtitle).toBe('Wards in Leicester · score');
    expect(key.classes.slice(0, -1).map((c) => c.count)).toEqual(model.classification.classes.map((c) => c.count));
    expect(key.classes.slice(0, -1).map((c) => c.colour)).toEqual(model.legendColours);
    expect(key.classes.at(-1)).toEqual({ label: 'No data', colour: NO_DATA_COLOUR, count: 1 });
    expect(key.classes.reduce((n, c) => n + (c.count ?? 0), 0)).toBe(12);
    expect(key.notes[0]).toMatch(/official ward boundaries/);
    expect(key.notes.join(' ')).toMatch(/Ward values are population-weighted averages/);
    expect(key.sources).toEqual(['Source: English Indices of Deprivation 2025, MHCLG.']);
    expect(key.sample).toBe(false);
  });

  it('shows the first paint’s ten national deciles before the database answers, without counts', () => {
    const key = indicatorLegend(null, { place: 'five', level: 'locality', officialWards: false });
    expect(key.classes).toHaveLength(10);
    expect(key.classes.every((c) => c.count === null)).toBe(true);
    expect(key.subtitle).toBe('Small areas (LSOAs) in all five areas');
    expect(key.notes).toEqual(['Small areas’ official IMD 2025 deciles, shown until the data engine has worked out the localities’ values.']);
  });
});

describe('section keys as data', () => {
  it('crime rates: five groups, grey for no police data; dots by type', () => {
    const key = crimeRateLegend(
      { colours: new Map(), legend: [{ colour: '#111111', from: 1, to: 2.25, areas: 4 }], noData: 2 },
      { period: 'Jan–Dec 2024', placeWords: 'Leicester', areaWords: 'Wards' },
    );
    expect(key.classes).toEqual([
      { label: '1.0 – 2.3', colour: '#111111', count: 4 },
      { label: 'No police data', colour: NO_DATA_COLOUR, count: 2 },
    ]);
    expect(key.sources.join(' ')).toMatch(/data\.police\.uk/);
    const dots = crimeDotsLegend('Dec 2024', [{ crimeType: 'Burglary', count: 5 }, { crimeType: 'Robbery', count: 1 }], ['Burglary', 'Robbery']);
    expect(dots.classes.map((c) => [c.label, c.count, c.shape])).toEqual([
      ['Burglary', 5, 'dot'],
      ['Robbery', 1, 'dot'],
    ]);
  });

  it('street-rep sites by latest worst grade, sample when the sample is drawn', () => {
    const site = (id: string, grade: number | null, lon: number | null = 1): SiteLatest =>
      ({ site_id: id, name: id, lon, lat: lon, lsoa_code: null, ward_code: null, ward_name: null, visits: 1, latest_visit: null, worst_grade: grade }) as unknown as SiteLatest;
    const key = siteMapLegend([site('a', 0), site('b', 3), site('c', 3, null), site('d', null)], { heading: '', scopeWords: 'all wards', sample: true });
    expect(key.classes.map((c) => c.count)).toEqual([1, 0, 0, 2, 1]);
    expect(key.classes[0]!.label).toBe('A: No problem at all');
    expect(key.notes).toEqual(['1 site has no location, so it is only in the sites table.']);
    expect(key.sample).toBe(true);
  });

  it('survey responses say how many are not drawn', () => {
    const key = surveyMapLegend({ drawn: 1400, matching: 1500, sample: true, placeWords: 'all five areas' });
    expect(key.classes[0]).toMatchObject({ count: 1400, shape: 'dot' });
    expect(key.notes).toEqual(['100 of 1,500 matching responses have no map position and are not drawn.']);
  });

  it('a theme cites each of its sources once and is sample only with synthetic residents’ data loaded', () => {
    const safety = themeById('safety');
    const sources = themeSources(safety);
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources.join(' ')).toMatch(/Indices of Deprivation 2025/);
    expect(sources.join(' ')).toMatch(/police\.uk/);
    const kinds = themeEvidenceKinds(safety);
    expect(kinds).toContain('survey');
    const sample = { id: 's', kind: 'survey' as const, fileName: 'f', rows: 1, loadedAt: '', synthetic: true };
    expect(anySample([sample], kinds)).toBe(true);
    expect(anySample([{ ...sample, synthetic: false }], kinds)).toBe(false);
    expect(anySample([sample], ['police'])).toBe(false);
  });
});
