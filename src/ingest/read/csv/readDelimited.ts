/**
 * Reads CSV/TSV text a slice at a time: bytes → text (encoding chosen from the
 * bytes, see decoder.ts) → records (tokenizer.ts) → chunks of rows.
 *
 * Row numbering follows what a spreadsheet shows when it opens the file: every
 * record is one row, including blank ones, and a cell holding line breaks
 * stays on the row where it starts. Blank records (an empty line, or a line of
 * empty cells such as ",,,") are skipped but still counted, so "row 57" in a
 * later report is row 57 when the resident opens the file in Excel. Where the
 * table starts and ends (title rows above, notes below) is layout.ts's job.
 */
import { TableLayout } from '../layout.ts';
import { ReadError, throwIfAborted, Yielder, type NamedBlob, type ReadSummary, type ReaderOptions } from '../types.ts';
import { ProgressiveDecoder, safeCut, startsWithUtf16Bom, startsWithUtf8Bom, Utf16Decoder } from './decoder.ts';
import { DELIMITER_NAMES, sniffDelimiter, type Delimiter } from './delimiter.ts';
import { CsvTokenizer } from './tokenizer.ts';

/** Bytes read per slice: big enough to keep per-slice overhead small, small enough to keep memory modest. */
export const SLICE_BYTES = 4 * 1024 * 1024;
/** No real row is this long; beyond it the file is not a table (or a quote was never closed). */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;
const SNIFF_CHARS = 64 * 1024;

export interface DelimitedPlan {
  tabByName: boolean;
  utf16?: 'utf-16le' | 'utf-16be';
}

const NUL = /\0/g;

export async function readDelimited(file: NamedBlob, plan: DelimitedPlan, options: ReaderOptions): Promise<ReadSummary> {
  const { signal, onProgress } = options;
  const notes = [...options.notes];
  const size = file.size;
  if (size === 0) {
    throw new ReadError(`The file is empty: "${file.name}" has nothing in it (0 bytes). Check you chose the right file and that it was saved properly.`);
  }
  // Excel's "Unicode Text" is tab-separated whatever the file is called.
  const expected: Delimiter = plan.tabByName || plan.utf16 ? '\t' : ',';
  const decoder = plan.utf16 ? new Utf16Decoder(plan.utf16) : new ProgressiveDecoder();
  const yielder = new Yielder(signal);

  let delimiter: Delimiter | undefined;
  let tokenizer: CsvTokenizer | undefined;
  let layout: TableLayout | undefined;
  let rowNumber = 0;
  let firstReplacedRow: number | undefined;
  let lastRecord: string[] = [];
  // Stray NUL characters (a damaged export) are removed cell by cell once one has been seen.
  let nulsSeen = false;
  let nulCount = 0;
  let nulRows = 0;
  let firstNulRow = 0;

  const onRecord = (cells: string[]): void => {
    rowNumber++;
    lastRecord = cells;
    if (nulsSeen) {
      let inRow = 0;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        if (!cell.includes('\0')) continue;
        const cleaned = cell.replace(NUL, '');
        inRow += cell.length - cleaned.length;
        cells[i] = cleaned;
      }
      if (inRow > 0) {
        nulCount += inRow;
        if (nulRows++ === 0) firstNulRow = rowNumber;
      }
    }
    if (decoder.replacedInvalidBytes && firstReplacedRow === undefined && cells.some((cell) => cell.includes('\uFFFD'))) {
      firstReplacedRow = rowNumber;
    }
    layout!.add(cells, rowNumber);
  };

  // Slices are cut after a line break (safeCut), so each decodes on its own and usually holds whole
  // records. Only a record still open at the cut (a quoted cell with line breaks, or a very long line)
  // is carried over as text: joining strings makes a slower "cons" string, so it is kept rare.
  let carry = '';
  let position = 0;
  let complete = false;
  while (position < size) {
    await yielder.maybe();
    const end = Math.min(size, position + SLICE_BYTES);
    const last = end === size;
    const bytes = new Uint8Array(await file.slice(position, end).arrayBuffer());
    let start = 0;
    if (position === 0 && (plan.utf16 ? startsWithUtf16Bom(bytes, plan.utf16) : startsWithUtf8Bom(bytes))) {
      notes.push('The file started with a byte-order mark; it was ignored.');
      start = plan.utf16 ? 2 : 3;
    }
    // UTF-16 is cut on an even byte (its decoder carries a split character over); UTF-8 after a line break.
    const cut = last ? bytes.length : plan.utf16 ? bytes.length - (bytes.length % 2) : Math.max(start + 1, safeCut(bytes));
    position += cut;
    const slice = bytes.subarray(start, cut);
    const decoded = decoder instanceof Utf16Decoder ? decoder.decode(slice, last) : decoder.decode(slice);
    if (!nulsSeen && decoded.includes('\0')) nulsSeen = true;
    const text = carry === '' ? decoded : carry + decoded;
    if (!tokenizer) {
      delimiter = sniffDelimiter(text.slice(0, SNIFF_CHARS).replace(NUL, ''), last && text.length <= SNIFF_CHARS, expected);
      tokenizer = new CsvTokenizer(delimiter);
      layout = new TableLayout(options, notes, 'file', delimiter);
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
    await layout!.drain();
    onProgress?.(position / size);
    if (last) complete = true;
    if (layout!.full) break;
  }
  throwIfAborted(signal);

  if (!layout || rowNumber === 0 || layout.isEmpty) {
    throw new ReadError(`The file is empty: "${file.name}" contains only blank lines. Check you chose the right file and that it was saved properly.`);
  }
  const found = await layout.finish(complete);

  if (decoder.encoding === 'windows-1252') {
    notes.push("The text was not valid UTF-8, so it was read as Windows-1252 (Excel's usual encoding).");
  } else if (decoder.encoding !== 'utf-8') {
    notes.push(`The text was saved as UTF-16 (Excel's "Unicode Text"); it was read correctly.`);
  } else if (decoder.replacedInvalidBytes) {
    const where = firstReplacedRow === undefined ? 'Some characters' : `Some characters (first on row ${firstReplacedRow})`;
    notes.push(`${where} were not valid UTF-8 and are shown as "\uFFFD". If names look wrong, save the file again as "CSV UTF-8" and import it again.`);
  }
  if (nulCount > 0) {
    const rows = nulRows === 1 ? `row ${firstNulRow}` : `${nulRows.toLocaleString('en-GB')} rows, first on row ${firstNulRow}`;
    notes.push(`The file held ${nulCount === 1 ? '1 stray NUL character' : `${nulCount.toLocaleString('en-GB')} stray NUL characters`} (invisible zero bytes, on ${rows}); they were removed.`);
  }
  if (delimiter && delimiter !== expected) {
    notes.push(`The columns were separated by ${DELIMITER_NAMES[delimiter]}, not ${DELIMITER_NAMES[expected]}; they were read correctly.`);
  }
  if (found.decimalComma) notes.push('Numbers are written with a decimal comma (as in 51,40412), so they were read that way.');

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding: decoder.encoding,
    delimiter,
    dataRows: layout.dataRows,
    columns: found.header.length,
    notes,
    headerRow: found.headerRow,
    headerCandidates: found.headerCandidates,
    ...(found.rowsBelowData.length > 0 ? { rowsBelowData: found.rowsBelowData } : {}),
    ...(found.decimalComma ? { decimalComma: true } : {}),
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
