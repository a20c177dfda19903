import { describe, expect, it } from 'vitest';
import { columnsToArrowIPC } from '../../../../src/ingest/arrowOut.ts';
import { createNormaliser } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { openNodeDatabase } from '../../../../src/db/nodeDatabase.ts';
import { createEvidenceTables, insertDataset } from '../../../../src/db/evidence/schema.ts';
import { STUB_AREAS } from './stubAreas.ts';

describe('placeless survey responses in the database', () => {
  it('arrive through Arrow and the evidence insert with NULL point, small area and ward, and still count', async () => {
    const header = ['ID', 'Lat', 'Lon', 'How', 'Q1'];
    const rows = [
      ['1', '52.65', '-1.15', '', 'Housing issues'],
      ['2', '', '', 'Online', 'Youth activities'],
      ['3', '', '', 'by phone', 'Housing issues'],
    ];
    const n = createNormaliser({ datasetId: 'ds-p', kind: 'survey', mapping: { id: 'ID', lat: 'Lat', lon: 'Lon', channel: 'How', choice_1: 'Q1' }, header, ...STUB_AREAS });
    n.push({ header, rows, firstRow: 2 });
    const result = n.finish();
    expect(result.placeless?.count).toBe(2);
    const db = await openNodeDatabase();
    await createEvidenceTables(db);
    const meta = { id: 'ds-p', kind: 'survey' as const, fileName: 'survey.csv', rows: result.rowsAccepted, loadedAt: '2025-01-01T00:00:00Z', synthetic: false };
    await insertDataset(db, meta, { survey_responses: columnsToArrowIPC(result.tables.survey_responses!), survey_choices: columnsToArrowIPC(result.tables.survey_choices!) });
    const counts = await db.query<{ n: number; placed: number; no_point: number; no_lsoa: number; no_ward: number }>(
      `SELECT COUNT(*) AS n, COUNT(lsoa_code) AS placed, COUNT(*) FILTER (WHERE lon IS NULL AND lat IS NULL) AS no_point,
              COUNT(*) FILTER (WHERE lsoa_code IS NULL) AS no_lsoa, COUNT(*) FILTER (WHERE ward_code IS NULL) AS no_ward FROM survey_responses WHERE dataset = ?`,
      ['ds-p'],
    );
    expect(counts).toEqual([{ n: 3, placed: 1, no_point: 2, no_lsoa: 2, no_ward: 2 }]);
    const firstChoices = await db.query<{ theme: string; n: number }>("SELECT theme, COUNT(*) AS n FROM survey_choices WHERE dataset = 'ds-p' AND rank = 1 GROUP BY theme ORDER BY theme");
    expect(firstChoices).toEqual([{ theme: 'Housing issues', n: 2 }, { theme: 'Youth activities', n: 1 }]);
  });
});
