import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateDay, Float64, Int32, Table, Utf8, vectorFromArray, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { openNodeDatabase } from '../../../../src/db/nodeDatabase.ts';
import type { Database } from '../../../../src/db/database.ts';
import { createEvidenceTables } from '../../../../src/db/evidence/schema.ts';
import type { DatasetKind, DatasetMeta } from '../../../../src/ingest/schemas.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
export const readData = async (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));

/** A database with the real built-in areas and Census tables, and empty evidence tables. */
export async function openEvidenceDb(): Promise<Database> {
  const db = await openNodeDatabase();
  for (const t of ['areas', 'census', 'crime_coverage']) await db.insertArrowIPC(t, await readData(`data/tables/${t}.arrows`));
  await createEvidenceTables(db);
  return db;
}

const FLOAT = new Set(['lon', 'lat']);
const INT = new Set(['source_row', 'rank', 'grade']);

/**
 * Arrow IPC stream bytes for an evidence table, built the way the import
 * worker does: typed columns, nulls as nulls. A column given as Date objects
 * is sent as an Arrow date.
 */
export function ipc(columns: Record<string, readonly unknown[]>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) {
    let type: DataType = new Utf8();
    if (FLOAT.has(name)) type = new Float64();
    else if (INT.has(name)) type = new Int32();
    else if (values.some((v) => v instanceof Date)) type = new DateDay();
    vectors[name] = vectorFromArray(values as unknown[], type);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

export function meta(id: string, kind: DatasetKind, rows: number, loadedAt = '2025-01-01T10:00:00Z'): DatasetMeta {
  return { id, kind, fileName: `${id}.csv`, rows, loadedAt, synthetic: false };
}

/** Rows of a table (or query) belonging to one dataset. */
export async function countRows(db: Database, table: string, dataset: string): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE dataset = ?`, [dataset]);
  return rows[0]?.n ?? 0;
}
