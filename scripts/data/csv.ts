import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvParse } from 'd3';
import { raw } from './raw-paths.ts';

export type Row = Record<string, string>;

export function readCsv(rel: string): Row[] {
  const buf = readFileSync(raw(rel));
  const text = (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8').replace(/^\uFEFF/, '');
  return csvParse(text) as unknown as Row[];
}

export function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(raw(rel), 'utf8')) as T;
}

/** Field as string; throws if the column is missing from the row. */
export function field(row: Row, col: string): string {
  const v = row[col];
  if (v === undefined) throw new Error(`missing column "${col}"`);
  return v;
}

/** Parse a numeric field; empty/NA → null. */
export function num(row: Row, col: string): number | null {
  const v = field(row, col).trim();
  if (v === '' || v === 'NA') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`bad number "${v}" in column "${col}"`);
  return n;
}

export function int(row: Row, col: string): number | null {
  const n = num(row, col);
  if (n !== null && !Number.isInteger(n)) throw new Error(`non-integer "${n}" in column "${col}"`);
  return n;
}

export function reqInt(row: Row, col: string): number {
  const n = int(row, col);
  if (n === null) throw new Error(`null in required column "${col}"`);
  return n;
}
