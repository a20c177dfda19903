import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/database.ts';
import { insertDataset, loadedDatasets, removeDataset } from '../../../../src/db/evidence/schema.ts';
import { loadBuiltInCrimes } from '../../../../src/db/evidence/builtInCrimes.ts';
import { crimeMonths, crimeTypes, monthlyCrimeCounts, type MonthlyCrimeCount } from '../../../../src/db/queries/crimeCounts.ts';
import { crimePoints } from '../../../../src/db/queries/crimePoints.ts';
import { countRows, ipc, meta, openEvidenceDb, readData } from './helpers.ts';

const LACHE = 'E05012221';
const LACHE_044A = 'E01018351';
const CWAC = 'E06000050';
const WIGAN = 'E08000010';
const ABRAM = 'E05014989';
/** A Crime ID that is in the built-in police data (a Lache burglary, January 2024). */
const BUILT_IN_ID = '1c5ffab1766a4cd112e2104c02c831cc73e87a7b35d7fde02d0a3b9bf40985f0';

/** Four police records: one already built in, one new, one with no ID (as anti-social behaviour has), one in Wigan. */
const POLICE = {
  imported_crimes: ipc({
    dataset: ['x', 'x', 'x', 'x'],
    source_row: [2, 3, 4, 5],
    id: [BUILT_IN_ID, 'new-1', null, 'new-2'],
    month: ['2024-01', '2024-01', '2024-02', '2024-02'],
    lon: [-2.91, -2.91, -2.912, -2.6],
    lat: [53.17, 53.171, 53.172, 53.5],
    lsoa_code: [LACHE_044A, LACHE_044A, LACHE_044A, 'E01006212'],
    ward_code: [LACHE, LACHE, LACHE, ABRAM],
    lad_code: [CWAC, CWAC, CWAC, WIGAN],
    crime_type: ['Burglary', 'Burglary', 'Anti-social behaviour', 'Burglary'],
    source: ['test', 'test', 'test', 'test'],
  }),
};

let db: Database;
const row = (rows: MonthlyCrimeCount[], code: string, month: string) => rows.find((r) => r.code === code && r.month === month)!;

beforeAll(async () => {
  db = await openEvidenceDb();
  // Imported before the built-in police data arrives: the repeat cannot be seen yet…
  expect(await insertDataset(db, meta('ds-police', 'police', 4), POLICE)).toEqual({ inserted: { imported_crimes: 4 }, duplicateCrimes: 0 });
  // …and is removed when it does.
  expect(await loadBuiltInCrimes(db, readData)).toBe(1);
  expect(await loadBuiltInCrimes(db, readData)).toBe(0);
}, 120_000);

