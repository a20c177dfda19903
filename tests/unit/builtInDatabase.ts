import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openNodeDatabase } from '../../src/db/nodeDatabase.ts';
import type { Database } from '../../src/db/database.ts';
import { loadBackgroundTables, loadStartupTables } from '../../src/db/builtInData.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * The built-in tables in DuckDB under Node, loaded by the app's own loader from
 * the committed files: the five authorities ('startup') or England too ('all').
 */
export async function openBuiltInDatabase(tables: 'startup' | 'all' = 'all'): Promise<Database> {
  const db = await openNodeDatabase();
  const read = async (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));
  await loadStartupTables(db, read);
  if (tables === 'all') await loadBackgroundTables(db, read);
  return db;
}
