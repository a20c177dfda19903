import { readFile, previewFile } from './read/readFile.ts';
import type { RawChunk } from './read/types.ts';
import { guessKind, guessMapping } from './map/guessMapping.ts';
import { createNormaliser } from './normalise/createNormaliser.ts';
import { validateMapping } from './map/validateMapping.ts';
import { columnsToArrowIPC } from './arrowOut.ts';
import { swapWarningFor } from './swapCheck.ts';
import { decimalCommaToPoint } from './validate/numbers.ts';
import type { AreaLookup } from './areaLookup.ts';
import { fileFingerprint } from './fingerprint.ts';
import type { DatasetKind, DatasetMeta, EvidenceBytes, EvidenceTable } from './schemas.ts';
import type { Columns, NormalisedDataset } from './normalise/types.ts';
import type { ImportChoices, ImportCounts, ImportReport, PreviewResult } from './importProtocol.ts';

/** Rows per packed batch of a police file (~7 MB of Arrow each). */
const BATCH_ROWS = 100_000;

/** A failure the person can act on; the message is shown as it is. */
export class ImportError extends Error {}

/** Rows read for the preview and the mapping guess. */
const PREVIEW_ROWS = 200;

/**
 * First rows, the header row (detected unless `choice.headerRow` is given)
 * with the other rows that could be it, the guessed kind and column mapping,
 * and anything that would stop the import. Excel: `choice.sheet` (the first
 * sheet with data by default); summary.sheets lists them all.
 */
export async function previewImport(
  file: File,
  kind?: DatasetKind,
  choice: { sheet?: string; headerRow?: number; signal?: AbortSignal } = {},
): Promise<PreviewResult> {
  const { chunk, summary } = await previewFile(file, PREVIEW_ROWS, choice);
  // The checks read numbers with a decimal point; in a decimal-comma file they see the numbers as the import will read them.
  const sample = chunk.decimalComma ? chunk.rows.map((row) => row.map(decimalCommaToPoint)) : chunk.rows;
  const guess = guessMapping(kind ?? guessKind(chunk.header), chunk.header, sample);
  return {
    chunk,
    summary,
    guess,
    problems: validateMapping(guess.kind, guess.mapping, chunk.header, sample),
    swapWarning: swapWarningFor(guess.mapping, { ...chunk, rows: sample }),
    // GeoJSON and Parquet have field names, not a header row: row 1 stands for them.
    headerRow: summary.headerRow ?? 1,
    headerCandidates: summary.headerCandidates ?? [],
  };
}

export type Progress = (stage: string, fraction: number) => void;

/**
 * Read the whole file in chunks, map and validate every row, place points in
 * small areas and wards, and pack each evidence table as Arrow IPC for
 * DuckDB and for storage. Runs in the import worker (and in Node tests).
 */
export async function runImport(
  file: File,
  choices: ImportChoices,
  meta: DatasetMeta,
  lookup: AreaLookup,
  onProgress: Progress,
  signal?: AbortSignal,
  /** Rows per read chunk and per packed batch (tests use small ones). */
  tuning: { chunkRows?: number; batchRows?: number } = {},
): Promise<{ meta: DatasetMeta; tables: EvidenceBytes; report: ImportReport }> {
  const t0 = performance.now();
  // Hashed alongside the reading (Web Crypto works off this thread), one 8 MiB block at a time.
  const hashing = fileFingerprint(file, signal);
  hashing.catch(() => undefined);
  let normaliser: ReturnType<typeof createNormaliser> | null = null;
  const tables: EvidenceBytes = {};
  const pack = (done: Partial<Record<EvidenceTable, Columns>>) => {
    for (const [name, columns] of Object.entries(done) as [EvidenceTable, Columns][]) {
      if (Object.values(columns)[0]?.length) (tables[name] ??= []).push(columnsToArrowIPC(columns));
    }
  };
  const onChunk = (chunk: RawChunk) => {
    normaliser ??= createNormaliser({
      datasetId: meta.id,
      kind: choices.kind,
      mapping: choices.mapping,
      header: chunk.header,
      dateOrder: choices.dateOrder,
      swapLatLon: choices.swapLatLon,
      venues: choices.venues ? new Map(choices.venues) : undefined,
      locate: lookup.locate,
      areaOfCode: lookup.areaOfCode,
      placePostcode: lookup.placePostcode,
      lsoa2011: lookup.lsoa2011,
      fileName: meta.fileName,
      decimalComma: chunk.decimalComma,
      values: choices.values,
      keepImpossibleDatesUndated: choices.keepImpossibleDatesUndated,
    });
    normaliser.push(chunk);
    // Police rows leave in packed batches, so the worker never holds a million rows as JS values.
    if (normaliser.pending() >= (tuning.batchRows ?? BATCH_ROWS)) pack(normaliser.drain());
  };
  const read = await readFile(file, {
    onChunk,
    onProgress: (f) => onProgress('Reading and checking rows', f),
    signal,
    sheet: choices.sheet,
    headerRow: choices.headerRow,
    chunkRows: tuning.chunkRows,
  });
  if (!normaliser) throw new ImportError(read.dataRows === 0 ? 'The file has column names but no rows to import.' : 'The file has no rows to import.');
  const result = (normaliser as ReturnType<typeof createNormaliser>).finish();
  if (result.rowsAccepted === 0 && Object.keys(tables).length === 0) {
    const first = result.issues.slice(0, 3).map((i) => `row ${i.row}: ${i.reason}`).join('; ');
    throw new ImportError(`None of the ${result.rowsRead.toLocaleString('en-GB')} rows could be imported${first ? ` (for example ${first})` : ''}. Check the column choices and try again; nothing already loaded has changed.`);
  }
  onProgress('Packing the data', 0);
  pack(result.tables);
  onProgress('Packing the data', 1);
  const report: ImportReport = { fileName: meta.fileName, kind: choices.kind, read, ...countsOf(result), ms: { total: performance.now() - t0 } };
  return { meta: { ...meta, rows: result.rowsAccepted, contentHash: await hashing }, tables, report };
}

/** The report's share of the normaliser's result: counts and issues, never the tables themselves. */
function countsOf(r: NormalisedDataset): ImportCounts {
  const { rowsRead, rowsAccepted, rowsRejected, rowsAltered, outside, duplicates, issues, issuesNotListed, notes, placeless } = r;
  return { rowsRead, rowsAccepted, rowsRejected, rowsAltered, outside, duplicates, issues, issuesNotListed, notes, ...(placeless ? { placeless } : {}) };
}
