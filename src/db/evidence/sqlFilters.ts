import type { SqlParam } from '../database.ts';

/** A fragment of SQL and the values bound to its `?` placeholders, in order. */
export interface SqlPart {
  sql: string;
  params: SqlParam[];
}

/**
 * `column IN (?, ?, …)` with every value bound. `column` is SQL written in
 * this code base, never user text. No values means "match nothing" (an empty
 * selection selects nothing); callers pass `undefined` for "no filter".
 */
export function inList(column: string, values: readonly string[]): SqlPart {
  if (values.length === 0) return { sql: 'FALSE', params: [] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** `column <op> ?` when a value is given; nothing otherwise. */
export function compare(column: string, op: '=' | '>=' | '<=', value: string | undefined): SqlPart | null {
  return value === undefined ? null : { sql: `${column} ${op} ?`, params: [value] };
}

/** Optional list filter: undefined = no filter, [] = nothing. */
export function optionalIn(column: string, values: readonly string[] | undefined): SqlPart | null {
  return values === undefined ? null : inList(column, values);
}

/** AND the given conditions together (TRUE when there are none). */
export function allOf(parts: readonly (SqlPart | null)[]): SqlPart {
  const given = parts.filter((p): p is SqlPart => p !== null);
  if (given.length === 0) return { sql: 'TRUE', params: [] };
  return { sql: given.map((p) => `(${p.sql})`).join(' AND '), params: given.flatMap((p) => p.params) };
}

/** DuckDB LIST columns arrive as Arrow vectors: make them plain arrays of numbers. */
export function numberList(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  return Array.from(value as ArrayLike<number | bigint>, Number);
}
