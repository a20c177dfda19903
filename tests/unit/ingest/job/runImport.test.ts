import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AreaLookup } from '../../../../src/ingest/areaLookup.ts';
import { previewImport, runImport, ImportError } from '../../../../src/ingest/importJob.ts';
import { openEvidenceDb } from '../../db/evidence/helpers.ts';
import { insertDataset } from '../../../../src/db/evidence/schema.ts';
import type { DatasetMeta } from '../../../../src/ingest/schemas.ts';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const geo = (name: string) => JSON.parse(readFileSync(resolve(root, 'data/geo', name), 'utf8'));
let lookup: AreaLookup;
beforeAll(() => {
  lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
});
const meta = (id: string, kind: DatasetMeta['kind']): DatasetMeta => ({ id, kind, fileName: `${id}.csv`, rows: 0, loadedAt: '2025-01-01T00:00:00Z', synthetic: false });

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const crime = (id: string, lon = -1.1334, lat = 52.6364) => `${id},2025-01,Force,Force,${lon},${lat},On or near,,,Burglary,,`;

describe('the import job (reader → mapping → placing → Arrow), as the worker runs it', () => {
  it('hands a police file over in batches, every row placed and none lost', async () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'b'].map((id) => crime(id));
    const file = new File([[HEADER, ...rows].join('\n')], 'police.csv');
    const preview = await previewImport(file);
    expect(preview.guess.kind).toBe('police');
    const out = await runImport(file, { kind: 'police', mapping: preview.guess.mapping }, meta('ds-p', 'police'), lookup, () => undefined, undefined, { chunkRows: 2, batchRows: 2 });
    expect(out.tables.imported_crimes!.map((b) => b.byteLength > 0)).toEqual([true, true, true]); // 2 + 2 + the last 1
    expect(out.report.rowsAccepted).toBe(5);
    expect(out.report.issues).toEqual([expect.objectContaining({ row: 7, action: 'rejected', reason: "Crime ID 'b' is already on row 3." })]);
    const db = await openEvidenceDb();
    expect(await insertDataset(db, out.meta, out.tables)).toEqual({ inserted: { imported_crimes: 5 }, duplicateCrimes: 0 });
    const placed = await db.query<{ ward_code: string; n: number }>('SELECT ward_code, COUNT(*) AS n FROM imported_crimes GROUP BY ward_code');
    expect(placed).toEqual([{ ward_code: 'E05010463', n: 5 }]); // Castle ward, Leicester (the Clock Tower)
  });

  it('refuses a file whose every row is bad, with the first reasons', async () => {
    const file = new File([[HEADER, crime('x', -1.5, 50.1), crime('y', -1.5, 50.1)].join('\n')], 'sea.csv');
    const preview = await previewImport(file);
    await expect(runImport(file, { kind: 'police', mapping: preview.guess.mapping }, meta('ds-s', 'police'), lookup, () => undefined)).rejects.toThrow(ImportError);
    await expect(runImport(file, { kind: 'police', mapping: preview.guess.mapping }, meta('ds-s', 'police'), lookup, () => undefined)).rejects.toThrow(
      /None of the 2 rows could be imported \(for example row 2: .*outside the five areas/,
    );
  });
});
