import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  anyFilterSet,
  clearedFilters,
  chosenSurveys,
  countLine,
  dateProblem,
  filtersOnWho,
  longDate,
  placeAuthority,
  selectedWard,
  surveyFeatures,
  toSurveyFilters,
  withoutDemographics,
} from '../../../../src/features/survey/surveyModel.ts';
import type { DatasetMeta } from '../../../../src/ingest/schemas.ts';

const LACHE = 'E05012221';
const meta = (id: string, kind: DatasetMeta['kind'], synthetic = false): DatasetMeta => ({ id, kind, fileName: `${id}.csv`, rows: 1, loadedAt: '2025-01-01T00:00:00Z', synthetic });

describe('what the controls mean', () => {
  it('recognises a selected ward and a single authority', () => {
    expect(selectedWard(LACHE)).toBe(LACHE);
    expect(selectedWard('E01018351')).toBeNull();
    expect(selectedWard(null)).toBeNull();
    expect(placeAuthority('E06000050')).toBe('E06000050');
    expect(placeAuthority('E08000010')).toBe('E08000010');
    expect(placeAuthority('five')).toBeNull();
    expect(placeAuthority('england')).toBeNull();
  });

  it('picks survey datasets only, all or the chosen one', () => {
    const all = [meta('a', 'survey', true), meta('p', 'police'), meta('b', 'survey')];
    expect(chosenSurveys(all, { dataset: '' }).map((d) => d.id)).toEqual(['a', 'b']);
    expect(chosenSurveys(all, { dataset: 'b' }).map((d) => d.id)).toEqual(['b']);
  });

  it('builds query filters, leaving "all" out and the ward in only when asked and a ward is selected', () => {
    expect(toSurveyFilters(NO_FILTERS, { datasetIds: ['a'], area: LACHE })).toEqual({ datasetIds: ['a'] });
    const choice = { ...NO_FILTERS, venue: 'Café', from: '2024-03-01', to: '2024-04-30', ageBand: '16-24', sex: 'Female', ethnicity: 'Asian', onlyWard: true };
    expect(toSurveyFilters(choice, { datasetIds: ['a', 'b'], area: LACHE, lsoaCodes: ['E01018351'] })).toEqual({
      datasetIds: ['a', 'b'],
      venue: 'Café',
      from: '2024-03-01',
      to: '2024-04-30',
      ageBand: '16-24',
      sex: 'Female',
      ethnicity: 'Asian',
      wardCode: LACHE,
      lsoaCodes: ['E01018351'],
    });
    // A small area selected is not a ward: "only this ward" does nothing.
    expect(toSurveyFilters(choice, { datasetIds: [], area: 'E01018351' }).wardCode).toBeUndefined();
  });

  it('drops filters on who answered for the comparison with residents', () => {
    const f = { datasetIds: ['a'], venue: 'Café', ageBand: '16-24', sex: 'Male', ethnicity: 'White', wardCode: LACHE };
    expect(withoutDemographics(f)).toEqual({ datasetIds: ['a'], venue: 'Café', wardCode: LACHE });
    expect(f.ageBand).toBe('16-24');
    expect(filtersOnWho(f)).toBe(true);
    expect(filtersOnWho(withoutDemographics(f))).toBe(false);
  });

  it('says when the dates cannot match anything', () => {
    expect(dateProblem({ from: '2024-05-01', to: '2024-04-01' })).toMatch(/after the "to" date/);
    expect(dateProblem({ from: '2024-04-01', to: '2024-04-01' })).toBeNull();
    expect(dateProblem({ from: '', to: '2024-04-01' })).toBeNull();
  });
});

describe('what the panel shows', () => {
  it('makes map points with ids unique across files', () => {
    const fc = surveyFeatures([
      { dataset: 'x', id: 'r1', lon: -2.91, lat: 53.17, venue: null, collected_on: null, ward_code: null, first_choice: 'Housing issues' },
      { dataset: 'y', id: 'r1', lon: -2.9, lat: 53.18, venue: null, collected_on: null, ward_code: null, first_choice: null },
      { dataset: 'y', id: null, lon: -2.8, lat: 53.1, venue: null, collected_on: null, ward_code: null, first_choice: null },
    ]);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'x:r1', theme: 'Housing issues' },
      { id: 'y:r1', theme: '' },
      { id: 'y:#3', theme: '' },
    ]);
    expect(fc.features[0]!.geometry.coordinates).toEqual([-2.91, 53.17]);
  });

  it('writes the count line and dates in plain English', () => {
    expect(countLine({ responses: 1234, with_age_band: 87 })).toBe('1,234 responses (87 with an age band)');
    expect(countLine({ responses: 1, with_age_band: 0 })).toBe('1 response (0 with an age band)');
    expect(longDate('2025-03-03')).toBe('3 March 2025');
    expect(longDate('March')).toBe('March');
  });
});

describe('clearing the survey filters', () => {
  it('resets every filter but keeps the survey chosen and the grouping', () => {
    const set = { ...NO_FILTERS, dataset: 'b', groupBy: 'venue' as const, sex: 'Female', onlyWard: true };
    expect(anyFilterSet(set)).toBe(true);
    const cleared = { ...set, ...clearedFilters() };
    expect(cleared).toEqual({ ...NO_FILTERS, dataset: 'b', groupBy: 'venue' });
    expect(anyFilterSet(cleared)).toBe(false);
  });
});
