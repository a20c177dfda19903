/**
 * Reads CSV/TSV text a slice at a time: bytes → text (encoding chosen from the
 * bytes, see decoder.ts) → records (tokenizer.ts) → chunks of rows.
 *
 * Row numbering follows what a spreadsheet shows when it opens the file: every
 * record is one row, including blank ones, and a cell holding line breaks
 * stays on the row where it starts. Blank records (an empty line, or a line of
 * empty cells such as ",,,") are skipped but still counted, so "row 57" in a
 * later report is row 57 when the resident opens the file in Excel.
 */
import { RowChunker } from '../chunker.ts';
import { makeHeaderUnique } from '../header.ts';
import { ReadError, throwIfAborted, type NamedBlob, type ReadSummary, type ReaderOptions } from '../types.ts';
import { ProgressiveDecoder, safeCut, startsWithUtf8Bom } from './decoder.ts';
import { DELIMITER_NAMES, sniffDelimiter, type Delimiter } from './delimiter.ts';
import { CsvTokenizer } from './tokenizer.ts';

/** Bytes read per slice: big enough to keep per-slice overhead small, small enough to keep memory modest. */
export const SLICE_BYTES = 4 * 1024 * 1024;
/** No real row is this long; beyond it the file is not a table (or a quote was never closed). */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;
const SNIFF_CHARS = 64 * 1024;

export interface DelimitedPlan {
  tabByName: boolean;
}

export async function readDelimited(file: NamedBlob, plan: DelimitedPlan, options: ReaderOptions): Promise<ReadSummary> {
  const { signal, onProgress } = options;
  const notes = [...options.notes];
  const size = file.size;
  if (size === 0) {
    throw new ReadError(`The file is empty: "${file.name}" has nothing in it (0 bytes). Check you chose the right file and that it was saved properly.`);
  }
  const expected: Delimiter = plan.tabByName ? '\t' : ',';
  const decoder = new ProgressiveDecoder();

  let delimiter: Delimiter | undefined;
  let tokenizer: CsvTokenizer | undefined;
  let header: string[] | undefined;
  let headerRow = 0;
  let chunker: RowChunker | undefined;
  let rowNumber = 0;
  let pendingBlankRows = 0;
  let skippedBlankRows = 0;
  let firstReplacedRow: number | undefined;
  let lastRecord: string[] = [];

  const onRecord = (cells: string[]): void => {
    rowNumber++;
    lastRecord = cells;
    if (cells.every((cell) => cell === '')) {
      if (header) pendingBlankRows++;
      return;
    }
    if (decoder.replacedInvalidBytes && firstReplacedRow === undefined && cells.some((cell) => cell.includes('\uFFFD'))) {
      firstReplacedRow = rowNumber;
    }
    if (!header) {
      const unique = makeHeaderUnique(cells);
      header = unique.header;
      headerRow = rowNumber;
      if (unique.note) notes.push(unique.note);
      chunker = new RowChunker(header, options);
      return;
    }
    skippedBlankRows += pendingBlankRows;
    pendingBlankRows = 0;
    chunker!.add(cells, rowNumber);
  };

  // Slices are cut after a line break (safeCut), so each decodes on its own and usually holds whole
  // records. Only a record still open at the cut (a quoted cell with line breaks, or a very long line)
  // is carried over as text: joining strings makes a slower "cons" string, so it is kept rare.
  let carry = '';
  let position = 0;
  while (position < size) {
    throwIfAborted(signal);
    const end = Math.min(size, position + SLICE_BYTES);
    const last = end === size;
    const bytes = new Uint8Array(await file.slice(position, end).arrayBuffer());
    let start = 0;
    if (position === 0 && startsWithUtf8Bom(bytes)) {
      notes.push('The file started with a byte-order mark; it was ignored.');
      start = 3;
    }
    const cut = last ? bytes.length : Math.max(start + 1, safeCut(bytes));
    position += cut;
    const decoded = decoder.decode(bytes.subarray(start, cut));
    const text = carry === '' ? decoded : carry + decoded;
    if (!tokenizer) {
      delimiter = sniffDelimiter(text.slice(0, SNIFF_CHARS), last && text.length <= SNIFF_CHARS, expected);
      tokenizer = new CsvTokenizer(delimiter);
    }
    const result = tokenizer.tokenize(text, last, onRecord);
    carry = result.consumed === text.length ? '' : text.slice(result.consumed);
    if (carry.length > MAX_RECORD_CHARS) throw tooLongRecord(rowNumber + 1, carry);
    if (result.unclosedQuote) {
      // Harmless only when the open quote is on the last line: then just the file's final line break is in the cell.
      const openCell = (lastRecord.at(-1) ?? '').replace(/[\r\n]+$/, '');
      if (/[\r\n]/.test(openCell)) throw unclosedQuote(rowNumber);
      lastRecord[lastRecord.length - 1] = openCell;
      notes.push(`Row ${rowNumber} has a quote mark (") that is never closed; the rest of that row was read as one cell.`);
    }
    if (chunker) await chunker.drain();
    onProgress?.(position / size);
    if (chunker?.full) break;
  }
  throwIfAborted(signal);

  if (!header || !chunker) {
    throw new ReadError(`The file is empty: "${file.name}" contains only blank lines. Check you chose the right file and that it was saved properly.`);
  }
  await chunker.finish();

  if (decoder.encoding === 'windows-1252') {
    notes.push("The text was not valid UTF-8, so it was read as Windows-1252 (Excel's usual encoding).");
  } else if (decoder.replacedInvalidBytes) {
    const where = firstReplacedRow === undefined ? 'Some characters' : `Some characters (first on row ${firstReplacedRow})`;
    notes.push(`${where} were not valid UTF-8 and are shown as "\uFFFD". If names look wrong, save the file again as "CSV UTF-8" and import it again.`);
  }
  if (delimiter && delimiter !== expected) {
    notes.push(`The columns were separated by ${DELIMITER_NAMES[delimiter]}, not ${DELIMITER_NAMES[expected]}; they were read correctly.`);
  }
  if (headerRow > 1) notes.push(`The column names were found on row ${headerRow}; the rows above them were blank.`);
  if (skippedBlankRows > 0) {
    notes.push(`${skippedBlankRows === 1 ? '1 blank row was' : `${skippedBlankRows.toLocaleString('en-GB')} blank rows were`} skipped; row numbers still match the file.`);
  }
  if (chunker.dataRows === 0) notes.push('The file has column names but no rows.');

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding: decoder.encoding,
    delimiter,
    dataRows: chunker.dataRows,
    columns: header.length,
    notes,
  };
}

function unclosedQuote(row: number): ReadError {
  return new ReadError(
    `Row ${row} has a quote mark (") that is never closed, so everything after it would run into one cell. ` +
      `Open the file in a text editor, fix the quote marks on row ${row}, and try again.`,
  );
}

function tooLongRecord(row: number, text: string): ReadError {
  if (text.includes('"')) return unclosedQuote(row);
  return new ReadError(
    `Row ${row} is longer than 16 million characters, so this does not look like a table of data. Check you chose the right file.`,
  );
}
