/**
 * Excel .xlsx through read-excel-file's "universal" entry point: it reads a
 * Blob or ArrayBuffer and needs no DOM or Node APIs, so it runs in our import
 * worker and in Node tests alike. It has no streaming mode: the workbook is
 * unzipped and every sheet parsed in memory, hence the lower size limit
 * (limits.ts). All sheets are read in one pass because that is the only way
 * the library lists the sheet names.
 */
import readXlsxFile from 'read-excel-file/universal';
import { dateToIsoString, numberToPlainString } from './cells.ts';
import { TableLayout } from './layout.ts';
import { ReadError, throwIfAborted, Yielder, type NamedBlob, type ReadSummary, type ReaderOptions } from './types.ts';

interface SheetCells {
  sheet: string;
  data: unknown[][];
}

export async function readXlsx(file: NamedBlob, options: ReaderOptions, zipNamedAsText = false): Promise<ReadSummary> {
  const { signal, onProgress } = options;
  const notes = [...options.notes];
  let sheets: SheetCells[];
  try {
    // The library's cell type says `typeof Date` where it means a Date instance; cells are checked at run time anyway.
    sheets = (await readXlsxFile(file)) as unknown as SheetCells[];
  } catch (error) {
    throwIfAborted(signal);
    if (zipNamedAsText) {
      throw new ReadError(
        `"${file.name}" isn't a text CSV file — it looks like a ZIP archive. ` +
          'If it holds a CSV, Excel, GeoJSON or Parquet file, unzip it first and import that file.',
      );
    }
    throw new ReadError(
      `"${file.name}" could not be opened as an Excel workbook; it may be damaged or password-protected. ` +
        'Open it in Excel and save it again as .xlsx, or save the sheet you need as CSV and import that. ' +
        `(Details: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  throwIfAborted(signal);
  onProgress?.(0.8);
  if (zipNamedAsText) notes.push(`"${file.name}" is really an Excel workbook, not a text CSV file, so it was read as one.`);

  const names = sheets.map((s) => s.sheet);
  const chosen = chooseSheet(sheets, options.sheet, notes);
  if (sheets.length > 1 && options.sheet === undefined) {
    notes.push(`The workbook has ${sheets.length} sheets (${names.map((n) => `"${n}"`).join(', ')}); "${chosen.sheet}" was read. Choose another sheet if your data is elsewhere.`);
  }

  // read-excel-file returns the sheet from row 1, with empty rows in the middle kept as rows of nulls.
  const rows = chosen.data;
  if (!rows.some((row) => !isBlank(row))) throw new ReadError(`The sheet "${chosen.sheet}" in "${file.name}" is empty.`);
  // Rows come padded to the sheet's widest row: the layout cuts them back to the header's width, as in a CSV.
  const layout = new TableLayout(options, notes, 'sheet', undefined, true);
  const yielder = new Yielder(signal);
  let cells = 0;
  let index = 0;
  for (; index < rows.length && !layout.full; index++) {
    const row = rows[index]!;
    layout.add(row.map(excelCell), index + 1);
    // Yield by cells, not rows: a sheet may be 16,384 columns wide.
    cells += row.length;
    if (cells >= 200_000) {
      cells = 0;
      await layout.drain();
      await yielder.maybe();
      onProgress?.(0.8 + (0.2 * index) / rows.length);
    }
  }
  const found = await layout.finish(index >= rows.length);
  onProgress?.(1);
  return {
    format: 'xlsx',
    dataRows: layout.dataRows,
    columns: found.header.length,
    sheet: chosen.sheet,
    sheets: names,
    notes,
    headerRow: found.headerRow,
    headerCandidates: found.headerCandidates,
    ...(found.rowsBelowData.length > 0 ? { rowsBelowData: found.rowsBelowData } : {}),
  };
}

function chooseSheet(sheets: SheetCells[], wanted: string | undefined, notes: string[]): SheetCells {
  const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
  if (wanted !== undefined) {
    const found = sheets.find((s) => s.sheet === wanted) ?? sheets.find((s) => s.sheet.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!found) throw new ReadError(`The workbook has no sheet called "${wanted}". Its sheets are: ${names}.`);
    return found;
  }
  const first = sheets[0];
  if (!first) throw new ReadError('The workbook has no sheets.');
  if (first.data.some((row) => !isBlank(row))) return first;
  const withData = sheets.find((s) => s.data.some((row) => !isBlank(row)));
  if (!withData) throw new ReadError('Every sheet in the workbook is empty.');
  notes.push(`The first sheet, "${first.sheet}", is empty, so the sheet "${withData.sheet}" was read instead.`);
  return withData;
}

/**
 * One Excel value as text: dates → ISO (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with
 * a time), numbers → plain decimals rounded to Excel's 15 significant digits
 * (what Excel itself shows: 0.1+0.2 → "0.3"), TRUE/FALSE as Excel writes them.
 */
export function excelCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToIsoString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberToPlainString(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  return String(value);
}

function isBlank(row: unknown[]): boolean {
  return row.every((cell) => cell === null || cell === undefined || cell === '');
}
