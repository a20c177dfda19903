import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDatabase } from '../../../src/db/nodeDatabase.ts';
import { safeIdentifier } from '../../../src/db/database.ts';

describe('node database', () => {
  it('binds parameters and reads Arrow IPC', async () => {
    const db = await openNodeDatabase();
    const t = tableFromArrays({ code: ['a', 'b', "c'; DROP TABLE t; --"], v: Float64Array.from([1, 2, 3]) });
    await db.insertArrowIPC('t', tableToIPC(t, 'stream'));
    const rows = await db.query<{ code: string; v: number; n: number }>(
      'SELECT code, v, COUNT(*) OVER () AS n FROM t WHERE code = ? OR v > ? ORDER BY v',
      ["c'; DROP TABLE t; --", 1.5],
    );
    expect(rows).toEqual([
      { code: 'b', v: 2, n: 2 },
      { code: "c'; DROP TABLE t; --", v: 3, n: 2 },
    ]);
    expect((await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM t'))[0]?.n).toBe(3);
  });

  it('keeps nulls as nulls and turns BIGINT into numbers', async () => {
    const db = await openNodeDatabase();
    const rows = await db.query<{ s: string | null; x: number | null; n: number; b: boolean | null }>(
      "SELECT * FROM (VALUES ('a', 1.5, 10::BIGINT, true, -2.25), (NULL, NULL, 20::BIGINT, NULL, NULL)) t(s, x, n, b, d) ORDER BY n",
    );
    expect(rows).toEqual([
      { s: 'a', x: 1.5, n: 10, b: true, d: -2.25 },
      { s: null, x: null, n: 20, b: null, d: null },
    ]);
  });

  it('refuses unsafe identifiers', () => {
    expect(safeIdentifier('imd_rank')).toBe('"imd_rank"');
    expect(() => safeIdentifier('imd"; drop')).toThrow();
  });
});
