import { DataType, tableFromIPC } from 'apache-arrow';
import { safeIdentifier, type Database } from '../database.ts';
import { EVIDENCE_TABLES, type DatasetMeta, type EvidenceTable } from '../../ingest/schemas.ts';
import { DATE_COLUMNS, EVIDENCE_COLUMN_TYPES, EVIDENCE_TABLE_LABELS, EVIDENCE_TABLE_NAMES, tableExists } from './tables.ts';
import { dropBuiltInRepeats } from './builtInRepeats.ts';

export interface InsertResult {
  /** Rows written per evidence table. */
  inserted: Record<string, number>;
  /**
   * Police records skipped because they were already loaded (built-in data or an earlier import):
   * the same Crime ID, or for rows without one (anti-social behaviour) the same numbered fingerprint.
   */
  duplicateCrimes: number;
}

/** Staging tables are named from this prefix and a counter, never from anything a user typed. */
const STAGING_PREFIX = 'evidence_staging_';
let stagingCounter = 0;

/**
 * Write one imported dataset into DuckDB. Each table arrives as Arrow IPC
 * stream bytes with the columns of EVIDENCE_TABLES; the `dataset` column is
 * always set to meta.id (whatever the bytes say), so removeDataset finds
 * every row again. Police records whose `id` is already in the built-in
 * `crimes` table or an earlier import are skipped and counted: a Crime ID, or
 * for a row without one the key the normaliser gives it (fingerprint#k, the
 * k-th identical row of its file; src/ingest/normalise/police.ts), so the same
 * month loaded twice adds nothing while identical incidents within a file all
 * stay. Crime IDs repeated inside one file never get this far: the import's
 * normaliser refuses them row by row, so only IDs loaded before are dropped here.
 * Imports into one database run one at a time (each is checked against those
 * before it). On any failure nothing of the dataset is left behind.
 */
export function insertDataset(
  db: Database,
  meta: DatasetMeta,
  tables: Partial<Record<EvidenceTable, Uint8Array | readonly Uint8Array[]>>,
): Promise<InsertResult> {
  return oneAtATime(db, () => insertNow(db, meta, tables));
}

/** The import queued last on each database; the next one waits for it, whether it succeeded or not. */
const lastInsert = new WeakMap<Database, Promise<unknown>>();

function oneAtATime<T>(db: Database, job: () => Promise<T>): Promise<T> {
  const run = (lastInsert.get(db) ?? Promise.resolve()).then(job);
  lastInsert.set(db, run.catch(() => undefined));
  return run;
}

async function insertNow(
  db: Database,
  meta: DatasetMeta,
  tables: Partial<Record<EvidenceTable, Uint8Array | readonly Uint8Array[]>>,
): Promise<InsertResult> {
  const existing = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM datasets WHERE id = ?', [meta.id]);
  if ((existing[0]?.n ?? 0) > 0) throw new Error(`${meta.fileName} is already loaded.`);
  const inserted: Record<string, number> = {};
  let duplicateCrimes = 0;
  try {
    for (const table of EVIDENCE_TABLE_NAMES) {
      const given = tables[table];
      if (!given) continue;
      const batches: readonly Uint8Array[] = given instanceof Uint8Array ? [given] : given;
      // Rows per batch, read before DuckDB takes the bytes over (they are transferred to its worker).
      const rows = table === 'imported_crimes' ? batches.map((b) => appendableRows(table, b, meta.id)) : [];
      const fast = rows.length > 0 && rows.every((n) => n !== null);
      const result = fast
        ? await appendCrimes(db, meta.id, batches, rows.reduce<number>((sum, n) => sum + (n ?? 0), 0))
        : await insertBatches(db, meta.id, table, batches);
      inserted[table] = result.inserted;
      if (table === 'imported_crimes') {
        // Anti-social behaviour rows already in the built-in data have no ID to match: see builtInRepeats.ts.
        const repeats = await dropBuiltInRepeats(db, meta.id);
        inserted[table] -= repeats;
        duplicateCrimes = result.skipped + repeats;
      }
    }
    await db.query(
      'INSERT INTO datasets (id, kind, file_name, "rows", loaded_at, synthetic) VALUES (?, ?, ?, ?, ?, ?)',
      [meta.id, meta.kind, meta.fileName, meta.rows, meta.loadedAt, meta.synthetic],
    );
  } catch (e) {
    await removeDataset(db, meta.id).catch(() => undefined);
    // Plain English first; the engine's own words only as a detail for anyone reporting the problem.
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(`${meta.fileName} could not be stored for querying, so nothing from it has been loaded (${detail}).`, { cause: e });
  }
  return { inserted, duplicateCrimes };
}

