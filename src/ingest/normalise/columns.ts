import { EVIDENCE_TABLES, type EvidenceTable } from '../schemas.ts';
import type { Columns } from './types.ts';

type ColumnType = 'text' | 'float' | 'int';

/** Storage type of every evidence-table column; everything not listed is text. */
const NUMERIC: Record<string, ColumnType> = { source_row: 'int', rank: 'int', grade: 'int', lon: 'float', lat: 'float' };

/** An int column's missing value (an unranked survey choice): written to Arrow as null. */
export const NULL_INT = -2147483648;

export function columnType(name: string): ColumnType {
  return NUMERIC[name] ?? 'text';
}

/** A Float64Array or Int32Array that doubles as it fills, so a million rows cost a few copies, not a million objects. */
export class NumberColumn<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** An exact-length copy, so the (up to 2×) slack isn't kept or transferred. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export type FloatColumn = NumberColumn<Float64Array>;
export type IntColumn = NumberColumn<Int32Array>;

/** The growing columns of one evidence table, handed out by name to the row processors. */
export class TableBuilder {
  private readonly texts = new Map<string, (string | null)[]>();
  private readonly floats = new Map<string, FloatColumn>();
  private readonly ints = new Map<string, IntColumn>();

  /** `constants` (the dataset id, a police file's source) are filled in once at the end rather than pushed per row. */
  constructor(
    readonly table: EvidenceTable,
    private readonly constants: Record<string, string> = {},
  ) {
    for (const name of EVIDENCE_TABLES[table]) {
      if (name in constants) continue;
      const type = columnType(name);
      if (type === 'text') this.texts.set(name, []);
      else if (type === 'float') this.floats.set(name, new NumberColumn((n) => new Float64Array(n)));
      else this.ints.set(name, new NumberColumn((n) => new Int32Array(n)));
    }
  }
  text(name: string): (string | null)[] {
    return must(this.texts.get(name), this.table, name);
  }
  float(name: string): FloatColumn {
    return must(this.floats.get(name), this.table, name);
  }
  int(name: string): IntColumn {
    return must(this.ints.get(name), this.table, name);
  }
  /** Rows written so far (every non-constant column has this length). */
  get length(): number {
    const first = this.texts.values().next().value ?? this.floats.values().next().value ?? this.ints.values().next().value;
    return first?.length ?? 0;
  }

  finish(): Columns {
    const out: Columns = {};
    const rows = this.length;
    for (const name of EVIDENCE_TABLES[this.table]) {
      const constant = this.constants[name];
      out[name] = constant !== undefined ? new Array<string>(rows).fill(constant) : (this.texts.get(name) ?? this.floats.get(name)?.finish() ?? this.ints.get(name)!.finish());
    }
    return out;
  }
}

function must<T>(value: T | undefined, table: string, name: string): T {
  if (value === undefined) throw new Error(`${table} has no column ${name} of that type`);
  return value;
}

/** Hands back one shared copy of each repeated string (crime types, months, codes), so a million rows hold a few dozen strings. */
export class Interner {
  private readonly seen = new Map<string, string>();
  get(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const own = ownCopy(text);
    this.seen.set(own, own);
    return own;
  }
}

/**
 * A string that shares no memory with a larger one. A cell read from a file
 * is a slice of the several-MB text it was parsed from, and in V8 a kept slice
 * keeps that whole text alive: a million kept Crime IDs held the entire
 * decoded file. Prepending a character and slicing it off again makes V8
 * flatten the cell into its own small buffer. (Below 13 characters V8 copies
 * substrings anyway.)
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
