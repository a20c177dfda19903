/**
 * One description of a table the app shows, for every way it leaves the
 * screen: "Download table: CSV · Excel" (ui/TableDownloads.tsx), the CSV
 * writer (export/csv.ts) and the Excel writer (export/xlsx.ts). The rows hold
 * the very values the screen formats (numbers as numbers, never pre-formatted
 * text), so the file and the screen cannot disagree. Pure.
 */
import { csvDocument, type CsvValue } from './csv.ts';
import { longDateIso, slug } from './mapImage/layout.ts';
import { SAMPLE_LABEL } from '../ingest/schemas.ts';

export type ExportCell = string | number | null;

export interface ExportColumn {
  label: string;
  /** A number column: right-aligned on screen, a number cell in Excel. */
  numeric?: boolean;
  /** A share from 0 to 1: written as the number (0.35), shown in Excel as a percentage (35.0%). */
  percent?: boolean;
  /** Excel column width in characters; from the header and values when not given. */
  width?: number;
}

export interface ExportTable {
  /** The table's title, as on screen ("IMD 2025 score: small areas in Leicester, worst first"). */
  title: string;
  /** What the table is, in a sentence a resident understands. */
  description: string;
  /** The place or area the table is about ("Leicester", "Norbiton ward"). */
  place?: string;
  columns: readonly ExportColumn[];
  /** One array per row in column order, the values the screen shows (before formatting). */
  rows: readonly (readonly ExportCell[])[];
  /** Source and licence lines. */
  sources: readonly string[];
  /** Method notes and caveats. */
  notes: readonly string[];
  /** The table shows the bundled synthetic sample. */
  sample?: boolean;
  /** File name without extension; ".csv" or ".xlsx" is added. */
  fileStem: string;
  /** Also write the notes at the end of the CSV, after a blank line (for files that always carried their method line). */
  notesInCsv?: boolean;
}

/** The file name for a table: its stem, with "-sample" for sample data, and the extension. */
export function tableFileName(table: ExportTable, ext: 'csv' | 'xlsx'): string {
  return `${table.fileStem}${table.sample && !/sample/i.test(table.fileStem) ? '-sample' : ''}.${ext}`;
}

/** A file stem "ward-insight-<what>-<area>-<date>" for tables and charts that had no name before. */
export function exportStem(what: string, area: string | undefined, date = new Date()): string {
  return ['ward-insight', slug(what, 60), area ? slug(area) : '', longDateIso(date)].filter(Boolean).join('-');
}

/** Rows the CSV writes: the header, the rows and, for sample data, the label after a blank line (as the method line in other files). */
export function csvRowsOf(table: ExportTable): { header: string[]; rows: CsvValue[][] } {
  const rows: CsvValue[][] = table.rows.map((r) => [...r]);
  if (table.notesInCsv && table.notes.length) rows.push([], ...table.notes.map((n) => [n]));
  if (table.sample) rows.push([], [SAMPLE_LABEL]);
  return { header: table.columns.map((c) => c.label), rows };
}

/** Columns for a header and its rows: a column is numeric when every value in it is a number or empty (and one is a number). */
export function columnsFor(header: readonly string[], rows: readonly (readonly ExportCell[])[]): ExportColumn[] {
  return header.map((label, j) => {
    const values = rows.map((r) => r[j] ?? null).filter((v) => v !== null);
    return { label, numeric: values.length > 0 && values.every((v) => typeof v === 'number') };
  });
}

/** The table as a CSV document (export/csv.ts rules: BOM, RFC 4180, formula-safe text). */
export function tableCsv(table: ExportTable): string {
  const { header, rows } = csvRowsOf(table);
  return csvDocument(header, rows);
}
