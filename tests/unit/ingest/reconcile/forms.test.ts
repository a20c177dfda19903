import { describe, expect, it } from 'vitest';
import type { ImportChoices } from '../../../../src/ingest/importProtocol.ts';
import { guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import type { NormalisedDataset } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { previewFile } from '../../../../src/ingest/read/readFile.ts';
import type { NamedBlob } from '../../../../src/ingest/read/types.ts';
import { defaultsFromMemory } from '../../../../src/ingest/reconcile/memory.ts';
import { profileValues } from '../../../../src/ingest/reconcile/profileValues.ts';
import { parseVenueList } from '../../../../src/ingest/venueList.ts';
import { acceptAll, fixture, named, run } from './formsHarness.ts';
import { microsoftFormsXlsx } from '../../../fixtures/ingest/forms/microsoftForms.ts';

/**
 * Exports shaped like the four form tools a community group uses, with the
 * group's venue list (tests/fixtures/ingest/forms/). Each file's expected
 * counts were written down from the fixture before the code was run.
 */

async function venues(): Promise<[string, { lon: number; lat: number }][]> {
  const { chunk } = await previewFile(fixture('venues.csv'));
  const list = parseVenueList(chunk);
  expect(list.problems).toEqual([]);
  return list.venues;
}

/** What the import screen does up to the values step: preview, guessed columns, the venue list. */
async function prepare(file: NamedBlob): Promise<ImportChoices> {
  const { chunk, summary } = await previewFile(file, 200);
  const guess = guessMapping('survey', chunk.header, chunk.rows);
  return { kind: 'survey', mapping: guess.mapping, dateOrder: guess.dateOrder, venues: await venues(), headerRow: summary.headerRow };
}



const counts = (r: NormalisedDataset) => ({ read: r.rowsRead, kept: r.rowsAccepted, rejected: r.rowsRejected, duplicates: r.duplicates, placeless: r.placeless?.count });
const reasons = (r: NormalisedDataset) => r.issues.filter((i) => i.action === 'rejected').map((i) => [i.row, i.reason]);

describe('Google Forms export (checkbox answers joined with ", ", UK timestamps)', async () => {
  const file = fixture('google-forms.csv');
  const choices = await prepare(file);
  const profile = await profileValues(file, choices);

  it('guesses the columns from the form’s own questions', () => {
    expect(choices.mapping).toMatchObject({
      collected_on: 'Timestamp', venue: 'Where did you fill in this survey?', choices: 'Which of these matter most to you? (choose up to 3)',
      age_band: 'What is your age?', sex: 'What is your sex?', ethnicity: 'Which best describes your ethnic group?', free_text: 'Anything else you would like to tell us?',
    });
  });

  it('profiles the whole file: 14 rows, 33 groups, 4 without a place', () => {
    expect(profile.rowsRead).toBe(14);
    expect(profile.groups).toHaveLength(33);
    const fields = profile.groups.reduce<Record<string, number>>((acc, g) => ({ ...acc, [g.field]: (acc[g.field] ?? 0) + 1 }), {});
    expect(fields).toEqual({ venue: 7, theme: 12, age_band: 7, sex: 2, ethnicity: 5 });
    expect(profile.placeless).toEqual({ count: 4, channels: [{ raw: 'Online', count: 2, firstRow: 5 }, { raw: 'Phone', count: 1, firstRow: 11 }, { raw: 'No channel or place given', count: 1, firstRow: 13 }] });
    const stMarys = profile.groups.find((g) => g.proposed === "St Mary's Church Hall")!;
    expect(stMarys.members.map((m) => [m.raw, m.count, m.firstRow])).toEqual([["St Mary's Church Hall", 2, 2], ['st marys church hall', 2, 3], ['St. Mary’s Ch. Hall (Lache)', 1, 4]]);
  });

  it('with the confident proposals: 10 kept, 4 rejected (impossible date, duplicate, two venues not matched)', async () => {
    const result = await run(file, { ...choices, values: defaultsFromMemory(profile, null) });
    expect(counts(result)).toEqual({ read: 14, kept: 10, rejected: 4, duplicates: 1, placeless: 4 });
    expect(reasons(result).map(([row]) => row)).toEqual([7, 8, 14, 15]);
    expect(reasons(result)[1]).toEqual([8, 'This row is the same as row 3 in every cell, so it was counted once.']);
  });

  it('once every proposal is accepted and the unmatched venue mapped by hand, every valid row is kept (12 of 14)', async () => {
    const values = acceptAll(profile);
    values.venue!['Library Hub'] = 'Library';
    const result = await run(file, { ...choices, values });
    expect(counts(result)).toEqual({ read: 14, kept: 12, rejected: 2, duplicates: 1, placeless: 4 });
    expect(reasons(result)).toEqual([
      [7, "The date '31/02/2024 10:00:00' isn't a real date. Correct it in the file, or choose to keep such rows without a date."],
      [8, 'This row is the same as row 3 in every cell, so it was counted once.'],
    ]);
    const r = result.tables.survey_responses!;
    // Placeless rows are kept with no point, small area or ward.
    expect(r.source_row).toEqual(Int32Array.from([2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15]));
    expect(r.lsoa_code).toEqual(['E01000001', 'E01000001', 'E01000001', null, null, 'E01000002', 'E01000002', null, 'E01000002', null, 'E01000002', 'E01000002']);
    expect(Number.isNaN((r.lon as Float64Array)[3]!)).toBe(true);
    expect(r.venue).toEqual(["St Mary's Church Hall", "St Mary's Church Hall", "St Mary's Church Hall", null, null, 'Community Centre (Lache)', 'Community Centre (Lache)', null, 'Westcotes Café', null, 'Library', 'Westcotes Café']);
    expect(r.channel).toEqual([null, null, null, 'Online', 'Online', null, null, 'Phone', null, null, null, null]);
    expect(r.free_text![0]).toBe('The bins, the lights, and the\nnoise at night');
    expect(r.free_text![5]).toBe('Need more jobs, training and "proper" apprenticeships');
    // 'Street parking' stays at rank 2 as 'Other'; Google's joined checkbox answers keep their order.
    const c = result.tables.survey_choices!;
    const of = (id: string) => (c.response_id as string[]).flatMap((rid, i) => (rid === id ? [[c.theme![i], c.rank![i]]] : []));
    expect(of('row-4')).toEqual([['Policing & safety', 1], ['Other', 2]]);
    expect(of('row-3')).toEqual([['Diversity, inclusion & community spirit', 1], ['Housing issues', 2]]);
    expect(result.notes).toContain('4 responses have no place (Online 2, Phone 1, No channel or place given 1): they are counted in the priorities and in who answered, but not shown on the map.');
  });

  it('keeps the impossible date undated only when asked', async () => {
    const values = acceptAll(profile);
    values.venue!['Library Hub'] = 'Library';
    const result = await run(file, { ...choices, values, keepImpossibleDatesUndated: true });
    expect(counts(result)).toEqual({ read: 14, kept: 13, rejected: 1, duplicates: 1, placeless: 4 });
    expect(result.issues.find((i) => i.row === 7)).toMatchObject({ action: 'altered', column: 'Timestamp' });
  });

  it('leaves out rows the person chose not to import, saying so', async () => {
    const values = acceptAll(profile);
    values.venue!['Library Hub'] = null;
    const result = await run(file, { ...choices, values });
    expect(reasons(result).find(([row]) => row === 14)).toEqual([14, "You chose not to import rows whose venue is 'Library Hub'."]);
  });
});

describe('SurveyMonkey export (two header rows, month-first dates, a repeated respondent id)', async () => {
  const file = fixture('surveymonkey.csv');
  const choices = await prepare(file);
  const profile = await profileValues(file, choices);

  it('reads the first header row and skips the second', () => {
    expect(choices.headerRow ?? 1).toBe(1);
    expect(choices.mapping).toMatchObject({
      id: 'Respondent ID', collected_on: 'End Date', channel: 'How did you take part?', venue: 'Which venue?',
      choice_1: 'Your first priority', choice_2: 'Your second priority', choice_3: 'Your third priority', age_band: 'What is your age?', sex: 'What is your sex?', free_text: 'Any other comments?',
    });
    expect(choices.dateOrder).toBe('mdy');
  });

  it('profiles 9 answer rows into 24 groups, 3 of them without a place (a repeated id is not counted twice)', () => {
    expect(profile.rowsRead).toBe(9);
    expect(profile.groups).toHaveLength(24);
    expect(profile.placeless).toEqual({ count: 3, channels: [{ raw: 'Online', count: 1, firstRow: 4 }, { raw: 'Post', count: 1, firstRow: 6 }, { raw: 'Phone', count: 1, firstRow: 7 }] });
  });

  it('keeps 6, rejects 3 (repeated id, impossible date, duplicate row); ranks keep their positions', async () => {
    const result = await run(file, { ...choices, values: defaultsFromMemory(profile, null) });
    expect(counts(result)).toEqual({ read: 9, kept: 6, rejected: 3, duplicates: 2, placeless: 3 });
    expect(reasons(result)).toEqual([
      [8, "The id '11400000002' is already used on row 4, so this response was counted once."],
      [9, "The date '02/31/2024 10:06:00 AM' isn't a real date. Correct it in the file, or choose to keep such rows without a date."],
      [10, 'This row is the same as row 3 in every cell, so it was counted once.'],
    ]);
    const c = result.tables.survey_choices!;
    const of = (id: string) => (c.response_id as string[]).flatMap((rid, i) => (rid === id ? [[c.theme![i], c.rank![i]]] : []));
    expect(of('11400000002')).toEqual([['Affordable exercise', 1], ['Housing issues', 3]]);
    expect(of('11400000004')).toEqual([['Youth activities', 2]]);
    expect(of('11400000003')).toEqual([['Other', 1], ['Housing issues', 2]]);
    expect(result.tables.survey_responses!.channel).toEqual(['In person', 'Online', 'Paper', 'Post', 'Phone', 'In person']);
    expect(result.notes).toContain("The row under the column names is the form tool's second header row ('Response', 'Open-Ended Response'…), not an answer, so it was skipped.");
    expect(result.notes.some((n) => n.startsWith('Some responses left an earlier choice blank'))).toBe(true);
  });
});

describe('SmartSurvey export (ISO dates, curly apostrophes, long comments)', async () => {
  const file = fixture('smartsurvey.csv');
  const choices = await prepare(file);
  const profile = await profileValues(file, choices);

  it('profiles 6 rows into 21 groups', () => {
    expect(choices.mapping).toMatchObject({ id: 'Response ID', collected_on: 'Ended', venue: 'Which venue did you attend?', choice_1: 'Priority 1', age_band: 'Age group', sex: 'Gender', ethnicity: 'Ethnicity', free_text: 'Comments' });
    expect(profile.rowsRead).toBe(6);
    expect(profile.groups).toHaveLength(21);
    expect(profile.groups.find((g) => g.members.some((m) => m.raw === "Saint Mary's Church Hall"))!.members.map((m) => m.raw)).toEqual(['St Mary’s Church Hall', "Saint Mary's Church Hall"]);
  });

  it('keeps 4, rejects 2 (month 13, duplicate row), and keeps a long comment verbatim', async () => {
    const result = await run(file, { ...choices, values: defaultsFromMemory(profile, null) });
    expect(counts(result)).toEqual({ read: 6, kept: 4, rejected: 2, duplicates: 1, placeless: 1 });
    expect(reasons(result).map(([row]) => row)).toEqual([4, 7]);
    const text = (result.tables.survey_responses!.free_text as (string | null)[])[3]!;
    expect(text.startsWith('We need: (1) better lighting, (2) fewer "boy racers", and\n(3) somewhere for kids; x, x, ')).toBe(true);
    expect(text.endsWith('x, end.')).toBe(true);
    expect(text.length).toBe(1286);
  });
});

describe('Microsoft Forms workbook (Start time / Completion time, answers ending in ";")', async () => {
  const file = named(microsoftFormsXlsx(), 'Community survey(1-7).xlsx');
  const choices = await prepare(file);
  const profile = await profileValues(file, choices);

  it('profiles 7 rows into 14 groups, 1 without a place', () => {
    expect(choices.mapping).toMatchObject({ id: 'ID', collected_on: 'Completion time', venue: 'Where did you complete this survey?', choices: 'Which of these matter most to you? (choose up to 3)', age_band: 'What is your age?', postcode: 'Postcode' });
    expect(profile.rowsRead).toBe(7);
    // Venues: St Mary's, Community Centre (Lache), Online, Library; 5 themes; 5 age bands.
    expect(profile.groups).toHaveLength(14);
    expect(profile.placeless.count).toBe(1);
  });

  it('keeps 6, rejects the repeated id', async () => {
    const result = await run(file, { ...choices, values: defaultsFromMemory(profile, null) });
    expect(counts(result)).toEqual({ read: 7, kept: 6, rejected: 1, duplicates: 1, placeless: 1 });
    expect(reasons(result)).toEqual([[6, "The id '2' is already used on row 3, so this response was counted once."]]);
    expect(result.tables.survey_responses!.collected_on).toEqual(['2024-03-05', '2024-03-05', '2024-03-06', '2024-03-06', '2024-03-07', '2024-03-07']);
  });
});
