/**
 * Collects data rows into RawChunks of consecutive file rows and hands them to
 * onChunk, awaiting it (so a slow consumer, e.g. a database insert, holds the
 * reader back instead of letting rows pile up in memory).
 */
import { DEFAULT_CHUNK_ROWS, throwIfAborted, type RawChunk, type ReaderOptions } from './types.ts';

export class RowChunker {
  private rows: string[][] = [];
  private firstRow = 0;
  private ready: RawChunk[] = [];
  private readonly chunkRows: number;
  /** Data rows accepted so far (blank rows are not counted). */
  dataRows = 0;

  constructor(
    private readonly header: string[],
    private readonly options: Pick<ReaderOptions, 'onChunk' | 'onHeader' | 'signal' | 'chunkRows' | 'maxRows'>,
    /** Copied onto every chunk (RawChunk.decimalComma). */
    private readonly decimalComma?: boolean,
  ) {
    this.chunkRows = Math.max(1, Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS));
    options.onHeader?.(header);
  }

  /** True once previewFile's row budget is used up: the reader can stop. */
  get full(): boolean {
    return this.options.maxRows !== undefined && this.dataRows >= this.options.maxRows;
  }

  /** Adds the row found at file row `rowNumber`; a jump in numbering (a skipped blank row) starts a new chunk. */
  add(cells: string[], rowNumber: number): void {
    if (this.full) return;
    if (this.rows.length > 0 && rowNumber !== this.firstRow + this.rows.length) this.cut();
    if (this.rows.length === 0) this.firstRow = rowNumber;
    this.rows.push(cells);
    this.dataRows++;
    if (this.rows.length >= this.chunkRows) this.cut();
  }

  /** Passes finished chunks to onChunk; call between slices of input. */
  async drain(): Promise<void> {
    while (this.ready.length > 0) {
      throwIfAborted(this.options.signal);
      const chunk = this.ready.shift()!;
      await this.options.onChunk(chunk);
    }
  }

  /** Flushes the last partial chunk. */
  async finish(): Promise<void> {
    this.cut();
    await this.drain();
  }

  private cut(): void {
    if (this.rows.length === 0) return;
    const chunk: RawChunk = { header: this.header, rows: this.rows, firstRow: this.firstRow };
    if (this.decimalComma) chunk.decimalComma = true;
    this.ready.push(chunk);
    this.rows = [];
  }
}
