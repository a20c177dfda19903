import type { Database } from '../database.ts';
import { tableExists } from './tables.ts';

/**
 * Imported police rows without a Crime ID (anti-social behaviour) that the
 * built-in police data already holds. The built-in rows keep no location
 * text or context, so they are matched on month, point (to 6 dp, as police.uk
 * writes it) and crime type: if the built-in data has n such rows, the
 * import's first n at that month, point and type are the same incidents and
 * are deleted; any more are new. Rows with a Crime ID are matched by ID
 * elsewhere. `dataset` limits it to one import; null checks every import (the
 * built-in data arrived after them). Returns how many were deleted.
 */
export async function dropBuiltInRepeats(db: Database, dataset: string | null): Promise<number> {
  if (!(await tableExists(db, 'crimes'))) return 0;
  const mine = dataset === null ? 'TRUE' : 'dataset = ?';
  const params = dataset === null ? [] : [dataset, dataset];
  const repeats = `
    SELECT i.dataset, i.source_row FROM (
      SELECT dataset, source_row, month, crime_type, ROUND(lon * 1e6) AS x, ROUND(lat * 1e6) AS y,
             ROW_NUMBER() OVER (PARTITION BY dataset, month, crime_type, ROUND(lon * 1e6), ROUND(lat * 1e6) ORDER BY source_row) AS k
        FROM imported_crimes WHERE ${mine} AND id LIKE 'noid:%') i
    JOIN (
      SELECT month, crime_type, ROUND(lon * 1e6) AS x, ROUND(lat * 1e6) AS y, COUNT(*) AS n
        FROM crimes
       WHERE id IS NULL AND month IN (SELECT DISTINCT month FROM imported_crimes WHERE ${mine} AND id LIKE 'noid:%')
       GROUP BY ALL) c
      ON c.month = i.month AND c.crime_type = i.crime_type AND c.x = i.x AND c.y = i.y
    WHERE i.k <= c.n`;
  // DuckDB answers a DELETE with the number of rows it deleted, so the repeats are found once.
  const deleted = await db.query<{ Count: number | bigint }>(`DELETE FROM imported_crimes t USING (${repeats}) r WHERE t.dataset = r.dataset AND t.source_row = r.source_row`, params);
  return Number(deleted[0]?.Count ?? 0);
}
