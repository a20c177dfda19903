import { describe, expect, it } from 'vitest';
import { DataType, tableFromIPC } from 'apache-arrow';
import { columnsToArrowIPC } from '../../../../src/ingest/arrowOut.ts';
import { openNodeDatabase } from '../../../../src/db/nodeDatabase.ts';

const COLUMNS = {
  dataset: ['ds-1', 'ds-1', 'ds-1', 'ds-1'],
  source_row: Int32Array.from([2, 3, 5, 9]),
  id: ['a', null, 'c', 'd'],
  month: ['2024-03', '2024-03', null, '2024-04'],
  note: ['Café ☕', 'naïve', '', 'plain'],
  lon: Float64Array.from([-1.15, NaN, -1.05, -1.1]),
  grade: Int32Array.from([0, 1, 2, 3]),
};

describe('columnsToArrowIPC', () => {
  it('round-trips through tableFromIPC with types, order and nulls kept', () => {
    const table = tableFromIPC(columnsToArrowIPC(COLUMNS));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['dataset', 'source_row', 'id', 'month', 'note', 'lon', 'grade']);
    expect(table.numRows).toBe(4);
    const values = (name: string) => [...table.getChild(name)!].map((v) => (v === undefined ? null : v));
    expect(values('dataset')).toEqual(['ds-1', 'ds-1', 'ds-1', 'ds-1']);
    expect(values('source_row')).toEqual([2, 3, 5, 9]);
    expect(values('id')).toEqual(['a', null, 'c', 'd']);
    expect(values('month')).toEqual(['2024-03', '2024-03', null, '2024-04']);
    expect(values('note')).toEqual(['Café ☕', 'naïve', '', 'plain']);
    expect(values('lon')).toEqual([-1.15, null, -1.05, -1.1]);
    expect(values('grade')).toEqual([0, 1, 2, 3]);
    // Repeated text is dictionary-encoded; distinct text is plain Utf8.
    expect(DataType.isDictionary(table.getChild('dataset')!.type)).toBe(true);
    expect(DataType.isDictionary(table.getChild('month')!.type)).toBe(true);
    expect(DataType.isUtf8(table.getChild('id')!.type)).toBe(true);
    expect(DataType.isFloat(table.getChild('lon')!.type)).toBe(true);
    expect(DataType.isInt(table.getChild('grade')!.type)).toBe(true);
  });

  it('loads into DuckDB as VARCHAR, DOUBLE and INTEGER with nulls as NULL', async () => {
    const db = await openNodeDatabase();
    await db.insertArrowIPC('t', columnsToArrowIPC(COLUMNS));
    const types = await db.query<{ column_name: string; column_type: string }>('SELECT column_name, column_type FROM (DESCRIBE t)');
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual([
      ['dataset', 'VARCHAR'],
      ['source_row', 'INTEGER'],
      ['id', 'VARCHAR'],
      ['month', 'VARCHAR'],
      ['note', 'VARCHAR'],
      ['lon', 'DOUBLE'],
      ['grade', 'INTEGER'],
    ]);
    const rows = await db.query<{ month: string | null; n: number; lons: number }>('SELECT month, COUNT(*) AS n, COUNT(lon) AS lons FROM t GROUP BY month ORDER BY month NULLS LAST');
    expect(rows).toEqual([
      { month: '2024-03', n: 2, lons: 1 },
      { month: '2024-04', n: 1, lons: 1 },
      { month: null, n: 1, lons: 1 },
    ]);
  });

  it('handles an empty table', () => {
    const table = tableFromIPC(columnsToArrowIPC({ a: [], b: new Float64Array(0), c: new Int32Array(0) }));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });
});
