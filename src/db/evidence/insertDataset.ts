import { safeIdentifier, type Database } from '../database.ts';
import { EVIDENCE_TABLES, type DatasetMeta, type EvidenceTable } from '../../ingest/schemas.ts';
import { DATE_COLUMNS, EVIDENCE_COLUMN_TYPES, EVIDENCE_TABLE_LABELS, EVIDENCE_TABLE_NAMES, tableExists } from './tables.ts';

export interface InsertResult {
  /** Rows written per evidence table. */
  inserted: Record<string, number>;
  /** Police records skipped because their Crime ID was already loaded (built-in data or an earlier import). */
  duplicateCrimes: number;
}

/** Staging tables are named from this prefix and a counter, never from anything a user typed. */
const STAGING_PREFIX = 'evidence_staging_';
let stagingCounter = 0;

/**
 * Write one imported dataset into DuckDB. Each table arrives as Arrow IPC
 * stream bytes with the columns of EVIDENCE_TABLES; the `dataset` column is
 * always set to meta.id (whatever the bytes say), so removeDataset finds
 * every row again. Police records whose non-empty Crime ID is already in the
 * built-in `crimes` table or an earlier import are skipped and counted;
 * repeated IDs inside one file are kept, as police.uk publishes them.
 * On any failure nothing of the dataset is left behind.
 */
export async function insertDataset(
  db: Database,
  meta: DatasetMeta,
  tables: Partial<Record<EvidenceTable, Uint8Array>>,
): Promise<InsertResult> {
  const existing = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM datasets WHERE id = ?', [meta.id]);
  if ((existing[0]?.n ?? 0) > 0) throw new Error(`${meta.fileName} is already loaded.`);
  const inserted: Record<string, number> = {};
  let duplicateCrimes = 0;
  try {
    for (const table of EVIDENCE_TABLE_NAMES) {
      const bytes = tables[table];
      if (!bytes) continue;
      const result = await insertTable(db, meta.id, table, bytes);
      inserted[table] = result.inserted;
      if (table === 'imported_crimes') duplicateCrimes = result.skipped;
    }
    await db.query(
      'INSERT INTO datasets (id, kind, file_name, "rows", loaded_at, synthetic) VALUES (?, ?, ?, ?, ?, ?)',
      [meta.id, meta.kind, meta.fileName, meta.rows, meta.loadedAt, meta.synthetic],
    );
  } catch (e) {
    await removeDataset(db, meta.id).catch(() => undefined);
    throw new Error(`${meta.fileName} could not be stored for querying: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return { inserted, duplicateCrimes };
}

async function insertTable(
  db: Database,
  datasetId: string,
  table: EvidenceTable,
  bytes: Uint8Array,
): Promise<{ inserted: number; skipped: number }> {
  const stagingName = `${STAGING_PREFIX}${++stagingCounter}`;
  const staging = safeIdentifier(stagingName);
  await db.insertArrowIPC(stagingName, bytes);
  try {
    const present = await db.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_name = ?',
      [stagingName],
    );
    const have = new Set(present.map((p) => p.column_name));
    const columns = EVIDENCE_TABLES[table].filter((c) => c !== 'dataset');
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length > 0) {
      throw new Error(`the ${EVIDENCE_TABLE_LABELS[table]} are missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    }
    const types = EVIDENCE_COLUMN_TYPES[table] as Record<string, string>;
    const values = columns.map((c) => castColumn(c, types[c] as string));
    let keep = 'TRUE';
    if (table === 'imported_crimes') {
      // An empty ID equals nothing, so records without one are always kept.
      keep = 'NOT EXISTS (SELECT 1 FROM imported_crimes p WHERE p.id = CAST(s.id AS VARCHAR))';
      if (await tableExists(db, 'crimes')) keep += ' AND NOT EXISTS (SELECT 1 FROM crimes c WHERE c.id = CAST(s.id AS VARCHAR))';
    }
    const staged = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${staging}`);
    const target = safeIdentifier(table);
    await db.query(
      `INSERT INTO ${target} (dataset, ${columns.map((c) => safeIdentifier(c)).join(', ')})
       SELECT ?, ${values.join(', ')} FROM ${staging} s WHERE ${keep}`,
      [datasetId],
    );
    const written = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${target} WHERE dataset = ?`, [datasetId]);
    const inserted = written[0]?.n ?? 0;
    return { inserted, skipped: (staged[0]?.n ?? 0) - inserted };
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${staging}`);
  }
}

/** Cast a staged column to its table type; dates become 'YYYY-MM-DD' whether they came as text or as Arrow dates. */
function castColumn(column: string, declared: string): string {
  const col = `s.${safeIdentifier(column)}`;
  if (DATE_COLUMNS.has(column)) return `CAST(CAST(${col} AS DATE) AS VARCHAR)`;
  const baseType = declared.split(' ')[0] as string;
  return `CAST(${col} AS ${baseType})`;
}

/** Delete one dataset from every evidence table and the datasets list; other datasets are untouched. */
export async function removeDataset(db: Database, id: string): Promise<void> {
  for (const table of EVIDENCE_TABLE_NAMES) {
    await db.query(`DELETE FROM ${safeIdentifier(table)} WHERE dataset = ?`, [id]);
  }
  await db.query('DELETE FROM datasets WHERE id = ?', [id]);
}