describe('imported police records', () => {
  it('sees built-in and imported records through all_crimes', async () => {
    const rows = await db.query<{ dataset: string; n: number }>('SELECT dataset, COUNT(*) AS n FROM all_crimes GROUP BY dataset ORDER BY dataset');
    expect(rows).toEqual([{ dataset: 'built-in', n: 171_106 }, { dataset: 'ds-police', n: 3 }]);
  });

  it('skips records whose Crime ID is already loaded, built in or imported earlier, and counts them', async () => {
    const again = await insertDataset(db, meta('ds-police-again', 'police', 4, '2025-02-01T00:00:00Z'), POLICE);
    // The built-in ID and new-1/new-2 from the first import are skipped; a record with no ID cannot be matched, so it stays.
    expect(again).toEqual({ inserted: { imported_crimes: 1 }, duplicateCrimes: 3 });
    await removeDataset(db, 'ds-police-again');
    expect(await countRows(db, 'imported_crimes', 'ds-police-again')).toBe(0);
    expect(await countRows(db, 'imported_crimes', 'ds-police')).toBe(3);
  });

  it('counts crimes per small area and month, with the rate per 1,000 residents', async () => {
    const rows = await monthlyCrimeCounts(db, { level: 'lsoa', codes: [LACHE_044A] });
    // Built in: 16 crimes in January 2024 and 8 in February; imported: new-1 (Jan) and the record with no ID (Feb).
    // Census 2021: 1,472 residents.
    expect(row(rows, LACHE_044A, '2024-01')).toEqual({ code: LACHE_044A, lad_code: CWAC, month: '2024-01', count: 17, population: 1472, rate_per_1000: (17 * 1000) / 1472 });
    expect(row(rows, LACHE_044A, '2024-02')).toMatchObject({ count: 9, rate_per_1000: (9 * 1000) / 1472 });
    expect(rows.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    const builtInOnly = await monthlyCrimeCounts(db, { level: 'lsoa', codes: [LACHE_044A], datasetIds: ['built-in'] });
    expect(row(builtInOnly, LACHE_044A, '2024-01').count).toBe(16);
    const burglary = await monthlyCrimeCounts(db, { level: 'lsoa', codes: [LACHE_044A], crimeTypes: ['Burglary'] });
    expect(row(burglary, LACHE_044A, '2024-01')).toMatchObject({ count: 3 + 1, rate_per_1000: 4000 / 1472 });
    const march = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM crimes WHERE lsoa_code = ? AND month = '2024-03' AND crime_type = 'Burglary'",
      [LACHE_044A],
    );
    expect(row(burglary, LACHE_044A, '2024-03').count).toBe(march[0]!.n);
  });

  it('counts a ward through its small areas, its population the sum of theirs', async () => {
    const rows = await monthlyCrimeCounts(db, { level: 'ward', ladCode: CWAC });
    // Lache's four small areas: 1,472 + 1,904 + 1,513 + 1,627 = 6,516 residents; built in 30 crimes in Jan 2024, 24 in Feb.
    expect(row(rows, LACHE, '2024-01')).toMatchObject({ count: 31, population: 6516, rate_per_1000: 31_000 / 6516 });
    expect(row(rows, LACHE, '2024-02')).toMatchObject({ count: 25, population: 6516 });
    const direct = await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM crimes WHERE lad_code = ? AND month = '2024-03'", [CWAC]);
    const march = rows.filter((r) => r.month === '2024-03');
    expect(march.reduce((s, r) => s + (r.count ?? 0), 0)).toBe(direct[0]!.n);
  });

  it('gives Wigan, with no published police data, null counts and rates, not zeros', async () => {
    const builtIn = { datasetIds: ['built-in'] };
    expect(await monthlyCrimeCounts(db, { level: 'ward', ladCode: WIGAN, ...builtIn })).toEqual([]);
    const five = await monthlyCrimeCounts(db, { level: 'ward', ...builtIn });
    expect(five).toHaveLength(131 * 41);
    const wigan = five.filter((r) => r.lad_code === WIGAN);
    expect(wigan.length).toBe(five.filter((r) => r.month === '2024-01' && r.lad_code === WIGAN).length * 41);
    expect(wigan.every((r) => r.count === null && r.rate_per_1000 === null && r.population !== null)).toBe(true);
    // Leicester has no data for 2024 either, but does for 2020.
    const leicester = five.filter((r) => r.lad_code === 'E06000016');
    expect(leicester.filter((r) => r.month === '2024-01').every((r) => r.count === null)).toBe(true);
    expect(leicester.filter((r) => r.month === '2020-01').every((r) => r.count !== null && r.rate_per_1000 !== null)).toBe(true);
    // An imported Wigan record makes that month of Wigan's data real: zeros elsewhere in Wigan are then true zeros.
    const imported = await monthlyCrimeCounts(db, { level: 'ward', ladCode: WIGAN });
    expect([...new Set(imported.map((r) => r.month))]).toEqual(['2024-02']);
    expect(row(imported, ABRAM, '2024-02')).toMatchObject({ count: 1, population: 15_820, rate_per_1000: 1000 / 15_820 });
    expect(imported.filter((r) => r.code !== ABRAM).every((r) => r.count === 0)).toBe(true);
  });

  it('gives null, not zero, for a crime type an authority never records', async () => {
    // Kingston's built-in file has no anti-social behaviour.
    const asb = await monthlyCrimeCounts(db, { level: 'lsoa', ladCode: 'E09000021', crimeTypes: ['Anti-social behaviour'] });
    expect(asb).toHaveLength(99 * 12);
    expect(asb.every((r) => r.count === null && r.rate_per_1000 === null)).toBe(true);
    const burglary = await monthlyCrimeCounts(db, { level: 'lsoa', ladCode: 'E09000021', crimeTypes: ['Burglary'] });
    const direct = await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM crimes WHERE lad_code = 'E09000021' AND crime_type = 'Burglary'");
    expect(burglary.reduce((s, r) => s + (r.count ?? 0), 0)).toBe(direct[0]!.n);
  });

  it('lists crime types and months, imported ones included', async () => {
    expect(await crimeTypes(db, WIGAN)).toEqual([{ crime_type: 'Burglary', crimes: 1 }]);
    expect((await crimeTypes(db)).find((t) => t.crime_type === 'Anti-social behaviour')!.crimes).toBe(17_723 + 1);
    expect(await crimeMonths(db, WIGAN)).toEqual(['2024-02']);
    expect(await crimeMonths(db, CWAC)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('returns map points as a columnar Arrow table', async () => {
    const wigan = await crimePoints(db, { ladCode: WIGAN });
    expect(wigan.schema.fields.map((f) => f.name)).toEqual(['lon', 'lat', 'crime_type']);
    expect(wigan.numRows).toBe(1);
    expect(Array.from(wigan.getChild('lon')!.toArray() as Float64Array)).toEqual([-2.6]);
    const burglaries = await crimePoints(db, { ladCode: CWAC, month: '2024-01', crimeTypes: ['Burglary'] });
    const direct = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM crimes WHERE lad_code = ? AND month = '2024-01' AND crime_type = 'Burglary'",
      [CWAC],
    );
    expect(burglaries.numRows).toBe(direct[0]!.n + 1);
    expect((await crimePoints(db)).numRows).toBe(171_106 + 3);
  });
});

describe('datasets', () => {
  it('refuses a file missing a column, and leaves nothing of it behind', async () => {
    const broken = ipc({ dataset: ['x'], source_row: [2], id: ['z'], month: ['2024-01'], lon: [0], lat: [0] });
    await expect(insertDataset(db, meta('ds-broken', 'police', 1), { imported_crimes: broken })).rejects.toThrow(
      'ds-broken.csv could not be stored for querying, so nothing from it has been loaded (the police records are missing the columns lsoa_code, ward_code, lad_code, crime_type, source).',
    );
    expect(await countRows(db, 'imported_crimes', 'ds-broken')).toBe(0);
    const staging = await db.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'evidence_staging_%'");
    expect(staging).toEqual([]);
  });

  it('refuses a grade outside A–D, removing the rest of that file', async () => {
    const tables = {
      street_rep_sites: ipc({ dataset: ['x'], site_id: ['S9'], name: ['Somewhere'], lon: [0], lat: [0], lsoa_code: [null], ward_code: [null] }),
      street_rep_grades: ipc({ dataset: ['x'], visit_id: ['v1'], issue: ['Litter'], heading: ['Green & clean'], grade: [4] }),
    };
    await expect(insertDataset(db, meta('ds-bad-grade', 'street-rep', 1), tables)).rejects.toThrow('could not be stored');
    expect(await countRows(db, 'street_rep_sites', 'ds-bad-grade')).toBe(0);
  });

  it('refuses to load the same dataset twice', async () => {
    await expect(insertDataset(db, meta('ds-police', 'police', 4), POLICE)).rejects.toThrow('ds-police.csv is already loaded.');
    expect(await countRows(db, 'imported_crimes', 'ds-police')).toBe(3);
  });

  it('lists loaded datasets, and removing one leaves nothing of it', async () => {
    expect(await loadedDatasets(db)).toEqual([meta('ds-police', 'police', 4)]);
    await removeDataset(db, 'ds-police');
    expect(await loadedDatasets(db)).toEqual([]);
    expect(await db.query('SELECT COUNT(*) AS n FROM imported_crimes')).toEqual([{ n: 0 }]);
    expect(await crimeMonths(db, WIGAN)).toEqual([]);
    const rows = await monthlyCrimeCounts(db, { level: 'lsoa', codes: [LACHE_044A] });
    expect(row(rows, LACHE_044A, '2024-01').count).toBe(16);
  });
});
