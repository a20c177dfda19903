import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/database.ts';
import { insertDataset, removeDataset } from '../../../../src/db/evidence/schema.ts';
import { gettingWorse, gradeMixByWard, siteHistory, sitesForForm, sitesWithLatestGrades } from '../../../../src/db/queries/streetReps.ts';
import { countRows, ipc, meta, openEvidenceDb } from './helpers.ts';

const LACHE = 'E05012221';
const BLACON = 'E05012209';
const PEACE = 'Peace & quiet';
const GREEN = 'Green & clean';
const SAFE = 'Safe & secure';

/*
 * Three sites. Grades 0–3 = A–D, oldest visit first:
 *   S1 Estate bin store (Lache), visits v1 Jan, v2 Feb, v3 Mar, v4 Apr
 *      Litter A B B C · Noise A C B C · Street lighting – B – D (graded on v2 and v4 only)
 *   S2 Underpass (Lache), visits v5 Feb, v6 Mar, v7 Apr
 *      Fly-tipping B B B · Graffiti A B D · Litter A A A
 *   S3 Park entrance (Blacon), visit v8 Mar: Litter B
 */
const grades: [visit: string, issue: string, heading: string, grade: number][] = [
  ['v1', 'Litter', GREEN, 0], ['v2', 'Litter', GREEN, 1], ['v3', 'Litter', GREEN, 1], ['v4', 'Litter', GREEN, 2],
  ['v1', 'Noise', PEACE, 0], ['v2', 'Noise', PEACE, 2], ['v3', 'Noise', PEACE, 1], ['v4', 'Noise', PEACE, 2],
  ['v2', 'Street lighting', SAFE, 1], ['v4', 'Street lighting', SAFE, 3],
  ['v5', 'Fly-tipping', GREEN, 1], ['v6', 'Fly-tipping', GREEN, 1], ['v7', 'Fly-tipping', GREEN, 1],
  ['v5', 'Graffiti', GREEN, 0], ['v6', 'Graffiti', GREEN, 1], ['v7', 'Graffiti', GREEN, 3],
  ['v5', 'Litter', GREEN, 0], ['v6', 'Litter', GREEN, 0], ['v7', 'Litter', GREEN, 0],
  ['v8', 'Litter', GREEN, 1],
];

const ROUNDS = {
  street_rep_sites: ipc({
    dataset: ['x', 'x', 'x'],
    site_id: ['S1', 'S2', 'S3'],
    name: ['Estate bin store', 'Underpass', 'Park entrance'],
    lon: [-2.91, -2.92, -2.95],
    lat: [53.17, 53.18, 53.2],
    lsoa_code: ['E01018351', 'E01018352', 'E01018309'],
    ward_code: [LACHE, LACHE, BLACON],
  }),
  street_rep_visits: ipc({
    dataset: Array(8).fill('x'),
    source_row: [2, 12, 22, 32, 42, 52, 62, 72],
    id: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'],
    site_id: ['S1', 'S1', 'S1', 'S1', 'S2', 'S2', 'S2', 'S3'],
    visited_on: ['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10', '2024-02-01', '2024-03-01', '2024-04-01', '2024-03-15'],
    visit_time: ['10:00', '10:00', '10:00', '10:00', '14:30', '14:30', '14:30', null],
    rep: ['Pat', 'Pat', 'Pat', 'Sam', 'Jo', 'Jo', 'Jo', null],
  }),
  street_rep_grades: ipc({
    dataset: grades.map(() => 'x'),
    visit_id: grades.map((g) => g[0]),
    issue: grades.map((g) => g[1]),
    heading: grades.map((g) => g[2]),
    grade: grades.map((g) => g[3]),
  }),
};

/** A later file: one more round at S1, with the site renamed. */
const MAY = {
  street_rep_sites: ipc({
    dataset: ['x'], site_id: ['S1'], name: ['Estate bin store (Block C)'], lon: [-2.911], lat: [53.171],
    lsoa_code: ['E01018351'], ward_code: [LACHE],
  }),
  street_rep_visits: ipc({
    dataset: ['x'], source_row: [2], id: ['v1'], site_id: ['S1'], visited_on: ['2024-05-10'], visit_time: ['09:00'], rep: ['Pat'],
  }),
  street_rep_grades: ipc({ dataset: ['x'], visit_id: ['v1'], issue: ['Litter'], heading: [GREEN], grade: [3] }),
};

const FIRST = ['ds-streets'];
let db: Database;

beforeAll(async () => {
  db = await openEvidenceDb();
  const result = await insertDataset(db, meta('ds-streets', 'street-rep', 80), ROUNDS);
  expect(result.inserted).toEqual({ street_rep_sites: 3, street_rep_visits: 8, street_rep_grades: grades.length });
}, 60_000);

