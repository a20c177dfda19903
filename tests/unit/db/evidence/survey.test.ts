import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/database.ts';
import { insertDataset, removeDataset } from '../../../../src/db/evidence/schema.ts';
import {
  surveyFilterOptions,
  surveyPoints,
  surveyTotals,
  themeCounts,
  themeCountsBy,
  type ThemeCount,
} from '../../../../src/db/queries/surveyPriorities.ts';
import {
  residentsOfCoveredAreas,
  respondentsByAgeBand,
  respondentsByEthnicity,
  responsesPerWard,
} from '../../../../src/db/queries/surveyRespondents.ts';
import { SURVEY_THEMES } from '../../../../src/ingest/schemas.ts';
import { countRows, ipc, meta, openEvidenceDb } from './helpers.ts';

const LACHE = 'E05012221';
const BLACON = 'E05012209';
const HOUSING = 'Housing issues';
const POLICING = 'Policing & safety';
const MAINTENANCE = 'Maintenance & condition of public/communal areas';
const YOUTH = 'Youth activities';

/*
 * Survey A: six responses. r1–r3 in Lache, r4–r5 in Blacon, r6 unplaced.
 *   r1 Housing 1, Policing 2, Youth 3          r4 Maintenance 1, Housing 4
 *   r2 Housing 1, Maintenance 2, Policing 3,   r5 Housing 1 and Housing 2 (named twice)
 *      Affordable exercise 4                   r6 Youth 1
 *   r3 Policing 1, Housing 2
 * Survey B: one response, also with id r1 (ids are per file), Youth 1, in Lache.
 */
const SURVEY_A = {
  survey_responses: ipc({
    dataset: ['x', 'x', 'x', 'x', 'x', 'x'],
    source_row: [2, 3, 4, 5, 6, 7],
    id: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'],
    collected_on: ['2024-03-01', '2024-03-02', '2024-03-05', '2024-04-10', '2024-04-11', '2024-04-12'],
    lon: [-2.91, -2.92, -2.91, -2.93, null, null],
    lat: [53.17, 53.17, 53.18, 53.2, null, null],
    lsoa_code: ['E01018351', 'E01018352', 'E01018351', 'E01018309', 'E01018310', null],
    ward_code: [LACHE, LACHE, LACHE, BLACON, BLACON, null],
    venue: ['Café', 'Café', "Children's centre", 'Online', 'Online', 'Online'],
    channel: ['paper', 'paper', 'paper', 'online', 'online', 'online'],
    age_band: ['16-24', '25-34', '25-34', '65-74', null, null],
    sex: ['Female', 'Male', 'Female', null, null, null],
    ethnicity: ['White', 'White', 'Asian', null, null, null],
    free_text: [null, 'More bins please', null, null, null, null],
  }),
  survey_choices: ipc({
    dataset: Array(14).fill('x'),
    response_id: ['r1', 'r1', 'r1', 'r2', 'r2', 'r2', 'r2', 'r3', 'r3', 'r4', 'r4', 'r5', 'r5', 'r6'],
    theme: [HOUSING, POLICING, YOUTH, HOUSING, MAINTENANCE, POLICING, 'Affordable exercise', POLICING, HOUSING, MAINTENANCE, HOUSING, HOUSING, HOUSING, YOUTH],
    rank: [1, 2, 3, 1, 2, 3, 4, 1, 2, 1, 4, 1, 2, 1],
  }),
};

const SURVEY_B = {
  survey_responses: ipc({
    dataset: ['y'],
    source_row: [2],
    id: ['r1'],
    // Sent as an Arrow date, to check dates are stored as 'YYYY-MM-DD' either way.
    collected_on: [new Date(Date.UTC(2024, 4, 1))],
    lon: [-2.9],
    lat: [53.17],
    lsoa_code: ['E01018353'],
    ward_code: [LACHE],
    venue: ['Fun day'],
    channel: ['paper'],
    age_band: ['75+'],
    sex: [null],
    ethnicity: [null],
    free_text: [null],
  }),
  survey_choices: ipc({ dataset: ['y'], response_id: ['r1'], theme: [YOUTH], rank: [1] }),
};

const A = ['ds-survey-a'];
let db: Database;

