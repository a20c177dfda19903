import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { loadBackgroundTables } from '../../../src/db/builtInData.ts';
import { loadBuiltInCrimes } from '../../../src/db/evidence/builtInCrimes.ts';
import { insertDataset } from '../../../src/db/evidence/schema.ts';
import { syncLocalities } from '../../../src/db/queries/localities.ts';
import { domainProfile } from '../../../src/db/queries/areaProfile.ts';
import { compareColumns, compareMembers, domainCounts, englandDomainCounts, ENGLAND_CODE, surveyByArea, streetRepGradesByArea } from '../../../src/db/queries/compare.ts';
import { loadComparison } from '../../../src/features/compare/loadComparison.ts';
import { compareCsv, compareFileName, compareRows, comparisonSentences } from '../../../src/analysis/compareTable.ts';
import { ipc, meta, openEvidenceDb, readData } from './evidence/helpers.ts';

const CWAC = 'E06000050';
const BLACON = 'E05012209';
const LACHE = 'E05012221';
const LACHE_044A = 'E01018351';

let db: Database;

beforeAll(async () => {
  db = await openEvidenceDb();
  // openEvidenceDb has areas, census and crime_coverage; add the rest of the built-in tables and England.
  for (const t of ['catalogue', 'iod2025', 'iod2019', 'iod2015']) await db.insertArrowIPC(t, await readData(`data/tables/${t}.arrows`));
  await loadBackgroundTables(db, readData);
  await loadBuiltInCrimes(db, readData);
  await syncLocalities(db, [{ id: 'Lx1', name: 'West Chester', wards: [BLACON, LACHE], lsoas: [] }]);
  // Two survey responses in Lache (one naming housing first), three street-rep grades at one Lache site.
  await insertDataset(db, meta('s', 'survey', 2), {
    survey_responses: ipc({
      dataset: ['s', 's'], source_row: [2, 3], id: ['r1', 'r2'], collected_on: ['2025-04-20', '2025-04-21'],
      lon: [-2.91, -2.91], lat: [53.17, 53.17], lsoa_code: [LACHE_044A, LACHE_044A], ward_code: [LACHE, LACHE],
      venue: [null, null], channel: ['Online', 'Online'], age_band: [null, null], sex: [null, null], ethnicity: [null, null], free_text: [null, null],
    }),
    survey_choices: ipc({ dataset: ['s', 's', 's'], response_id: ['r1', 'r1', 'r2'], rank: [1, 2, 1], theme: ['Housing issues', 'Policing & safety', 'Policing & safety'] }),
  });
  await insertDataset(db, meta('m', 'street-rep', 2), {
    street_rep_sites: ipc({ dataset: ['m'], site_id: ['S1'], name: ['Bin store'], lon: [-2.91], lat: [53.17], lsoa_code: [LACHE_044A], ward_code: [LACHE] }),
    street_rep_visits: ipc({ dataset: ['m', 'm'], source_row: [2, 3], id: ['v1', 'v2'], site_id: ['S1', 'S1'], visited_on: ['2024-01-05', '2024-02-05'], visit_time: [null, null], rep: [null, null] }),
    street_rep_grades: ipc({ dataset: ['m', 'm', 'm', 'm'], visit_id: ['v1', 'v2', 'v2', 'v2'], issue: ['Litter', 'Litter', 'Noise', 'Graffiti'], heading: ['Green & clean', 'Green & clean', 'Peace & quiet', 'Green & clean'], grade: [3, 0, 2, 1] }),
  });
}, 300_000);