describe('street-rep sites', () => {
  it('gives each site its latest visit and the worst grade given then, overall and per heading', async () => {
    const sites = await sitesWithLatestGrades(db, { datasetIds: FIRST });
    expect(sites.map((s) => [s.site_id, s.ward_name, s.visits, s.latest_visit, s.worst_grade, s.worst_by_heading])).toEqual([
      ['S3', 'Blacon', 1, '2024-03-15', 1, { [GREEN]: 1 }],
      ['S1', 'Lache', 4, '2024-04-10', 3, { [GREEN]: 2, [PEACE]: 2, [SAFE]: 3 }],
      ['S2', 'Lache', 3, '2024-04-01', 3, { [GREEN]: 3 }],
    ]);
    const quiet = await sitesWithLatestGrades(db, { datasetIds: FIRST, heading: PEACE });
    expect(quiet.map((s) => [s.site_id, s.worst_grade])).toEqual([['S3', null], ['S1', 2], ['S2', null]]);
  });

  it('takes "latest" as of the end of a date range, and filters by ward', async () => {
    const march = await sitesWithLatestGrades(db, { datasetIds: FIRST, to: '2024-03-31' });
    expect(march.map((s) => [s.site_id, s.visits, s.latest_visit, s.worst_grade])).toEqual([
      ['S3', 1, '2024-03-15', 1],
      ['S1', 3, '2024-03-10', 1],
      ['S2', 2, '2024-03-01', 1],
    ]);
    const april = await sitesWithLatestGrades(db, { datasetIds: FIRST, from: '2024-04-01', wardCode: BLACON });
    expect(april).toMatchObject([{ site_id: 'S3', visits: 0, latest_visit: null, worst_grade: null, worst_by_heading: {} }]);
  });

  it('lists a site history, oldest first', async () => {
    const history = await siteHistory(db, 'S1', FIRST);
    expect(history).toHaveLength(10);
    expect(history.filter((h) => h.issue === 'Noise').map((h) => [h.visited_on, h.grade])).toEqual([
      ['2024-01-10', 0], ['2024-02-10', 2], ['2024-03-10', 1], ['2024-04-10', 2],
    ]);
    expect(history[history.length - 1]).toMatchObject({ visit_id: 'v4', rep: 'Sam', visited_on: '2024-04-10' });
  });

  it('counts A/B/C/D per ward and issue on each site’s latest visit', async () => {
    const mix = await gradeMixByWard(db, { datasetIds: FIRST });
    const cell = (ward: string, issue: string) => {
      const r = mix.find((m) => m.ward_code === ward && m.issue === issue)!;
      return [r.a, r.b, r.c, r.d, r.sites];
    };
    expect(mix).toHaveLength(6);
    expect(cell(LACHE, 'Litter')).toEqual([1, 0, 1, 0, 2]);
    expect(cell(LACHE, 'Graffiti')).toEqual([0, 0, 0, 1, 1]);
    expect(cell(LACHE, 'Street lighting')).toEqual([0, 0, 0, 1, 1]);
    expect(cell(BLACON, 'Litter')).toEqual([0, 1, 0, 0, 1]);
    const green = await gradeMixByWard(db, { datasetIds: FIRST }, GREEN);
    expect(green.map((m) => [m.ward_name, m.issue])).toEqual([
      ['Blacon', 'Litter'], ['Lache', 'Fly-tipping'], ['Lache', 'Graffiti'], ['Lache', 'Litter'],
    ]);
  });

  it('finds issues getting worse: never falling over the last visits, with a net rise', async () => {
    const worse = await gettingWorse(db, { datasetIds: FIRST });
    expect(worse.map((w) => [w.site_id, w.issue, w.from_grade, w.to_grade, w.from_date, w.to_date, w.grades])).toEqual([
      ['S2', 'Graffiti', 0, 3, '2024-02-01', '2024-04-01', [0, 1, 3]],
      ['S1', 'Litter', 1, 2, '2024-02-10', '2024-04-10', [1, 1, 2]],
    ]);
    // Two visits: Noise B→C and Street lighting B→D (graded on only two visits) now count too.
    const two = await gettingWorse(db, { datasetIds: FIRST }, { visits: 2 });
    expect(two.map((w) => [w.site_id, w.issue, w.from_grade, w.to_grade])).toEqual([
      ['S1', 'Street lighting', 1, 3],
      ['S2', 'Graffiti', 1, 3],
      ['S1', 'Litter', 1, 2],
      ['S1', 'Noise', 1, 2],
    ]);
    const four = await gettingWorse(db, { datasetIds: FIRST }, { visits: 4 });
    expect(four.map((w) => [w.site_id, w.issue, w.grades])).toEqual([['S1', 'Litter', [0, 1, 1, 2]]]);
    expect(await gettingWorse(db, { datasetIds: FIRST, wardCode: BLACON })).toEqual([]);
    await expect(gettingWorse(db, {}, { visits: 1 })).rejects.toThrow('at least 2 visits');
  });

  it('lists a ward’s sites for the blank form', async () => {
    expect(await sitesForForm(db, LACHE)).toEqual([
      { site_id: 'S1', name: 'Estate bin store', lon: -2.91, lat: 53.17, lsoa_code: 'E01018351' },
      { site_id: 'S2', name: 'Underpass', lon: -2.92, lat: 53.18, lsoa_code: 'E01018352' },
    ]);
  });
});