beforeAll(async () => {
  db = await openEvidenceDb();
  const a = await insertDataset(db, meta('ds-survey-a', 'survey', 6), SURVEY_A);
  expect(a).toEqual({ inserted: { survey_responses: 6, survey_choices: 14 }, duplicateCrimes: 0 });
  await insertDataset(db, meta('ds-survey-b', 'survey', 1, '2025-02-01T10:00:00Z'), SURVEY_B);
}, 60_000);

const byTheme = (rows: ThemeCount[]) => Object.fromEntries(rows.map((r) => [r.theme, [r.first_choice, r.top_three, r.responses]]));

describe('survey priorities', () => {
  it('counts first choices and top-three choices per theme, over the matching responses', async () => {
    const rows = await themeCounts(db, { datasetIds: A });
    expect(rows.map((r) => r.theme)).toEqual([...SURVEY_THEMES]);
    expect(byTheme(rows)).toMatchObject({
      [HOUSING]: [3, 4, 6],
      [POLICING]: [1, 3, 6],
      [MAINTENANCE]: [1, 2, 6],
      [YOUTH]: [1, 2, 6],
      'Affordable exercise': [0, 0, 6],
      'Parenting skills & support': [0, 0, 6],
    });
    // Both files: B's r1 is its own response (Youth), not A's r1.
    expect(byTheme(await themeCounts(db, {}))).toMatchObject({ [HOUSING]: [3, 4, 7], [YOUTH]: [2, 3, 7] });
  });

  it('applies every filter', async () => {
    const housing = async (f: Parameters<typeof themeCounts>[1]) => byTheme(await themeCounts(db, f))[HOUSING];
    expect(await housing({ datasetIds: A, venue: 'Café' })).toEqual([2, 2, 2]);
    expect(await housing({ datasetIds: A, ageBand: '25-34' })).toEqual([1, 2, 2]);
    expect(await housing({ datasetIds: A, sex: 'Female' })).toEqual([1, 2, 2]);
    expect(await housing({ datasetIds: A, ethnicity: 'Asian' })).toEqual([0, 1, 1]);
    expect(await housing({ datasetIds: A, wardCode: LACHE })).toEqual([2, 3, 3]);
    expect(await housing({ datasetIds: A, from: '2024-04-01' })).toEqual([1, 1, 3]);
    expect(await housing({ datasetIds: A, to: '2024-03-02' })).toEqual([2, 2, 2]);
    expect(await housing({ datasetIds: A, lsoaCodes: ['E01018351'] })).toEqual([1, 2, 2]);
    expect(await housing({ datasetIds: [] })).toEqual([0, 0, 0]);
  });

  it('counts per ward (named from areas) and per venue, each with its own denominator', async () => {
    const rows = await themeCountsBy(db, { datasetIds: A }, 'ward');
    expect(rows).toHaveLength(3 * SURVEY_THEMES.length);
    const cell = (ward: string | null, theme: string) => {
      const r = rows.find((x) => x.group_code === ward && x.theme === theme)!;
      return [r.group_name, r.first_choice, r.top_three, r.responses];
    };
    expect(cell(BLACON, HOUSING)).toEqual(['Blacon', 1, 1, 2]);
    expect(cell(BLACON, MAINTENANCE)).toEqual(['Blacon', 1, 1, 2]);
    expect(cell(LACHE, HOUSING)).toEqual(['Lache', 2, 3, 3]);
    expect(cell(LACHE, POLICING)).toEqual(['Lache', 1, 3, 3]);
    expect(cell(LACHE, YOUTH)).toEqual(['Lache', 0, 1, 3]);
    expect(cell(null, YOUTH)).toEqual([null, 1, 1, 1]);
    // Wards by name, unplaced responses last.
    expect([...new Set(rows.map((r) => r.group_name))]).toEqual(['Blacon', 'Lache', null]);

    const venues = await themeCountsBy(db, { datasetIds: A }, 'venue');
    const online = venues.filter((r) => r.group_code === 'Online');
    expect(online.find((r) => r.theme === HOUSING)).toMatchObject({ group_name: 'Online', first_choice: 1, top_three: 1, responses: 3 });
    expect(venues.find((r) => r.group_code === 'Café' && r.theme === POLICING)).toMatchObject({ first_choice: 0, top_three: 2, responses: 2 });
  });

  it('totals say how many responses carry demographics and a place', async () => {
    expect(await surveyTotals(db, { datasetIds: A })).toEqual({
      responses: 6,
      with_age_band: 4,
      with_sex: 3,
      with_ethnicity: 3,
      with_any_demographics: 4,
      with_all_demographics: 3,
      with_location: 5,
      without_place: 1,
      with_choices: 6,
      with_unranked_choices: 0,
      first_date: '2024-03-01',
      last_date: '2024-04-12',
      datasets: 1,
    });
    expect((await surveyTotals(db, {})).last_date).toBe('2024-05-01');
  });

  it('offers the filter values present, in their natural order', async () => {
    const options = await surveyFilterOptions(db);
    expect(options).toEqual({
      venues: ['Café', "Children's centre", 'Fun day', 'Online'],
      age_bands: ['16-24', '25-34', '65-74', '75+'],
      sexes: ['Female', 'Male'],
      ethnicities: ['Asian', 'White'],
      wards: [{ code: BLACON, name: 'Blacon' }, { code: LACHE, name: 'Lache' }],
      first_date: '2024-03-01',
      last_date: '2024-05-01',
    });
    expect((await surveyFilterOptions(db, ['ds-survey-b'])).venues).toEqual(['Fun day']);
  });

  it('gives located responses with their first choice for the map', async () => {
    const points = await surveyPoints(db, { datasetIds: A });
    expect(points.map((p) => [p.id, p.first_choice, p.lon])).toEqual([
      ['r1', HOUSING, -2.91],
      ['r2', HOUSING, -2.92],
      ['r3', POLICING, -2.91],
      ['r4', MAINTENANCE, -2.93],
    ]);
  });
});

