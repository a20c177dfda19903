import { writeFileSync } from 'node:fs';
import { Bool, Float64, Int32, Table, Utf8, type Vector, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';

export type ColType = 'utf8' | 'int32' | 'float64' | 'bool';
export interface ColumnSpec {
  name: string;
  type: ColType;
  values: (string | number | boolean | null)[];
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  /** Columns allowed to contain nulls; every other column must be complete. */
  nullable: string[];
}

function vector(c: ColumnSpec): Vector {
  switch (c.type) {
    case 'utf8':
      return vectorFromArray(c.values as (string | null)[], new Utf8());
    case 'int32':
      return vectorFromArray(c.values as (number | null)[], new Int32());
    case 'float64':
      return vectorFromArray(c.values as (number | null)[], new Float64());
    case 'bool':
      return vectorFromArray(c.values as (boolean | null)[], new Bool());
  }
}

export function toTable(spec: TableSpec): Table {
  const cols: Record<string, Vector> = {};
  for (const c of spec.columns) {
    if (c.name in cols) throw new Error(`${spec.name}: duplicate column ${c.name}`);
    cols[c.name] = vector(c);
  }
  return new Table(cols);
}

/** Write an Arrow IPC stream file; returns the bytes written. */
export function writeArrowStream(path: string, spec: TableSpec): number {
  const bytes = tableToIPC(toTable(spec), 'stream');
  writeFileSync(path, bytes);
  return bytes.byteLength;
}

export function readArrowStream(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** Build column specs from an array of row objects, in the given column order. */
export function columnsFromRows<R extends Record<string, string | number | boolean | null>>(
  rows: R[],
  schema: [string, ColType][],
): ColumnSpec[] {
  return schema.map(([name, type]) => ({ name, type, values: rows.map((r) => (r[name] === undefined ? null : (r[name] as never))) }));
}
