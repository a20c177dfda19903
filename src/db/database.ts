import { DataType, type Table } from 'apache-arrow';

/** A value that may be bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null;

/**
 * The one query interface every part of the app talks to. The browser
 * implementation runs DuckDB-WASM in a Web Worker (browserDatabase.ts); unit
 * tests run the very same SQL against the blocking bundle under Node
 * (nodeDatabase.ts). User input only ever reaches SQL as bound parameters.
 */
export interface Database {
  /** Run a statement with `?` placeholders bound to `params`, returning plain rows. */
  query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Same as query, but returns the Arrow table for columnar reads of large results. */
  queryTable(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Run trusted DDL with no parameters (schema set-up only). */
  exec(sql: string): Promise<void>;
  /** Create table `name` from Arrow IPC stream bytes. */
  insertArrowIPC(name: string, bytes: Uint8Array): Promise<void>;
  /** Append Arrow IPC stream rows to the existing table `name` (columns matched by position). */
  appendArrowIPC(name: string, bytes: Uint8Array): Promise<void>;
}

/** DuckDB returns BIGINT (COUNT, SUM of ints) as bigint; the app wants numbers. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Turn an Arrow result into plain objects with JS numbers and strings. Columns
 * are materialised whole (toArray) rather than cell by cell: for England's
 * 33,755 areas that is several times faster.
 */
export function tableToRows<Row extends object>(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => {
    const vector = table.getChild(n);
    if (!vector) return () => null;
    if (DataType.isDecimal(vector.type)) {
      // DuckDB sends literals like 1.5 as DECIMAL: 128-bit unscaled integers in Arrow.
      const words = vector.toArray() as Uint32Array;
      const scale = 10 ** vector.type.scale;
      return (i: number) => (vector.isValid(i) ? decimalAt(words, i) / scale : null);
    }
    const values = vector.toArray() as ArrayLike<unknown>;
    if (vector.nullCount === 0) return (i: number) => plain(values[i]);
    return (i: number) => (vector.isValid(i) ? plain(values[i]) : null);
  });
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c] as string] = (columns[c] as (i: number) => unknown)(i);
    rows[i] = row as Row;
  }
  return rows;
}

/** The i-th signed 128-bit little-endian integer in a word array, as a number. */
function decimalAt(words: Uint32Array, i: number): number {
  let big = 0n;
  for (let w = 3; w >= 0; w--) big = (big << 32n) | BigInt(words[i * 4 + w] as number);
  return Number(BigInt.asIntN(128, big));
}

/** Settings every connection needs: this app is offline, so nothing may be fetched. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/** Identifiers come only from the committed catalogue; refuse anything else. */
export function safeIdentifier(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}
