import type { HeaderCandidate } from '../importProtocol.ts';

/**
 * Shared shapes for the file readers: they turn a user's file (CSV/TSV, Excel,
 * GeoJSON, Parquet) into chunks of string cells, without touching the DOM, so
 * they run the same in a Web Worker and in Node (tests).
 */

export interface RawChunk {
  header: string[];
  rows: string[][];
  /**
   * File row number of rows[0]: header is row 1, so the first data row is 2
   * (for Excel: the sheet row number). Rows in a chunk are consecutive file
   * rows: rows[i] is row firstRow + i. A skipped blank row ends a chunk, so
   * the numbering never drifts from what a spreadsheet would show.
   */
  firstRow: number;
  /**
   * Numbers in this file use a decimal comma ("51,40412" in a semicolon file);
   * decided once by the reader from the delimiter and the first rows, and the
   * same on every chunk. Absent for formats with typed numbers.
   */
  decimalComma?: boolean;
}

export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'geojson' | 'parquet';

export interface ReadSummary {
  format: SourceFormat;
  encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  delimiter?: string;
  dataRows: number;
  columns: number;
  sheet?: string;
  sheets?: string[];
  /** Plain English, one sentence or two each, for the import report. */
  notes: string[];
  /** CSV/TSV and Excel: the file (sheet) row used as the header, detected unless ReadOptions.headerRow chose it. */
  headerRow?: number;
  /** CSV/TSV and Excel: the first rows scored as headers, best first (see headerDetect.ts). */
  headerCandidates?: HeaderCandidate[];
  /** Rows below the data that look like notes ("Source: …", "Total"), not imported; also said in `notes`. */
  rowsBelowData?: { row: number; text: string }[];
  /** The numbers were read with a decimal comma (see RawChunk.decimalComma). */
  decimalComma?: boolean;
}

/** A problem with the user's file. The message is plain English for a resident: what is wrong and what to do. */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

export interface ReadOptions {
  onChunk(chunk: RawChunk): void | Promise<void>;
  /** Fraction (0–1) of the file's bytes processed so far. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  /** Rows per chunk; default DEFAULT_CHUNK_ROWS. */
  chunkRows?: number;
  /** Excel only: sheet name to read; the first sheet by default. */
  sheet?: string;
  /**
   * CSV/TSV and Excel: the file (or sheet) row number of the header, counting
   * from 1 as a spreadsheet does. Rows above it are skipped with a note; data
   * rows keep their file row numbers. Undefined: row 1 (GeoJSON and Parquet
   * have real field names and ignore it).
   */
  headerRow?: number;
}

export const DEFAULT_CHUNK_ROWS = 20_000;

/** How long a reader may run before letting the worker handle other messages (a 'cancel'). */
const YIELD_EVERY_MS = 50;

/**
 * Lets the event loop run (a macrotask, not a microtask: only then can a
 * worker receive a 'cancel' message) once YIELD_EVERY_MS have passed since
 * the last time, then throws if the read was cancelled meanwhile.
 */
export class Yielder {
  private last = performance.now();
  constructor(private readonly signal: AbortSignal | undefined) {}

  async maybe(): Promise<void> {
    if (performance.now() - this.last >= YIELD_EVERY_MS) {
      await nextTask();
      this.last = performance.now();
    }
    throwIfAborted(this.signal);
  }
}

/**
 * Resolve in a new task. A MessageChannel message, not setTimeout(0): browsers
 * clamp chained timeouts to 4 ms, which over a 1,000,000-row read added up to
 * a noticeable share of the import; a posted message is queued behind any
 * 'cancel' already waiting, so cancelling still works.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** A named file as the readers see it (a File, or a Blob given a name in tests). */
export type NamedBlob = Blob & { name: string };

/**
 * What every reader receives. `maxRows` lets previewFile stop early; readers
 * that can (CSV, Parquet) then avoid reading the rest of the file.
 */
export interface ReaderOptions extends ReadOptions {
  maxRows?: number;
  /** Notes found before the reader ran (e.g. "named .csv but is an Excel workbook"). */
  notes: string[];
  /** Called once with the (unique) column names, even when no rows follow. */
  onHeader?(header: string[]): void;
}

/** The error cancelling throws: a DOMException named AbortError, as fetch() does. */
export function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
