import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/database.ts';
import { insertDataset } from '../../../../src/db/evidence/schema.ts';
import { loadBuiltInCrimes } from '../../../../src/db/evidence/builtInCrimes.ts';
import { countEvidenceRows } from '../../../../src/db/evidence/tables.ts';
import { createNormaliser } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { columnsToArrowIPC } from '../../../../src/ingest/arrowOut.ts';
import { POLICE_UK_COLUMNS } from '../../../../src/ingest/schemas.ts';
import { countRows, meta, openEvidenceDb, readData } from './helpers.ts';

/** A Crime ID that is in the built-in police data (a Lache burglary, January 2024). */
const BUILT_IN_ID = '1c5ffab1766a4cd112e2104c02c831cc73e87a7b35d7fde02d0a3b9bf40985f0';

/** Police rows as the import worker packs them (normaliser → Arrow), for the no-staging path. */
function policeBytes(datasetId: string, ids: string[]): Uint8Array {
  const n = createNormaliser({
    datasetId,
    kind: 'police',
    header: [...POLICE_UK_COLUMNS],
    mapping: { crime_id: 'Crime ID', month: 'Month', lon: 'Longitude', lat: 'Latitude', crime_type: 'Crime type' },
    locate: () => ({ lsoa_code: 'E01018351', ward_code: 'E05012221', lad_code: 'E06000050' }),
    areaOfCode: () => null,
    fileName: 'police.csv',
  });
  n.push({
    header: [...POLICE_UK_COLUMNS],
    rows: ids.map((id) => [id, '2025-01', 'x', 'x', '-2.91', '53.17', 'On or near', '', '', 'Burglary', '', '']),
    firstRow: 2,
  });
  return columnsToArrowIPC(n.finish().tables.imported_crimes!);
}

let db: Database;
beforeAll(async () => {
  db = await openEvidenceDb();
  await loadBuiltInCrimes(db, readData);
});

describe('police records appended without a staging copy', () => {
  it('keeps new records, drops ones already loaded, and counts them', async () => {
    const first = await insertDataset(db, meta('ds-a', 'police', 3), { imported_crimes: policeBytes('ds-a', [BUILT_IN_ID, 'new-1', '']) });
    expect(first).toEqual({ inserted: { imported_crimes: 2 }, duplicateCrimes: 1 });
    const second = await insertDataset(db, meta('ds-b', 'police', 2), { imported_crimes: policeBytes('ds-b', ['new-1', 'new-2']) });
    expect(second).toEqual({ inserted: { imported_crimes: 1 }, duplicateCrimes: 1 });
    const rows = await db.query<{ dataset: string; id: string | null; month: string; lsoa_code: string; source: string }>(
      'SELECT dataset, id, month, lsoa_code, source FROM imported_crimes ORDER BY dataset, source_row',
    );
    expect(rows).toEqual([
      { dataset: 'ds-a', id: 'new-1', month: '2025-01', lsoa_code: 'E01018351', source: 'police.uk import: police.csv' },
      { dataset: 'ds-a', id: expect.stringMatching(/^noid:[0-9a-f]{16}#1$/), month: '2025-01', lsoa_code: 'E01018351', source: 'police.uk import: police.csv' },
      { dataset: 'ds-b', id: 'new-2', month: '2025-01', lsoa_code: 'E01018351', source: 'police.uk import: police.csv' },
    ]);
  });
});

describe('police imports running at the same time', () => {
  it('both keep their own records; an ID in both is kept once', async () => {
    const [c, d] = await Promise.all([
      insertDataset(db, meta('ds-c', 'police', 3), { imported_crimes: [policeBytes('ds-c', ['c-1', 'c-2']), policeBytes('ds-c', ['shared'])] }),
      insertDataset(db, meta('ds-d', 'police', 2), { imported_crimes: policeBytes('ds-d', ['d-1', 'shared']) }),
    ]);
    expect(c).toEqual({ inserted: { imported_crimes: 3 }, duplicateCrimes: 0 });
    expect(d).toEqual({ inserted: { imported_crimes: 1 }, duplicateCrimes: 1 });
    const shared = await db.query<{ dataset: string }>("SELECT dataset FROM imported_crimes WHERE id = 'shared'");
    expect(shared).toEqual([{ dataset: 'ds-c' }]);
  });

  it('refuses and rolls back an import whose records were not all written', async () => {
    let appends = 0;
    // A database that silently loses the second batch, as a failed append would.
    const lossy: Database = {
      ...db,
      query: (sql, params) => db.query(sql, params),
      queryTable: (sql, params) => db.queryTable(sql, params),
      exec: (sql) => db.exec(sql),
      insertArrowIPC: (name, bytes) => db.insertArrowIPC(name, bytes),
      appendArrowIPC: async (name, bytes) => {
        if (++appends !== 2) await db.appendArrowIPC(name, bytes);
      },
    };
    await expect(
      insertDataset(lossy, meta('ds-e', 'police', 3), { imported_crimes: [policeBytes('ds-e', ['e-1', 'e-2']), policeBytes('ds-e', ['e-3'])] }),
    ).rejects.toThrow('ds-e.csv could not be stored for querying, so nothing from it has been loaded (2 of 3 police records were written).');
    expect(await countRows(db, 'imported_crimes', 'ds-e')).toBe(0);
    expect(await countEvidenceRows(db, 'imported_crimes')).toBe(7); // ds-a 2, ds-b 1, ds-c 3, ds-d 1
  });
});

describe('counting an evidence table', () => {
  it('counts every dataset’s rows and refuses anything that is not an evidence table', async () => {
    expect(await countEvidenceRows(db, 'survey_responses')).toBe(0);
    for (const name of ['constructor', 'toString', '__proto__', 'datasets', 'crimes']) {
      await expect(countEvidenceRows(db, name)).rejects.toThrow(`Not an evidence table: ${name}`);
    }
  });
});
