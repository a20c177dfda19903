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
}

export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'geojson' | 'parquet';

export interface ReadSummary {
  format: SourceFormat;
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: string;
  dataRows: number;
  columns: number;
  sheet?: string;
  sheets?: string[];
  /** Plain English, one sentence or two each, for the import report. */
  notes: string[];
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
