import type { Database, SqlParam } from '../database.ts';
import type { Locality } from '../../localities/locality.ts';

/**
 * People's localities in the database, so every locality question is one SQL
 * join like a ward's: `localities(id, name)` and `locality_lsoas(locality_id,
 * lsoa_code)`, where a ward member stands for its best-fit small areas (as a
 * ward's own values do) and a small area may also be a member on its own.
 * Replaced whole on every change (a few hundred rows at most).
 */
export async function syncLocalities(db: Database, localities: readonly Locality[]): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE localities (id VARCHAR, name VARCHAR, position INTEGER)`);
  await db.exec(`CREATE OR REPLACE TABLE locality_members (locality_id VARCHAR, code VARCHAR)`);
  if (localities.length) {
    const params: SqlParam[] = [];
    localities.forEach((l, i) => params.push(l.id, l.name, i));
    await db.query(`INSERT INTO localities VALUES ${localities.map(() => '(?, ?, ?)').join(', ')}`, params);
    const members = localities.flatMap((l) => [...l.wards, ...l.lsoas].map((code) => [l.id, code] as const));
    if (members.length) {
      await db.query(`INSERT INTO locality_members VALUES ${members.map(() => '(?, ?)').join(', ')}`, members.flat());
    }
  }
  // A small area counts once per locality, whether it came in with its ward or on its own.
  await db.exec(
    `CREATE OR REPLACE TABLE locality_lsoas AS
       SELECT DISTINCT m.locality_id, a.code AS lsoa_code
         FROM locality_members m
         JOIN areas a ON a.level = 'lsoa' AND (a.code = m.code OR a.ward_code = m.code)`,
  );
}
