import { Dictionary, Float64, Int32, Table, Utf8, type Vector, makeData, makeVector, tableToIPC } from 'apache-arrow';
import { NULL_INT } from './normalise/columns.ts';
import type { Columns } from './normalise/types.ts';

/** Text columns with at most this share of distinct values (and few enough of them) are dictionary-encoded. */
const DICTIONARY_SHARE = 0.5;
const DICTIONARY_MAX = 1 << 16;

/**
 * Pack evidence-table columns as an Arrow IPC stream for DuckDB
 * (insertArrowFromIPCStream) and for storage. Text is Utf8, repeated text
 * (crime types, months, codes, the dataset id) dictionary-encoded; numbers
 * Float64 with NaN written as null; Int32 as is, NULL_INT written as null. Column order is kept.
 */
export function columnsToArrowIPC(columns: Columns): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) {
    vectors[name] = values instanceof Float64Array ? floatVector(values) : values instanceof Int32Array ? intVector(values) : textVector(values);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/** A validity bitmap (bit set = value present), or null when nothing is missing. */
function validity(length: number, isNull: (i: number) => boolean): { bitmap: Uint8Array | null; nulls: number } {
  let bitmap: Uint8Array | null = null;
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (!isNull(i)) continue;
    if (!bitmap) bitmap = new Uint8Array(Math.ceil(length / 8)).fill(0xff);
    bitmap[i >> 3]! &= ~(1 << (i & 7));
    nulls++;
  }
  return { bitmap, nulls };
}

function floatVector(values: Float64Array): Vector {
  const { bitmap, nulls } = validity(values.length, (i) => Number.isNaN(values[i]!));
  if (!bitmap) return makeVector(values);
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

function intVector(values: Int32Array): Vector {
  const { bitmap, nulls } = validity(values.length, (i) => values[i] === NULL_INT);
  if (!bitmap) return makeVector(values);
  return makeVector(makeData({ type: new Int32(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

function textVector(values: (string | null)[]): Vector {
  const distinct = distinctValues(values);
  if (distinct) return dictionaryVector(values, distinct);
  const { bitmap, nulls } = validity(values.length, (i) => values[i] === null);
  const { offsets, bytes } = encodeUtf8(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes }));
}

/** Each distinct text's index, or null when there are too many for a dictionary to pay. */
function distinctValues(values: (string | null)[]): Map<string, number> | null {
  const limit = Math.min(DICTIONARY_MAX, Math.floor(values.length * DICTIONARY_SHARE));
  // Ids are distinct from the start: a small sample says so without filling a large map first.
  const sample = new Set(values.slice(0, 2048));
  if (sample.size > Math.max(limit, 2048 * DICTIONARY_SHARE)) return null;
  const seen = new Map<string, number>();
  for (const v of values) {
    if (v === null || seen.has(v)) continue;
    if (seen.size >= limit) return null;
    seen.set(v, seen.size);
  }
  return seen;
}

function dictionaryVector(values: (string | null)[], distinct: Map<string, number>): Vector {
  const indices = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    indices[i] = v === null || v === undefined ? 0 : distinct.get(v)!;
  }
  const words = [...distinct.keys()];
  const { offsets, bytes } = encodeUtf8(words);
  const dictionary = makeVector(makeData({ type: new Utf8(), length: words.length, nullCount: 0, valueOffsets: offsets, data: bytes }));
  const { bitmap, nulls } = validity(values.length, (i) => values[i] === null);
  return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: indices, dictionary }));
}

const encoder = new TextEncoder();
/** Anything beyond printable ASCII, tab and line breaks (other control characters just take the slower path). */
const NON_ASCII = /[^\t\n\r -~]/;
/** Well under V8's longest string (about 500 million characters). */
const MAX_JOINED = 100_000_000;

/**
 * Utf8 offsets and bytes for a list of strings (null as empty). Otherwise
 * written into one growing buffer: ASCII byte by byte, anything else through
 * TextEncoder.
 */
function encodeUtf8(values: (string | null)[]): { offsets: Int32Array; bytes: Uint8Array } {
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i]?.length ?? 0;
    offsets[i + 1] = total;
  }
  // All-ASCII text (the usual case) is one native encode of the joined text, offsets being character counts.
  if (total < MAX_JOINED) {
    const joined = values.join('');
    if (!NON_ASCII.test(joined)) return { offsets, bytes: encoder.encode(joined) };
  }
  let bytes = new Uint8Array(Math.max(64, values.length * 16));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v) {
      // A UTF-16 unit needs at most 3 bytes of UTF-8.
      if (at + v.length * 3 > bytes.length) {
        const bigger = new Uint8Array(Math.max(bytes.length * 2, at + v.length * 3));
        bigger.set(bytes.subarray(0, at));
        bytes = bigger;
      }
      let j = 0;
      for (; j < v.length; j++) {
        const c = v.charCodeAt(j);
        if (c >= 0x80) break;
        bytes[at + j] = c;
      }
      at += j < v.length ? encoder.encodeInto(v, bytes.subarray(at)).written : j;
    }
    offsets[i + 1] = at;
  }
  return { offsets, bytes: bytes.slice(0, at) };
}
