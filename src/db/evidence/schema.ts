import { safeIdentifier, type Database } from '../database.ts';
import type { DatasetMeta } from '../../ingest/schemas.ts';
import { EVIDENCE_COLUMN_TYPES, EVIDENCE_TABLE_NAMES, tableExists } from './tables.ts';

/**
 * Create every evidence table, the `datasets` list and the `all_crimes` view
 * (safe to call more than once). Trusted DDL: every name and type is fixed
 * in tables.ts.
 */
export async function createEvidenceTables(db: Database): Promise<void> {
  for (const table of EVIDENCE_TABLE_NAMES) {
    const columns = Object.entries(EVIDENCE_COLUMN_TYPES[table]).map(([c, type]) => `${safeIdentifier(c)} ${type}`);
    await db.exec(`CREATE TABLE IF NOT EXISTS ${safeIdentifier(table)} (${columns.join(', ')})`);
  }
  await db.exec(
    `CREATE TABLE IF NOT EXISTS datasets (
       id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, file_name VARCHAR, "rows" INTEGER,
       loaded_at VARCHAR, synthetic BOOLEAN NOT NULL DEFAULT FALSE)`,
  );
  await createAllCrimesView(db);
}

const IMPORTED_CRIME_COLUMNS = 'id, month, lon, lat, lsoa_code, ward_code, lad_code, crime_type, source';

/**
 * `all_crimes`: the built-in police data (dataset = 'built-in') and every
 * imported police file, so crime queries see both. The built-in `crimes`
 * table is large and may be loaded after start-up; until then the view holds
 * the imports only. Call again once `crimes` exists (loadBuiltInCrimes does).
 */
export async function createAllCrimesView(db: Database): Promise<void> {
  const imported = `SELECT ${IMPORTED_CRIME_COLUMNS}, dataset, source_row FROM imported_crimes`;
  const builtIn = (await tableExists(db, 'crimes'))
    ? `SELECT ${IMPORTED_CRIME_COLUMNS}, 'built-in' AS dataset, CAST(NULL AS INTEGER) AS source_row FROM crimes\nUNION ALL\n`
    : '';
  await db.exec(`CREATE OR REPLACE VIEW all_crimes AS ${builtIn}${imported}`);
}

/** The datasets now in DuckDB, oldest first. */
export function loadedDatasets(db: Database): Promise<DatasetMeta[]> {
  return db.query<DatasetMeta>(
    `SELECT id, kind, file_name AS "fileName", "rows", loaded_at AS "loadedAt", synthetic
       FROM datasets ORDER BY loaded_at, id`,
  );
}

export { insertDataset, removeDataset, type InsertResult } from './insertDataset.ts';