describe('compare queries on the built-in data', () => {
  it('gives the chosen wards, their authority and England as columns', async () => {
    const cols = await compareColumns(db, [BLACON, LACHE]);
    expect(cols.map((c) => [c.code, c.name, c.reference])).toEqual([
      [BLACON, 'Blacon', false],
      [LACHE, 'Lache', false],
      [CWAC, 'Cheshire West and Chester', true],
      [ENGLAND_CODE, 'England', true],
    ]);
    expect(cols[3]!.lsoas).toBe(33_755);
    // An authority added by hand is an extra reference column, not one of the areas compared.
    const withLad = await compareColumns(db, [BLACON, 'E09000021', LACHE]);
    expect(withLad.map((c) => [c.code, c.reference])).toEqual([
      [BLACON, false],
      ['E09000021', true],
      [LACHE, false],
      [CWAC, true],
      [ENGLAND_CODE, true],
    ]);
  });

  it("counts a ward's small areas in England's most deprived 10 % for income as an independent query does", async () => {
    const rows = await domainCounts(db, [BLACON, LACHE, 'Lx1', CWAC]);
    const direct = await db.query<{ ward_code: string; n: number; total: number }>(
      `SELECT a.ward_code, COUNT(*) FILTER (WHERE t.income_decile = 1) AS n, COUNT(*) AS total
         FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa' AND a.ward_code IN (?, ?) GROUP BY a.ward_code`,
      [BLACON, LACHE],
    );
    const of = (col: string, d: string) => rows.find((r) => r.column === col && r.domain === d)!;
    for (const w of direct) {
      expect(of(w.ward_code, 'income').in_10pct).toBe(w.n);
      expect(of(w.ward_code, 'income').lsoas).toBe(w.total);
    }
    // The locality of both wards holds exactly their small areas.
    expect(of('Lx1', 'income').in_10pct).toBe(direct.reduce((s, w) => s + w.n, 0));
    expect(of(BLACON, 'income').in_10pct).toBeGreaterThan(0);
    // 20 % includes 10 %.
    for (const r of rows) expect(r.in_20pct).toBeGreaterThanOrEqual(r.in_10pct);
    expect(of(CWAC, 'imd').lsoas).toBe(222);
  });

  it("weights a ward's score by residents", async () => {
    const [row] = await db.query<{ score: number }>(
      `SELECT SUM(t.crime * a.population) / SUM(a.population) AS score FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code
        WHERE a.level = 'lsoa' AND a.ward_code = ?`,
      [LACHE],
    );
    const rows = await domainCounts(db, [LACHE]);
    expect(rows.find((r) => r.domain === 'crime')!.score).toBeCloseTo(row!.score, 9);
  });

  it("counts England once: a tenth of England's small areas, roughly, are in each domain's most deprived 10 %", async () => {
    const england = await englandDomainCounts(db);
    expect(england).toHaveLength(8);
    for (const r of england) {
      expect(r.lsoas).toBe(33_755);
      expect(r.in_10pct).toBeGreaterThan(3_300);
      expect(r.in_10pct).toBeLessThan(3_450);
    }
    expect(await englandDomainCounts(db)).toBe(await englandDomainCounts(db));
  });

  it("reads residents' priorities and street-rep grades where there are any, and none elsewhere", async () => {
    const members = await compareMembers(db, [BLACON, LACHE]);
    const survey = await surveyByArea(db, members);
    expect(survey.find((s) => s.column === LACHE)).toEqual({
      column: LACHE,
      responses: 2,
      top: [{ theme: 'Policing & safety', top_three: 2 }, { theme: 'Housing issues', top_three: 1 }],
    });
    expect(survey.find((s) => s.column === BLACON)!.responses).toBe(0);
    const grades = await streetRepGradesByArea(db, members);
    // Latest visit only: Litter A, Noise C, Graffiti B (the older Litter D is not counted).
    expect(grades.find((g) => g.column === LACHE)).toMatchObject({ a: 1, b: 1, c: 1, d: 0, sites: 1 });
    expect(grades.find((g) => g.column === BLACON)).toMatchObject({ a: 0, b: 0, c: 0, d: 0, sites: 0 });
  });

  it("agrees with the area profile's own domain query for a ward", async () => {
    const profile = await domainProfile(db, LACHE, CWAC);
    const mine = await domainCounts(db, [LACHE]);
    for (const p of profile) {
      const m = mine.find((r) => r.domain === p.value_column)!;
      expect([m.lsoas, m.in_10pct, m.in_20pct]).toEqual([p.lsoas, p.in_10pct, p.in_20pct]);
      expect(m.score).toBeCloseTo(p.area_value!, 9);
    }
    expect(profile).toHaveLength(8);
  });
});