describe('who answered versus who lives there', () => {
  it('counts respondents by age band and ethnic group', async () => {
    expect(await respondentsByAgeBand(db, { datasetIds: A })).toEqual([
      { group: '16-24', responses: 1 },
      { group: '25-34', responses: 2 },
      { group: '65-74', responses: 1 },
      { group: null, responses: 2 },
    ]);
    expect(await respondentsByEthnicity(db, { datasetIds: A, wardCode: LACHE })).toEqual([
      { group: 'Asian', responses: 1 },
      { group: 'White', responses: 2 },
    ]);
  });

  it('sums Census 2021 residents over the small areas the responses fall in', async () => {
    // E01018351 (1,472 residents), E01018352 (1,904), E01018309 (1,622), E01018310 (1,686).
    const covered = await residentsOfCoveredAreas(db, { datasetIds: A });
    expect(covered).toMatchObject({ basis: 'responses', lsoas: 4, lsoas_without_census: 0, population: 1472 + 1904 + 1622 + 1686 });
    // Aged 15–24 (age_15_19 + age_20_24) in those four: 173 + 175 + 160 + 206.
    expect(covered.age_15_19! + covered.age_20_24!).toBe(714);
    const ages = covered.age_00_04! + covered.age_05_09! + covered.age_10_14! + covered.age_15_19! + covered.age_20_24! +
      covered.age_25_29! + covered.age_30_34! + covered.age_35_39! + covered.age_40_44! + covered.age_45_49! +
      covered.age_50_54! + covered.age_55_59! + covered.age_60_64! + covered.age_65_69! + covered.age_70_74! +
      covered.age_75_79! + covered.age_80_84! + covered.age_85_plus!;
    expect(ages).toBe(covered.population);
    // Filtering on who answered does not change the areas compared with.
    expect((await residentsOfCoveredAreas(db, { datasetIds: A, ageBand: '25-34' })).population).toBe(6684);
    // A chosen ward: all four of Lache's small areas, whether or not anyone answered there.
    expect(await residentsOfCoveredAreas(db, { datasetIds: A, wardCode: LACHE })).toMatchObject({ basis: 'ward', lsoas: 4, population: 6516 });
    expect(await residentsOfCoveredAreas(db, { lsoaCodes: ['E01018351'] })).toMatchObject({ basis: 'lsoas', lsoas: 1, population: 1472 });
  });

  it('lists responses per ward beside its residents', async () => {
    expect(await responsesPerWard(db, { datasetIds: A })).toEqual([
      { ward_code: BLACON, ward_name: 'Blacon', lad_code: 'E06000050', responses: 2, population: 13591 },
      { ward_code: LACHE, ward_name: 'Lache', lad_code: 'E06000050', responses: 3, population: 6516 },
    ]);
    const all = await responsesPerWard(db, {}, 'E06000050');
    const wards = await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM areas WHERE level = 'ward' AND lad_code = 'E06000050'");
    expect(all).toHaveLength(wards[0]!.n);
    expect(all.find((w) => w.ward_code === LACHE)!.responses).toBe(4);
    expect(all.filter((w) => w.responses === 0)).toHaveLength(wards[0]!.n - 2);
  });
});