/** Batch by batch through staging; police duplicates are counted across all batches. */
async function insertBatches(db: Database, datasetId: string, table: EvidenceTable, batches: readonly Uint8Array[]): Promise<{ inserted: number; skipped: number }> {
  let skipped = 0;
  for (const bytes of batches) skipped += (await insertTable(db, datasetId, table, bytes)).skipped;
  const written = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${safeIdentifier(table)} WHERE dataset = ?`, [datasetId]);
  return { inserted: written[0]?.n ?? 0, skipped };
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
    const earlier = (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${target} WHERE dataset = ?`, [datasetId]))[0]?.n ?? 0;
    await db.query(
      `INSERT INTO ${target} (dataset, ${columns.map((c) => safeIdentifier(c)).join(', ')})
       SELECT ?, ${values.join(', ')} FROM ${staging} s WHERE ${keep}`,
      [datasetId],
    );
    const written = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${target} WHERE dataset = ?`, [datasetId]);
    const inserted = (written[0]?.n ?? 0) - earlier;
    return { inserted, skipped: (staged[0]?.n ?? 0) - inserted };
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${staging}`);
  }
}

/**
 * The number of rows in the bytes when they hold exactly the table's columns,
 * in its order, all rows already carrying this dataset's id (as the import
 * worker writes them); null when they must go through staging instead. The
 * Arrow table is read in place, without copying its columns.
 */
function appendableRows(table: EvidenceTable, bytes: Uint8Array, datasetId: string): number | null {
  const t = tableFromIPC(bytes);
  if (t.schema.fields.map((f) => f.name).join(',') !== EVIDENCE_TABLES[table].join(',')) return null;
  const dataset = t.getChild('dataset');
  if (!dataset) return null;
  // The worker writes the id as a one-entry dictionary: check that entry, not a million rows.
  if (DataType.isDictionary(dataset.type)) {
    const same = dataset.nullCount === 0 && dataset.data.every((d) => d.dictionary !== undefined && d.dictionary.length === 1 && d.dictionary.get(0) === datasetId);
    return same ? t.numRows : null;
  }
  for (let i = 0; i < t.numRows; i++) if (dataset.get(i) !== datasetId) return null;
  return t.numRows;
}

/**
 * Police records straight into their table, with no staging copy: a year of a
 * big force is a million rows, and a second copy inside DuckDB's memory (which
 * never shrinks) was the largest part of an import's peak. The rows written
 * under this dataset's id must number exactly the rows in the batches (counted
 * per dataset, so another import appending at the same time cannot upset the
 * check); then repeated Crime IDs are deleted.
 */
async function appendCrimes(db: Database, datasetId: string, batches: readonly Uint8Array[], rowsInBatches: number): Promise<{ inserted: number; skipped: number }> {
  const mine = async () => (await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM imported_crimes WHERE dataset = ?', [datasetId]))[0]?.n ?? 0;
  for (const bytes of batches) await db.appendArrowIPC('imported_crimes', bytes);
  const written = await mine();
  if (written !== rowsInBatches) {
    throw new Error(`${written.toLocaleString('en-GB')} of ${rowsInBatches.toLocaleString('en-GB')} police records were written`);
  }
  // Repeats inside the file were already refused by the import; here only IDs loaded
  // before (built in, or another import) are dropped. The hash table is built on those
  // earlier IDs, not on the new million, which kept DuckDB's memory ~180 MB lower.
  const builtIn = (await tableExists(db, 'crimes')) ? 'SELECT id FROM crimes UNION ALL ' : '';
  await db.query(
    `DELETE FROM imported_crimes WHERE dataset = ? AND id IN (${builtIn}SELECT id FROM imported_crimes WHERE dataset <> ? AND id IS NOT NULL)`,
    [datasetId, datasetId],
  );
  const inserted = await mine();
  return { inserted, skipped: rowsInBatches - inserted };
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