describe('the whole comparison', () => {
  it('builds a table and sentences with the real counts', async () => {
    const c = await loadComparison(db, { codes: [BLACON, LACHE], england: Promise.resolve(), sampleLabel: null });
    const rows = compareRows(c);
    const income10 = rows.find((r) => r.id === 'income-10')!;
    const direct = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa' AND a.ward_code = ? AND t.income_decile = 1",
      [BLACON],
    );
    expect(income10.cells[0]!.value).toBe(direct[0]!.n);
    const sentences = comparisonSentences(c);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.join(' ')).toMatch(/^(Blacon|Lache) has (\d+ small areas?|no small areas) in England's most deprived (10|20) % for /);
    const crime = rows.find((r) => r.id === 'crime-rate')!;
    expect(crime.cells[0]!.value).toBeGreaterThan(0);
    expect(crime.source).toMatch(/Cheshire West and Chester over the 4 months with data: Jan–Apr 2024/);
    for (const t of c.themes) expect(t.values.get(LACHE)).toEqual(expect.any(Number));
    expect(rows.find((r) => r.id === 'survey')!.cells[1]!.text).toBe('Policing & safety 100 %; Housing issues 50 % (n = 2 responses)');
    expect(rows.find((r) => r.id === 'survey')!.cells[0]!.text).toBe('no survey responses here');
    const csv = compareCsv(c);
    expect(csv.header).toEqual(['Group', 'Measure', `Blacon (${BLACON})`, `Lache (${LACHE})`, `Cheshire West and Chester (${CWAC})`, `England (${ENGLAND_CODE})`, 'Source']);
    // The profile's domain names (from the catalogue), not a second list of them.
    const csvIncome = csv.rows.find((r) => r[0] === 'Low income' && String(r[1]).includes('10 %'))!;
    // Counts go into the file as numbers, so a spreadsheet can add them up.
    expect(csvIncome[2]).toBe(direct[0]!.n);
    expect(csv.rows).toHaveLength(rows.length);
    expect([...new Set(rows.map((r) => r.group))]).toEqual(expect.arrayContaining(['Low income', 'People out of work', 'Education and skills', 'Poor health and disability', 'Poor living environment']));
    // Rounded for their kind: scores 3 decimal places, rates 1, counts whole.
    const csvRow = (id: string) => csv.rows[rows.findIndex((r) => r.id === id)]!;
    const decimals = (v: unknown) => (String(v).split('.')[1] ?? '').length;
    for (const v of csvRow('crime-score').slice(2, 6)) expect(decimals(v)).toBeLessThanOrEqual(3);
    expect(csvRow('crime-score')[2]).toBeCloseTo(c.domainCells.get(BLACON)!.get('crime')!.score!, 3);
    expect(decimals(csvRow('crime-rate')[2])).toBeLessThanOrEqual(1);
    expect(csvRow('population')[5]).toBe(Math.round(c.columns[3]!.population!));
    // England's cells say why there is no figure, in words.
    expect(rows.find((r) => r.id === 'crime-rate')!.cells[3]!.text).toMatch(/^— \(.+\)$/);
    expect(rows.find((r) => r.id.startsWith('theme-'))!.cells[3]!.text).toBe('— (theme scores are compared within Cheshire West and Chester)');
    // Big counts are compact on screen, in full in the title.
    expect(rows.find((r) => r.id === 'population')!.cells[3]).toMatchObject({ text: '56.5 million', title: expect.stringMatching(/^\d{2},\d{3},\d{3}$/) });
    expect(rows.find((r) => r.id === 'population')!.cells[2]!.text).toMatch(/^\d{3} thousand$/);
    expect(compareFileName(c)).toBe('compare-blacon-lache.csv');
  }, 120_000);

  it('names a locality in the CSV and the file name, never its internal id, and lists its wards in a note row', async () => {
    const c = await loadComparison(db, { codes: ['Lx1', LACHE], england: Promise.resolve(), sampleLabel: null });
    const csv = compareCsv(c);
    expect(csv.header.slice(2, 4)).toEqual(['West Chester', `Lache (${LACHE})`]);
    expect(JSON.stringify(csv)).not.toContain('Lx1');
    const note = csv.rows.at(-1)!;
    expect(note.slice(0, 2)).toEqual(['Note', 'West Chester is a locality made of']);
    expect(note[2]).toBe(`Blacon (${BLACON}); Lache (${LACHE})`);
    expect(compareFileName(c)).toBe('compare-west-chester-lache.csv');
  }, 120_000);

  it('compares crime rates in words only when the police data cover the same months', async () => {
    const NORBITON = 'E05013941';
    const c = await loadComparison(db, { codes: [LACHE, NORBITON], england: Promise.resolve(), sampleLabel: null });
    expect(c.columns.map((col) => col.code)).toEqual([LACHE, NORBITON, CWAC, 'E09000021', ENGLAND_CODE]);
    expect(c.crimeComparable).toBe(false);
    expect(c.crimeWords).toMatch(/Kingston upon Thames over the 12 latest months with data: Jan–Dec 2022.*The periods differ/);
    expect(comparisonSentences(c).some((s) => /crimes per 1,000/.test(s))).toBe(false);
    const same = await loadComparison(db, { codes: [BLACON, LACHE], england: Promise.resolve(), sampleLabel: null });
    const sentences = comparisonSentences(same);
    expect(sentences.at(-1)).toMatch(/^(Blacon|Lache) has [\d.]+ police-recorded crimes per 1,000 residents over the 4 months with data: Jan–Apr 2024; (Blacon|Lache) has [\d.]+\.$/);
  }, 120_000);
});
