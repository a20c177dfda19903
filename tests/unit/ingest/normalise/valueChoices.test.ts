import { describe, expect, it } from 'vitest';
import { KEEP_WITHOUT_PLACE, OTHER_THEME, type ValueChoices } from '../../../../src/ingest/importProtocol.ts';
import { createNormaliser, type NormalisedDataset } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { STUB_AREAS } from './stubAreas.ts';

const VENUES = new Map([["St Mary's Church Hall", { lon: -1.15, lat: 52.65 }]]);

function survey(rows: string[][], values?: ValueChoices, extra: { mapping?: Record<string, string>; header?: string[] } = {}): NormalisedDataset {
  const header = extra.header ?? ['ID', 'Venue', 'How', 'Q1', 'Q2', 'Q3', 'Age'];
  const mapping = extra.mapping ?? { id: 'ID', venue: 'Venue', channel: 'How', choice_1: 'Q1', choice_2: 'Q2', choice_3: 'Q3', age_band: 'Age' };
  const n = createNormaliser({ datasetId: 'ds', kind: 'survey', mapping, header, venues: VENUES, values, ...STUB_AREAS });
  n.push({ header, rows, firstRow: 2 });
  return n.finish();
}
const rejected = (r: NormalisedDataset) => r.issues.filter((i) => i.action === 'rejected').map((i) => [i.row, i.reason]);

describe('placeless survey responses', () => {
  // Rows 2–6: placed by venue; online by channel; 'By phone' written as the venue; no place at all; an unlisted venue.
  const rows = [
    ['1', "St Mary's Church Hall", 'In person', 'Housing issues', '', '', '25-34'],
    ['2', '', 'web', 'Youth activities', '', '', ''],
    ['3', 'By phone', '', 'Affordable exercise', '', '', ''],
    ['4', '', '', 'Housing issues', '', '', ''],
    ['5', 'Library pop-up', '', 'Housing issues', '', '', ''],
  ];

  it('keeps them with no point, area or ward, counts them by channel, and still reports an unlisted venue', () => {
    const result = survey(rows);
    expect(result).toMatchObject({ rowsRead: 5, rowsAccepted: 4, rowsRejected: 1 });
    expect(result.placeless).toEqual({ count: 3, channels: [{ raw: 'Online', count: 1, firstRow: 3 }, { raw: 'Phone', count: 1, firstRow: 4 }, { raw: 'No channel or place given', count: 1, firstRow: 5 }] });
    const r = result.tables.survey_responses!;
    expect(r.lsoa_code).toEqual(['E01000001', null, null, null]);
    expect(r.ward_code).toEqual(['E05000001', null, null, null]);
    expect(Array.from(r.lat as Float64Array).map(Number.isNaN)).toEqual([false, true, true, true]);
    expect(r.venue).toEqual(["St Mary's Church Hall", null, null, null]);
    expect(r.channel).toEqual(['In person', 'Online', 'Phone', null]);
    expect(rejected(result)).toEqual([[6, "The venue 'Library pop-up' isn't in the venue list; match it to a venue in the values step, add it to the list with its latitude and longitude, or choose to keep these rows without a place."]]);
    expect(result.notes).toContain("Channel 'web' read as 'Online' (1 row, first on row 3).");
  });

  it('keeps an unlisted venue without a place, or places it at the list venue chosen, or leaves it out, as the person chose', () => {
    const kept = survey(rows, { venue: { 'Library pop-up': KEEP_WITHOUT_PLACE } });
    expect(kept.tables.survey_responses!.venue).toEqual(["St Mary's Church Hall", null, null, null, 'Library pop-up']);
    expect(kept.placeless!.channels.map((c) => [c.raw, c.count])).toEqual([['Online', 1], ['Phone', 1], ['No channel or place given', 1], ['Venue kept without a place', 1]]);
    const placed = survey(rows, { venue: { 'Library pop-up': "St Mary's Church Hall" } });
    expect(placed.tables.survey_responses!.lsoa_code).toEqual(['E01000001', null, null, null, 'E01000001']);
    expect(placed.notes).toContain("Venue 'Library pop-up' read as 'St Mary's Church Hall' (as you chose) (1 row, first on row 6).");
    expect(rejected(survey(rows, { venue: { 'Library pop-up': null } }))).toEqual([[6, "You chose not to import rows whose venue is 'Library pop-up'."]]);
    expect(rejected(survey(rows, { channel: { web: null } }))).toEqual([[3, "You chose not to import rows whose channel is 'web'."], [6, expect.any(String)]]);
  });
});

