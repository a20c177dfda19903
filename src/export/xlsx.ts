/**
 * A table as an Excel workbook: a cover sheet (title, what it is, the place,
 * sources and licences, method notes and caveats, the date, and the sample
 * label when the data are synthetic) then the data sheet, whose header row
 * is bold and frozen and whose number columns hold numbers, not text.
 * xlsxSheets is pure (and tested); xlsxBlob loads write-excel-file only when
 * someone asks for an Excel file, so the app's start-up code does not grow.
 */
import type { Cell, Sheet, SheetData } from 'write-excel-file/browser';
import { SAMPLE_LABEL } from '../ingest/schemas.ts';
import { longDate } from './mapImage/layout.ts';
import type { ExportCell, ExportTable } from './exportTable.ts';

export const COVER_SHEET = 'About this table';
export const DATA_SHEET = 'Data';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BOLD = { fontWeight: 'bold' } as const;
const LABEL_WIDTH = 24;
const TEXT_WIDTH = 100;

/** One data cell: numbers as Number cells (non-finite ones empty), text as String, null empty. */
function dataCell(value: ExportCell, numeric: boolean, percent: boolean): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number, ...(percent ? { format: '0.0%' } : {}) } : null;
  // A number column's text (e.g. "no data") stays text, right-aligned with the numbers.
  return numeric ? { value, type: String, align: 'right' } : { value, type: String };
}

/** Column widths in characters: wide enough for the header and the longest value seen, within limits. */
export function columnWidths(table: ExportTable): number[] {
  return table.columns.map((c, j) => {
    if (c.width) return c.width;
    let longest = c.label.length;
    for (const row of table.rows.slice(0, 500)) {
      const v = row[j];
      const n = v === null || v === undefined ? 0 : String(v).length;
      if (n > longest) longest = n;
    }
    return Math.min(60, Math.max(8, longest + 2));
  });
}

/** The cover sheet's rows: a label in column A, its text in column B (several lines for several sources or notes). */
export function coverData(table: ExportTable, made: Date): SheetData {
  const rows: SheetData = [[{ value: table.title, type: String, fontWeight: 'bold', fontSize: 14 }, null]];
  if (table.sample) rows.push([{ value: SAMPLE_LABEL, type: String, fontWeight: 'bold', textColor: '#b10e1e' }, null]);
  rows.push([null, null]);
  const add = (label: string, lines: readonly string[]) => {
    lines.forEach((line, i) => rows.push([i === 0 ? { value: label, type: String, ...BOLD } : null, { value: line, type: String, wrap: true }]));
  };
  add('What this is', [table.description]);
  if (table.place) add('Place', [table.place]);
  add('Rows', [`${table.rows.length.toLocaleString('en-GB')} on the sheet “${DATA_SHEET}”, one per line of the table, in the order shown on screen.`]);
  add('Sources and licences', table.sources.length ? table.sources : ['Not stated.']);
  if (table.notes.length) add('Method notes and caveats', table.notes);
  if (table.sample) add('Sample data', [`${SAMPLE_LABEL}: invented to show how the app works; not real residents’ answers or visits.`]);
  add('Made', [`${longDate(made)}, by Ward Insight in the browser (nothing was uploaded).`]);
  return rows;
}

/** The data sheet's rows: the bold header, then one row per table row. */
export function dataSheetData(table: ExportTable): SheetData {
  const header: Cell[] = table.columns.map((c) => ({ value: c.label, type: String, ...BOLD, ...(c.numeric || c.percent ? { align: 'right' as const } : {}) }));
  const body = table.rows.map((row) => table.columns.map((c, j) => dataCell(row[j] ?? null, Boolean(c.numeric || c.percent), Boolean(c.percent))));
  if (table.sample) body.push(table.columns.map(() => null), [{ value: SAMPLE_LABEL, type: String, ...BOLD }, ...table.columns.slice(1).map(() => null)]);
  return [header, ...body];
}

/** Both sheets as write-excel-file takes them. */
export function xlsxSheets(table: ExportTable, made = new Date()): Sheet<Blob>[] {
  return [
    { sheet: COVER_SHEET, data: coverData(table, made), columns: [{ width: LABEL_WIDTH }, { width: TEXT_WIDTH }] },
    { sheet: DATA_SHEET, data: dataSheetData(table), columns: columnWidths(table).map((width) => ({ width })), stickyRowsCount: 1 },
  ];
}

/** The workbook as a Blob; write-excel-file is loaded on first use. */
export async function xlsxBlob(table: ExportTable, made = new Date()): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(xlsxSheets(table, made), { fontFamily: 'Arial', fontSize: 11 }).toBlob();
}
