import { describe, expect, it } from 'vitest';
import { columnsToArrowIPC } from '../../../../src/ingest/arrowOut.ts';
import { createNormaliser, type LocatedArea } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import { POLICE_UK_COLUMNS } from '../../../../src/ingest/schemas.ts';

const ROWS = 1_000_000;
const TYPES = ['Anti-social behaviour', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other theft', 'Public order', 'Shoplifting', 'Vehicle crime', 'Violence and sexual offences'];
const AREAS: LocatedArea[] = Array.from({ length: 100 }, (_, i) => ({ lsoa_code: `E01${String(i).padStart(6, '0')}`, ward_code: `E05${String(i % 20).padStart(6, '0')}`, lad_code: 'E06000016' }));

/** A year of police.uk rows for a large force, as the CSV reader hands them over: fresh strings in every row. */
function policeRows(): string[][] {
  const rows: string[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const asb = i % 4 === 0;
    rows[i] = [
      asb ? '' : i.toString(16).padStart(64, '0'),
      `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      'Leicestershire Police',
      'Leicestershire Police',
      (-1.2 + (i % 1000) * 0.0002).toFixed(6),
      (52.6 + (i % 997) * 0.0001).toFixed(6),
      'On or near Somewhere',
      'E01000001',
      'Leicester 001A',
      `${TYPES[i % TYPES.length]}`,
      'Under investigation',
      '',
    ];
  }
  return rows;
}

describe('normalising a million police.uk rows', () => {
  it('takes a couple of seconds, locate excluded, and packs to Arrow', () => {
    const rows = policeRows();
    const header = [...POLICE_UK_COLUMNS];
    const mapping = guessMapping('police', header, rows.slice(0, 200)).mapping;
    let calls = 0;
    // A near-free locate, so the time measured is the normaliser's own.
    const locate = (): LocatedArea => AREAS[calls++ % 100]!;
    const t0 = performance.now();
    const n = createNormaliser({ datasetId: 'ds-big', kind: 'police', mapping, header, fileName: 'big.csv', locate, areaOfCode: () => null });
    for (let i = 0; i < ROWS; i += 50_000) n.push({ header, rows: rows.slice(i, i + 50_000), firstRow: i + 2 });
    const result = n.finish();
    const normaliseMs = performance.now() - t0;
    const t1 = performance.now();
    const bytes = columnsToArrowIPC(result.tables.imported_crimes!);
    const arrowMs = performance.now() - t1;
    console.log(`1,000,000 police rows: normalise ${normaliseMs.toFixed(0)} ms, Arrow IPC ${arrowMs.toFixed(0)} ms (${(bytes.byteLength / 1e6).toFixed(1)} MB)`);
    expect(result.rowsAccepted).toBe(ROWS);
    expect(calls).toBe(ROWS);
    expect(result.tables.imported_crimes!.crime_type![ROWS - 1]).toBe(TYPES[(ROWS - 1) % TYPES.length]);
    // Budget 1–2 s on a developer machine; the bound leaves room for a slow, shared CI box.
    expect(normaliseMs).toBeLessThan(6000);
  });
});
