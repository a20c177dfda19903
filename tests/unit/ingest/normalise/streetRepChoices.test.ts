import { describe, expect, it } from 'vitest';
import type { ValueChoices } from '../../../../src/ingest/importProtocol.ts';
import { createNormaliser, type NormalisedDataset } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { STUB_AREAS } from './stubAreas.ts';

function wide(values?: ValueChoices): NormalisedDataset {
  const header = ['Site', 'Date', 'LSOA', 'Litter', 'Noise', 'Graffiti'];
  const rows = [
    ['S1', '01/03/2025', 'E01000001', 'A/B', 'c', '2'],
    ['S2', '01/03/2025', 'E01000002', 'c+', '', ''],
    ['S3', '01/03/2025', 'E01000002', '2.5', 'B-C', 'D'],
  ];
  const n = createNormaliser({ datasetId: 'ds', kind: 'street-rep', mapping: { site_id: 'Site', visited_on: 'Date', lsoa_code: 'LSOA', issueColumns: { Litter: 'Litter', Noise: 'Noise', Graffiti: 'Graffiti' } }, header, values, ...STUB_AREAS });
  n.push({ header, rows, firstRow: 2 });
  return n.finish();
}

describe('street-rep grades between grades', () => {
  it('are reported on their row and left out, never guessed; the rest of the visit is kept', () => {
    const result = wide();
    expect(result).toMatchObject({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, rowsAltered: 3 });
    const g = result.tables.street_rep_grades!;
    expect(g.visit_id).toEqual(['S1|2025-03-01|', 'S1|2025-03-01|', 'S3|2025-03-01|']);
    expect(g.issue).toEqual(['Noise', 'Graffiti', 'Graffiti']);
    expect(g.grade).toEqual(Int32Array.from([2, 1, 3]));
    expect(result.tables.street_rep_visits!.id).toEqual(['S1|2025-03-01|', 'S2|2025-03-01|', 'S3|2025-03-01|']);
    expect(result.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, 'Litter', "The grade 'A/B' is between grades or not a single grade A, B, C or D, so it wasn't guessed. Litter was left ungraded; the rest of the visit is kept."],
      [3, 'Litter', "The grade 'c+' is between grades or not a single grade A, B, C or D, so it wasn't guessed. Litter was left ungraded; the rest of the visit is kept."],
      [4, 'Litter', "The grade '2.5' is between grades or not a single grade A, B, C or D, so it wasn't guessed. Litter was left ungraded; the rest of the visit is kept."],
      [4, 'Noise', "The grade 'B-C' is between grades or not a single grade A, B, C or D, so it wasn't guessed. Noise was left ungraded; the rest of the visit is kept."],
    ]);
  });

  it('take the grade the person chose, or leave out the row when they chose that', () => {
    const result = wide({ grade: { 'A/B': 'B', 'c+': 'C' } });
    expect(result.tables.street_rep_grades!.grade).toEqual(Int32Array.from([1, 2, 1, 2, 3]));
    expect(result.notes).toContain("Grade 'A/B' read as 'B' (as you chose) (1 row, first on row 2).");
    const out = wide({ grade: { '2.5': null } });
    expect(out.issues.find((i) => i.row === 4)).toEqual({ row: 4, column: 'Litter', action: 'rejected', reason: "You chose not to import rows whose grade is '2.5'." });
  });

  it('map an issue name in a long file as chosen', () => {
    const header = ['Site', 'Date', 'LSOA', 'Issue', 'Grade'];
    const rows = [['S1', '01/03/2025', 'E01000001', 'Bins overflowing', 'B'], ['S1', '01/03/2025', 'E01000001', 'Parking', 'C']];
    const n = createNormaliser({ datasetId: 'ds', kind: 'street-rep', mapping: { site_id: 'Site', visited_on: 'Date', lsoa_code: 'LSOA', issue: 'Issue', grade: 'Grade' }, header, values: { issue: { 'Bins overflowing': 'Litter', Parking: null } }, ...STUB_AREAS });
    n.push({ header, rows, firstRow: 2 });
    const result = n.finish();
    expect(result.tables.street_rep_grades!.issue).toEqual(['Litter']);
    expect(result.issues).toEqual([{ row: 3, column: 'Issue', action: 'rejected', reason: "You chose not to import rows whose issue is 'Parking'." }]);
  });
});