describe('value choices for themes and demographics, and ranks', () => {
  const rows = [
    ['1', "St Mary's Church Hall", '', 'Street parking', 'Housing', 'Bins', '18-24'],
    ['2', "St Mary's Church Hall", '', '', 'Youth activities', '', 'sixty'],
    ['3', "St Mary's Church Hall", '', 'Housing issues', '', 'Youth activities', '65+'],
  ];

  it('keeps an unknown theme as Other at its own rank, and never moves a later choice up', () => {
    const result = survey(rows);
    const c = result.tables.survey_choices!;
    expect(c.response_id).toEqual(['1', '1', '2', '3', '3']);
    expect(c.theme).toEqual([OTHER_THEME, 'Housing issues', 'Youth activities', 'Housing issues', 'Youth activities']);
    expect(c.rank).toEqual(Int32Array.from([1, 2, 2, 1, 3]));
    expect(result.issues.filter((i) => i.row === 2).map((i) => i.reason)).toEqual([
      "Choice 1: 'Street parking' isn't one of the eleven survey themes. It was kept as 'Other' at rank 1.",
      "Choice 3: 'Bins' isn't one of the eleven survey themes; 'Other' is already chosen at rank 1, so it is counted once, there.",
    ]);
    expect(result.notes).toContain("Some responses left an earlier choice blank: each choice keeps the rank it was given (a later choice never moves up), so those responses have no rank 1 (or no rank 2…).");
  });

  it('maps values through the person’s choices before the rules run', () => {
    const result = survey(rows, { theme: { 'Street parking': 'Maintenance & condition of public/communal areas', Bins: OTHER_THEME }, age_band: { sixty: '55-64', '65+': '65-74' } });
    const c = result.tables.survey_choices!;
    expect(c.theme!.slice(0, 3)).toEqual(['Maintenance & condition of public/communal areas', 'Housing issues', OTHER_THEME]);
    expect(c.rank!.slice(0, 3)).toEqual(Int32Array.from([1, 2, 3]));
    expect(result.tables.survey_responses!.age_band).toEqual(['16-24', '55-64', '65-74']);
    // Not one of the themes: still reported on its row, with what the person chose for it.
    expect(result.issues.filter((i) => i.row === 2).map((i) => i.reason)).toEqual([
      "Choice 1: 'Street parking' isn't one of the eleven survey themes. It was read as 'Maintenance & condition of public/communal areas' at rank 1 (as you chose).",
      "Choice 3: 'Bins' isn't one of the eleven survey themes. It was kept as 'Other' at rank 3 (as you chose).",
    ]);
  });

  it('leaves out rows whose theme or age band the person chose not to import', () => {
    expect(rejected(survey(rows, { theme: { Bins: null } }))).toEqual([[2, "You chose not to import rows whose theme is 'Bins'."]]);
    expect(rejected(survey(rows, { age_band: { '65+': null } }))).toEqual([[4, "You chose not to import rows whose age band is '65+'."]]);
  });
});

describe('duplicates and form-tool header rows', () => {
  const header = ['Venue', 'Q1', 'Comment'];
  const mapping = { venue: 'Venue', choice_1: 'Q1', free_text: 'Comment' };

  it('skips SurveyMonkey’s second header row and counts an exact repeat once, saying rows may be two people', () => {
    const rows = [
      ['Response', 'Response', 'Open-Ended Response'],
      ["St Mary's Church Hall", 'Housing issues', 'Lights, "bins",\nand parking'],
      ["St Mary's Church Hall ", 'Housing issues', 'Lights, "bins",\nand parking', ''],
      ["St Mary's Church Hall", 'Youth activities', ''],
    ];
    const result = survey(rows, undefined, { header, mapping });
    expect(result).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, duplicates: 1 });
    expect(rejected(result)).toEqual([[4, 'This row is the same as row 3 in every cell, so it was counted once (if two people really gave the same answers, add an id or date column to tell them apart).']]);
    expect(result.tables.survey_responses!.free_text).toEqual(['Lights, "bins",\nand parking', null]);
  });
});
