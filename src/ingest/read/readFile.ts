/**
 * Entry points for the import: pick a reader from the file's name and first
 * bytes, check its size, and stream its rows to the caller as string cells.
 * Pure TS on Blob APIs (slice, arrayBuffer, text): runs in a Web Worker and in
 * Node 20. Never FileReader or the DOM.
 */
import { readDelimited } from './csv/readDelimited.ts';
import { readGeoJson } from './geojson.ts';
import { checkSize } from './limits.ts';
import { readParquet } from './parquet.ts';
import { extensionOf, planRead, SNIFF_BYTES, type Plan } from './sniff.ts';
import { ReadError, throwIfAborted, type NamedBlob, type RawChunk, type ReadOptions, type ReadSummary, type ReaderOptions, type SourceFormat } from './types.ts';
import { readXlsx } from './xlsx.ts';

export { MAX_FILE_BYTES, MAX_BYTES_BY_FORMAT, formatBytes } from './limits.ts';
export { ReadError, DEFAULT_CHUNK_ROWS } from './types.ts';
export type { RawChunk, ReadOptions, ReadSummary, SourceFormat } from './types.ts';

/** Rows shown by previewFile when the caller does not say. */
export const DEFAULT_PREVIEW_ROWS = 100;

/**
 * Reads the whole file, passing rows to options.onChunk (awaited, in file
 * order). Resolves with what was read and plain-English notes; rejects with a
 * ReadError (message for the resident) or, when options.signal aborts, a
 * DOMException named 'AbortError'.
 */
export async function readFile(file: NamedBlob, options: ReadOptions): Promise<ReadSummary> {
  return run(file, { ...options, notes: [] });
}

/**
 * Reads only the first `rows` data rows (all of them for a short file), for
 * the column-mapping step. CSV and Parquet stop reading early; Excel and
 * GeoJSON have to be parsed whole first. In the returned summary `dataRows`
 * is the number of rows in the preview, not in the file. The preview is one
 * chunk: its row numbers are exact unless blank rows were skipped inside it.
 */
export async function previewFile(
  file: NamedBlob,
  rows: number = DEFAULT_PREVIEW_ROWS,
  /** The sheet and header row to preview (detected when not given), and a cancel. */
  choice: Pick<ReadOptions, 'sheet' | 'headerRow' | 'signal'> = {},
): Promise<{ chunk: RawChunk; summary: ReadSummary }> {
  const maxRows = Math.max(1, Math.floor(rows));
  let chunk: RawChunk | undefined;
  let header: string[] = [];
  const summary = await run(file, {
    ...choice,
    maxRows,
    notes: [],
    chunkRows: maxRows,
    onHeader: (names) => (header = names),
    onChunk: (next) => {
      if (!chunk) chunk = { ...next, rows: [...next.rows] };
      else chunk.rows.push(...next.rows);
    },
  });
  // A file with column names but no rows gives no chunk; the mapping step still needs the names.
  return { chunk: chunk ?? { header, rows: [], firstRow: (summary.headerRow ?? 1) + 1 }, summary };
}

async function run(file: NamedBlob, options: ReaderOptions): Promise<ReadSummary> {
  throwIfAborted(options.signal);
  // Limits are checked before a single byte is read (format guessed from the name), then again
  // once the first bytes have shown the real format (a workbook renamed .csv gets the Excel limit).
  checkSize(file.name, file.size, formatFromName(file.name));
  if (file.size === 0) {
    throw new ReadError(`The file is empty: "${file.name}" has nothing in it (0 bytes). Check you chose the right file and that it was saved properly.`);
  }
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  throwIfAborted(options.signal);
  const plan = planRead(file.name, head);
  checkSize(file.name, file.size, formatOf(plan));
  const withNotes: ReaderOptions = { ...options, notes: [...options.notes, ...plan.notes] };
  switch (plan.kind) {
    case 'xlsx':
      return readXlsx(file, withNotes, plan.zipNamedAsText);
    case 'geojson':
      return readGeoJson(file, withNotes);
    case 'parquet':
      return readParquet(file, withNotes);
    case 'text':
      return readDelimited(file, plan, withNotes);
  }
}

function formatFromName(name: string): SourceFormat {
  const ext = extensionOf(name);
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'parquet') return 'parquet';
  return ext === 'tsv' || ext === 'tab' ? 'tsv' : 'csv';
}

function formatOf(plan: Plan): SourceFormat {
  if (plan.kind === 'text') return plan.tabByName ? 'tsv' : 'csv';
  return plan.kind;
}

