/**
 * Where the table is in a CSV file or an Excel sheet: which row is the header
 * (detected, or the one the person chose), what sits above it (a title, a
 * logo row, notes: skipped and named in a note) and what sits below the data
 * (notes, "Source: …", "Total": named with their rows and not imported, never
 * counted as rejected data). Every row keeps its file row number.
 *
 * The readers feed every record here in file order, blank ones included.
 * The first rows are held until the header can be scored; rows that look
 * like a note are held until a data row follows them (then they are data
 * after all) or the file ends (then they are notes below the data).
 */
import { RowChunker } from './chunker.ts';
import { makeHeaderUnique } from './header.ts';
import { detectHeader, HEADER_SCAN_ROWS, type NumberedRow } from './headerDetect.ts';
import { ReadError, type ReaderOptions } from './types.ts';
import type { HeaderCandidate } from '../importProtocol.ts';

/** Non-blank rows held before choosing the header: the scanned rows plus a few below the last one. */
const HOLD_ROWS = HEADER_SCAN_ROWS + 10;
/** A run of note-like rows longer than this is data (notes below a table are a few lines). */
const MAX_NOTE_ROWS = 50;
/** Words that start a line of notes or totals below a table. */
const NOTE_START = /^(sources?|notes?|nb|n\.b\.|totals?|grand total|sub-?totals?|produced|generated|exported|downloaded|created|copyright|©|\(c\)|\*)(\b|:|\s|$)/i;

export interface RowBelowData {
  row: number;
  text: string;
}

export interface LayoutResult {
  header: string[];
  headerRow: number;
  headerCandidates: HeaderCandidate[];
  rowsBelowData: RowBelowData[];
  /** Numbers in the data are written with a decimal comma (51,40412), decided from the delimiter and the first rows. */
  decimalComma: boolean;
}

