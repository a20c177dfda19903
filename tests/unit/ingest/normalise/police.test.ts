import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { EVIDENCE_TABLES, POLICE_UK_COLUMNS } from '../../../../src/ingest/schemas.ts';
import { guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import { STUB_AREAS } from './stubAreas.ts';

const HEADER = [...POLICE_UK_COLUMNS];
const row = (id: string, month: string, lon: string, lat: string, lsoa: string, type: string): string[] => [id, month, 'Leicestershire Police', 'Leicestershire Police', lon, lat, 'On or near Somewhere', lsoa, 'Leicester 001A', type, '', ''];

describe('police.uk normalisation', () => {
  const rows = [
    row('c1', '2024-03', '-1.15', '52.65', 'E01000001', 'Burglary'),
    row('', '2024-03', '-1.05', '52.65', 'E01000002', 'Anti-social behaviour'),
    row('c1', '2024-03', '-1.15', '52.65', 'E01000001', 'Burglary'),
    row('c5', '2024-13', '-1.15', '52.65', 'E01000001', 'Drugs'),
    row('c6', '2024-04', '', '', 'E01000001', 'Vehicle crime'),
    row('c7', '2024-04', '-1.61', '54.97', 'E01008888', 'Robbery'),
    row('c8', '2024-04', '', '', '', 'Other theft'),
    row('', '2024-04', '-1.15', '52.65', 'E01000001', 'Anti-social behaviour'),
  ];
  const mapping = guessMapping('police', HEADER, rows).mapping;
  const n = createNormaliser({ datasetId: 'ds-p', kind: 'police', mapping, header: HEADER, fileName: '2024-03-leicestershire-street.csv', ...STUB_AREAS });
  n.push({ header: HEADER, rows, firstRow: 2 });
  const result = n.finish();

  it('writes imported_crimes in the crimes table shape', () => {
    const t = result.tables.imported_crimes!;
    expect(Object.keys(result.tables)).toEqual(['imported_crimes']);
    expect(Object.keys(t)).toEqual([...EVIDENCE_TABLES.imported_crimes]);
    expect(t).toEqual({
      dataset: ['ds-p', 'ds-p', 'ds-p', 'ds-p'],
      source_row: Int32Array.from([2, 3, 6, 9]),
      // Rows without a Crime ID carry a fingerprint key instead (src/ingest/normalise/police.ts).
      id: ['c1', expect.stringMatching(/^noid:[0-9a-f]{16}#1$/), 'c6', expect.stringMatching(/^noid:[0-9a-f]{16}#1$/)],
      month: ['2024-03', '2024-03', '2024-04', '2024-04'],
      lon: Float64Array.from([-1.15, -1.05, -1.15, -1.15]),
      lat: Float64Array.from([52.65, 52.65, 52.65, 52.65]),
      lsoa_code: ['E01000001', 'E01000002', 'E01000001', 'E01000001'],
      ward_code: ['E05000001', 'E05000001', 'E05000001', 'E05000001'],
      lad_code: ['E06000016', 'E06000016', 'E06000016', 'E06000016'],
      crime_type: ['Burglary', 'Anti-social behaviour', 'Vehicle crime', 'Anti-social behaviour'],
      source: Array(4).fill('police.uk import: 2024-03-leicestershire-street.csv'),
    });
  });

  it('reports duplicate Crime IDs, bad months and unplaced crimes; another council’s row only in one line', () => {
    expect(result.issues).toEqual([
      { row: 4, column: 'Crime ID', action: 'rejected', reason: "Crime ID 'c1' is already on row 2." },
      { row: 5, column: 'Month', action: 'rejected', reason: "The month '2024-13' isn't a real month." },
      { row: 8, column: 'Longitude', action: 'rejected', reason: 'No location: this crime has no coordinates or LSOA code (police.uk leaves some crimes unplaced).' },
    ]);
    expect(result).toMatchObject({ rowsRead: 8, rowsAccepted: 4, rowsRejected: 4, rowsAltered: 0, duplicates: 1, outside: 1 });
    expect(result.notes).toEqual([
      'Placed by the LSOA 2021 code police.uk gives: 4 rows; placed by their point (no code, or a 2011 code): 0 rows.',
      "1 row is outside the five areas (another council in the force's area) and was left out: row 7.",
      'Crimes without coordinates were placed at a point inside their LSOA (1 row, first on row 6).',
    ]);
  });
});
