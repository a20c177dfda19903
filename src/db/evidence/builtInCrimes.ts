import type { Database } from '../database.ts';
import type { FetchBytes } from '../builtInData.ts';
import { createAllCrimesView } from './schema.ts';
import { tableExists } from './tables.ts';
import { dropBuiltInRepeats } from './builtInRepeats.ts';

/**
 * Load the built-in police data (data/tables/crimes.arrows, ~30 MB, so not
 * part of start-up) and point `all_crimes` at it. Imports made before it
 * arrived could not be checked against it, so their records whose Crime ID is
 * in the built-in data (or, without an ID, whose month, point and type are:
 * builtInRepeats.ts) are removed now; returns how many. Call after
 * createEvidenceTables; a second call does nothing.
 */
export async function loadBuiltInCrimes(db: Database, fetchBytes: FetchBytes): Promise<number> {
  if (await tableExists(db, 'crimes')) return 0;
  await db.insertArrowIPC('crimes', await fetchBytes('data/tables/crimes.arrows'));
  const dupes = await db.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM imported_crimes p WHERE EXISTS (SELECT 1 FROM crimes c WHERE c.id = p.id)',
  );
  await db.query('DELETE FROM imported_crimes p WHERE EXISTS (SELECT 1 FROM crimes c WHERE c.id = p.id)');
  const repeats = await dropBuiltInRepeats(db, null);
  await createAllCrimesView(db);
  return (dupes[0]?.n ?? 0) + repeats;
}