describe('removing a survey', () => {
  it('removes every row of that dataset and leaves the other intact', async () => {
    await removeDataset(db, 'ds-survey-a');
    expect(await countRows(db, 'survey_responses', 'ds-survey-a')).toBe(0);
    expect(await countRows(db, 'survey_choices', 'ds-survey-a')).toBe(0);
    expect(await db.query('SELECT id FROM datasets')).toEqual([{ id: 'ds-survey-b' }]);
    expect(byTheme(await themeCounts(db, {}))).toMatchObject({ [YOUTH]: [1, 1, 1], [HOUSING]: [0, 0, 1] });
    expect(await surveyPoints(db, {})).toMatchObject([{ dataset: 'ds-survey-b', id: 'r1', collected_on: '2024-05-01' }]);
  });
});

/*
 * Ticked boxes beside a ranking: survey U's two responses ticked themes with
 * no rank (u1 Housing, Policing; u2 Youth). With survey A (above) they add to
 * "in the top three" and never to "ranked first".
 */
describe('survey choices with no rank (ticked boxes)', () => {
  let udb: Database;
  beforeAll(async () => {
    udb = await openEvidenceDb();
    await insertDataset(udb, meta('x', 'survey', 6), SURVEY_A);
    await insertDataset(udb, meta('u', 'survey', 2), {
      survey_responses: ipc({
        dataset: ['u', 'u'], source_row: [2, 3], id: ['u1', 'u2'], collected_on: ['2024-03-01', '2024-03-02'], lon: [-2.91, null], lat: [53.17, null],
        lsoa_code: ['E01018351', null], ward_code: [LACHE, null], venue: [null, null], channel: [null, 'online'], age_band: [null, null], sex: [null, null], ethnicity: [null, null], free_text: [null, null],
      }),
      survey_choices: ipc({ dataset: ['u', 'u', 'u'], response_id: ['u1', 'u1', 'u2'], theme: [HOUSING, POLICING, YOUTH], rank: [null, null, null] }),
    });
  });

  it('count as chosen, never first; the ranked survey’s counts are unchanged', async () => {
    const of = (rows: ThemeCount[], theme: string) => rows.find((r) => r.theme === theme)!;
    const both = await themeCounts(udb, {});
    const ranked = await themeCounts(udb, { datasetIds: ['x'] });
    // Survey A alone: Housing first in r1, r2, r5 (3), top three r1, r2, r3, r5 (4); Policing first r3 (1), top three r1, r2, r3 (3); Youth first r6 (1), top three r1, r6 (2).
    expect([HOUSING, POLICING, YOUTH].map((t) => [of(ranked, t).first_choice, of(ranked, t).top_three])).toEqual([[3, 4], [1, 3], [1, 2]]);
    expect([HOUSING, POLICING, YOUTH].map((t) => [of(both, t).first_choice, of(both, t).top_three, of(both, t).responses])).toEqual([[3, 5, 8], [1, 4, 8], [1, 3, 8]]);
    expect((await surveyTotals(udb, {})).with_unranked_choices).toBe(2);
    expect((await surveyTotals(udb, { datasetIds: ['x'] })).with_unranked_choices).toBe(0);
    expect((await surveyPoints(udb, { datasetIds: ['u'] })).map((p) => [p.id, p.first_choice])).toEqual([['u1', null]]);
  });
});