/** A row's filled cells joined, cut short (to 60 characters for a note). */
function describeRow(cells: readonly string[], max = 60): string {
  const text = cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function filled(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c === '');

export class TableLayout {
  private held: NumberedRow[] = [];
  private heldAll: { row: number; cells: string[] }[] = [];
  private chunker: RowChunker | undefined;
  private header: string[] | undefined;
  private headerRow = 0;
  private candidates: HeaderCandidate[] = [];
  private above: NumberedRow[] = [];
  private pendingBlank = 0;
  private skippedBlank = 0;
  private noteLike: { row: number; cells: string[] }[] = [];
  /** Non-blank rows in noteLike. */
  private noteLikeFilled = 0;
  private decimalComma = false;

  constructor(
    private readonly options: ReaderOptions,
    private readonly notes: string[],
    /** 'file' for CSV, 'sheet' for Excel: the word used in notes. */
    private readonly where: 'file' | 'sheet',
    /** The column separator (CSV), for deciding whether numbers use a decimal comma. */
    private readonly delimiter?: string,
    /** Excel pads rows to the widest one: cut each row back to its last filled cell past the header. */
    private readonly trimPadding = false,
  ) {}

  get full(): boolean {
    return this.chunker?.full ?? false;
  }

  /** No non-blank row has been seen at all. */
  get isEmpty(): boolean {
    return this.header === undefined && this.held.length === 0;
  }

  get dataRows(): number {
    return this.chunker?.dataRows ?? 0;
  }

  /** One record at file row `rowNumber` (consecutive, blank ones included). */
  add(cells: string[], rowNumber: number): void {
    if (this.header === undefined) {
      this.heldAll.push({ row: rowNumber, cells });
      if (!isBlank(cells)) this.held.push({ row: rowNumber, cells });
      const wanted = this.options.headerRow;
      if (wanted !== undefined ? this.held.length >= HOLD_ROWS && rowNumber >= wanted : this.held.length >= HOLD_ROWS) this.choose();
      return;
    }
    this.addData(cells, rowNumber);
  }

  /** Passes finished chunks on (call between slices). */
  async drain(): Promise<void> {
    await this.chunker?.drain();
  }

  /** The end of the file (or of the preview, when `complete` is false: nothing is known about what follows). */
  async finish(complete: boolean): Promise<LayoutResult> {
    if (this.header === undefined) this.choose();
    const rowsBelowData = complete ? this.noteLike.filter((r) => !isBlank(r.cells)).map(({ row, cells }) => ({ row, text: describeRow(cells, 200) })) : [];
    if (rowsBelowData.length > 0) {
      const shown = rowsBelowData.slice(0, 20).map((r) => `row ${r.row} "${r.text.length > 60 ? `${r.text.slice(0, 59)}…` : r.text}"`).join('; ');
      const more = rowsBelowData.length > 20 ? `; and ${rowsBelowData.length - 20} more` : '';
      const count = rowsBelowData.length === 1 ? '1 row below the data looks' : `${rowsBelowData.length} rows below the data look`;
      this.notes.push(`${count} like notes, not data, so ${rowsBelowData.length === 1 ? 'it was' : 'they were'} not imported: ${shown}${more}.`);
    }
    await this.chunker!.finish();
    if (this.skippedBlank > 0) {
      const n = this.skippedBlank;
      this.notes.push(`${n === 1 ? '1 blank row was' : `${n.toLocaleString('en-GB')} blank rows were`} skipped; row numbers still match the ${this.where}.`);
    }
    if (this.chunker!.dataRows === 0) this.notes.push(`The ${this.where} has column names but no rows.`);
    return { header: this.header!, headerRow: this.headerRow, headerCandidates: this.candidates, rowsBelowData, decimalComma: this.decimalComma };
  }

  private choose(): void {
    this.candidates = detectHeader(this.held);
    const wanted = this.options.headerRow;
    if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1)) throw new ReadError(`Row ${wanted} cannot be the header: choose a row number from 1 up.`);
    const headerRow = wanted ?? this.candidates[0]?.row;
    if (headerRow === undefined) throw new ReadError(`The ${this.where} is empty: it contains only blank rows.`);
    const found = this.heldAll.find((r) => r.row === headerRow);
    if (!found) throw new ReadError(`The ${this.where} has only ${this.heldAll.at(-1)?.row ?? 0} rows, so row ${headerRow} cannot be the header. Choose an earlier row.`);
    if (isBlank(found.cells)) throw new ReadError(`Row ${headerRow} is blank, so it cannot be the header. Choose the row that holds the column names.`);
    const unique = makeHeaderUnique(this.trimPadding ? trimTrailing(found.cells, 0) : found.cells);
    if (unique.note) this.notes.push(unique.note);
    this.header = unique.header;
    this.headerRow = headerRow;
    this.above = this.held.filter((r) => r.row < headerRow);
    this.noteAbove();
    const after = this.heldAll.filter((r) => r.row > headerRow);
    this.decimalComma = decideDecimalComma(this.delimiter, after.map((r) => r.cells));
    this.chunker = new RowChunker(this.header, this.options, this.delimiter === undefined ? undefined : this.decimalComma);
    this.held = [];
    this.heldAll = [];
    for (const r of after) this.addData(r.cells, r.row);
  }

  private noteAbove(): void {
    const row = this.headerRow;
    if (row <= 1) return;
    if (this.above.length === 0) {
      this.notes.push(`The column names were found on row ${row}; the rows above them were blank.`);
      return;
    }
    const texts = this.above.slice(0, 3).map((r) => `"${describeRow(r.cells)}"`);
    const more = this.above.length > 3 ? `, and ${this.above.length - 3} more` : '';
    const rows = row === 2 ? 'Row 1' : `Rows 1–${row - 1}`;
    this.notes.push(`${rows}, above the header, ${row === 2 ? 'was' : 'were'} skipped: ${texts.join(', ')}${more}.`);
  }

  private addData(cells: string[], rowNumber: number): void {
    if (isBlank(cells)) {
      if (this.noteLike.length > 0) this.noteLike.push({ row: rowNumber, cells });
      else this.pendingBlank++;
      return;
    }
    const row = this.trimPadding ? trimTrailing(cells, this.header!.length) : cells;
    if (this.looksLikeNote(row)) {
      this.noteLike.push({ row: rowNumber, cells: row });
      if (++this.noteLikeFilled <= MAX_NOTE_ROWS) return;
    }
    this.flushNoteLike();
    this.toChunker(row, rowNumber);
  }

  /** Rows that looked like notes were followed by data: they are data rows after all. */
  private flushNoteLike(): void {
    const held = this.noteLike;
    this.noteLike = [];
    this.noteLikeFilled = 0;
    for (const r of held) {
      if (isBlank(r.cells)) this.pendingBlank++;
      else this.toChunker(r.cells, r.row);
    }
  }

  private toChunker(cells: string[], rowNumber: number): void {
    this.skippedBlank += this.pendingBlank;
    this.pendingBlank = 0;
    this.chunker!.add(cells, rowNumber);
  }

  /** One filled cell in the first column of a table at least 3 wide, or a line starting "Source", "Note", "Total"… */
  private looksLikeNote(cells: readonly string[]): boolean {
    const first = cells.findIndex((c) => c.trim() !== '');
    if (first < 0) return false;
    const n = filled(cells);
    if (NOTE_START.test(cells[first]!.trim()) && (n === 1 || /^(totals?|grand total|sub-?totals?)\b/i.test(cells[first]!.trim()) || first === 0)) return true;
    return n === 1 && first === 0 && this.header!.length >= 3;
  }
}

function trimTrailing(cells: string[], headerLength: number): string[] {
  let end = cells.length;
  while (end > headerLength && cells[end - 1] === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

const COMMA_DECIMAL = /^[-+]?\d+,\d+$/;
const POINT_DECIMAL = /^[-+]?\d+\.\d+$/;

/**
 * A file separated by semicolons or tabs whose first rows hold numbers like
 * "51,40412" and none like "51.40412" writes decimals with a comma (as Excel
 * does in most of Europe). A comma-separated file cannot: its commas split cells.
 */
export function decideDecimalComma(delimiter: string | undefined, rows: readonly (readonly string[])[]): boolean {
  if (delimiter === undefined || delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  for (const cells of rows) {
    for (const c of cells) {
      const t = c.trim();
      if (COMMA_DECIMAL.test(t)) comma++;
      else if (POINT_DECIMAL.test(t)) point++;
    }
  }
  return comma > 0 && point === 0;
}