describe('rounds imported as separate files', () => {
  it('joins a later file’s visits to the same site history, named from the newer file', async () => {
    await insertDataset(db, meta('ds-streets-may', 'street-rep', 1, '2025-03-01T10:00:00Z'), MAY);
    const sites = await sitesWithLatestGrades(db, {});
    expect(sites.find((s) => s.site_id === 'S1')).toMatchObject({
      name: 'Estate bin store (Block C)', visits: 5, latest_visit: '2024-05-10', worst_grade: 3,
    });
    const worse = await gettingWorse(db, {});
    expect(worse.find((w) => w.issue === 'Litter')).toMatchObject({ site_id: 'S1', from_grade: 1, to_grade: 3, grades: [1, 2, 3] });
  });

  it('removing one file leaves the other intact', async () => {
    await removeDataset(db, 'ds-streets-may');
    for (const t of ['street_rep_sites', 'street_rep_visits', 'street_rep_grades']) expect(await countRows(db, t, 'ds-streets-may')).toBe(0);
    const sites = await sitesWithLatestGrades(db, {});
    expect(sites.find((s) => s.site_id === 'S1')).toMatchObject({ name: 'Estate bin store', visits: 4, latest_visit: '2024-04-10' });
    await removeDataset(db, 'ds-streets');
    expect(await sitesWithLatestGrades(db, {})).toEqual([]);
    expect(await db.query('SELECT * FROM datasets')).toEqual([]);
  });
});

describe('getting worse: risen and stayed up', () => {
  /*
   * One site, ten monthly visits (Jan–Oct 2024). Grades 0–3 = A–D:
   *   Fly-tipping B B B B B B C D D D → last 3 D D D never rise (not "rising"), but all ≥ usual B + 1: listed, usual 1
   *   Litter      B B B B B B B C B C → last 3 C B C fall and B is not above usual B: not listed
   *   Graffiti    A A A A A A A A B C → rising A… (last 3 A B C): listed as rising
   *   Noise       A A D D D            → only 2 earlier visits (fewer than the window): not judged above usual; D D D flat: not listed
   */
  const fly = [1, 1, 1, 1, 1, 1, 2, 3, 3, 3];
  const litter = [1, 1, 1, 1, 1, 1, 1, 2, 1, 2];
  const graffiti = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2];
  const noise = [null, null, null, null, null, 0, 0, 3, 3, 3];
  const visits = fly.map((_, i) => `w${i + 1}`);
  const rows = visits.flatMap((v, i) =>
    (
      [
        ['Fly-tipping', GREEN, fly[i]],
        ['Litter', GREEN, litter[i]],
        ['Graffiti', GREEN, graffiti[i]],
        ['Noise', PEACE, noise[i]],
      ] as [string, string, number | null][]
    ).flatMap(([issue, heading, grade]) => (grade === null ? [] : [{ v, issue, heading, grade }])),
  );
  const TABLES = {
    street_rep_sites: ipc({ dataset: ['y'], site_id: ['T1'], name: ['Garage block'], lon: [-2.91], lat: [53.17], lsoa_code: ['E01018351'], ward_code: [LACHE] }),
    street_rep_visits: ipc({
      dataset: visits.map(() => 'y'),
      source_row: visits.map((_, i) => i + 2),
      id: visits,
      site_id: visits.map(() => 'T1'),
      visited_on: visits.map((_, i) => `2024-${String(i + 1).padStart(2, '0')}-05`),
      visit_time: visits.map(() => null),
      rep: visits.map(() => null),
    }),
    street_rep_grades: ipc({
      dataset: rows.map(() => 'y'),
      visit_id: rows.map((r) => r.v),
      issue: rows.map((r) => r.issue),
      heading: rows.map((r) => r.heading),
      grade: rows.map((r) => r.grade),
    }),
  };

  it('lists an issue that rose and stayed up, with its usual grade, beside one still rising', async () => {
    const own = await openEvidenceDb();
    await insertDataset(own, meta('ds-garages', 'street-rep', visits.length), TABLES);
    const worse = await gettingWorse(own, {});
    expect(worse.map((w) => [w.issue, w.rule, w.usual_grade, w.grades])).toEqual([
      ['Fly-tipping', 'above-usual', 1, [3, 3, 3]],
      ['Graffiti', 'rising', 0, [0, 1, 2]],
    ]);
  });
});
