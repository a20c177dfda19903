import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AreaLookup } from '../../../../src/ingest/areaLookup.ts';
import { previewImport, runImport } from '../../../../src/ingest/importJob.ts';
import { insertDataset } from '../../../../src/db/evidence/schema.ts';
import { loadBuiltInCrimes } from '../../../../src/db/evidence/builtInCrimes.ts';
import type { DatasetMeta } from '../../../../src/ingest/schemas.ts';
import { ROOT, countRows, openEvidenceDb, readData } from './helpers.ts';

const read = (p: string) => readFileSync(resolve(ROOT, p));
const meta = (id: string): DatasetMeta => ({ id, kind: 'police', fileName: `${id}.csv`, rows: 0, loadedAt: '2026-12-02T10:00:00Z', synthetic: false });

async function leicesterJune(id: string) {
  const geo = (n: string) => JSON.parse(read(`data/geo/${n}`).toString('utf8'));
  const lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
  lookup.useLsoa11Changes(JSON.parse(read('data/lsoa11-five.json').toString('utf8')));
  const file = new File([read('tests/fixtures/ingest/police/2020-06-leicestershire-street.csv')], '2020-06-leicestershire-street.csv');
  return runImport(file, { kind: 'police', mapping: (await previewImport(file)).guess.mapping }, meta(id), lookup, () => undefined);
}

/** The Purcell Road anti-social behaviour report of June 2020: in the fixture (row 3) and in the built-in Leicester data. */
const PURCELL_ROAD = "month = '2020-06' AND crime_type = 'Anti-social behaviour' AND ROUND(lon * 1e6) = -1123861 AND ROUND(lat * 1e6) = 52647514 AND id IS NULL";

describe('anti-social behaviour rows the built-in police data already holds', () => {
  // Written before running: the fixture keeps 4 rows (2 Crime IDs not in the built-in data, 1 more
  // Crime ID, and the Purcell Road ASB row). The built-in data has that ASB row at least once, so
  // importing the month adds 3 and counts 1 as already loaded — whichever arrives first.
  it('are not added again when the built-in data is already loaded', async () => {
    const db = await openEvidenceDb();
    await loadBuiltInCrimes(db, readData);
    const builtIn = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM crimes WHERE ${PURCELL_ROAD}`);
    expect(Number(builtIn[0]!.n)).toBe(1);
    const out = await leicesterJune('ds-june');
    expect(out.report.rowsAccepted).toBe(4);
    expect(await insertDataset(db, out.meta, out.tables)).toEqual({ inserted: { imported_crimes: 3 }, duplicateCrimes: 1 });
  });

  it('are removed when the built-in data arrives after the import', async () => {
    const db = await openEvidenceDb();
    const out = await leicesterJune('ds-early');
    expect(await insertDataset(db, out.meta, out.tables)).toEqual({ inserted: { imported_crimes: 4 }, duplicateCrimes: 0 });
    expect(await loadBuiltInCrimes(db, readData)).toBe(1);
    expect(await countRows(db, 'imported_crimes', 'ds-early')).toBe(3);
  });
});
