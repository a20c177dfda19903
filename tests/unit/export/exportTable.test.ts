import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import readXlsxFile from 'read-excel-file/node';
import { columnsFor, csvRowsOf, exportStem, tableCsv, tableFileName, type ExportTable } from '../../../src/export/exportTable.ts';
import { COVER_SHEET, DATA_SHEET, columnWidths, coverData, dataSheetData, xlsxSheets } from '../../../src/export/xlsx.ts';

const table: ExportTable = {
  title: 'IMD 2025 score: small areas in Leicester, worst first',
  description: 'Each small area’s score.',
  place: 'Leicester',
  columns: [{ label: 'Position', numeric: true }, { label: 'Small area' }, { label: 'Score', numeric: true }, { label: 'Share', percent: true }],
  rows: [
    [1, 'Leicester 022A', 61.234567, 0.35],
    [2, '=HYPERLINK("x")', -1.96, null],
    [null, 'Leicester 001A', null, Number.NaN],
  ],
  sources: ['Source: MHCLG, English Indices of Deprivation 2025, Open Government Licence v3.0.'],
  notes: ['Ranks are in England.'],
  fileStem: 'ward-insight-ranked-leicester-2026-12-02',
};
const made = new Date(2026, 11, 2);

describe('a table description → CSV', () => {
  it('writes the header and rows as they are, numbers as numbers and text made safe', () => {
    const { header, rows } = csvRowsOf(table);
    expect(header).toEqual(['Position', 'Small area', 'Score', 'Share']);
    expect(rows).toEqual(table.rows.map((r) => [...r]));
    const csv = tableCsv(table);
    expect(csv).toBe('\uFEFFPosition,Small area,Score,Share\r\n1,Leicester 022A,61.234567,0.35\r\n2,"\'=HYPERLINK(""x"")",-1.96,\r\n,Leicester 001A,,\r\n');
  });
  it('labels sample data after a blank line, and keeps notes only when asked', () => {
    expect(tableCsv({ ...table, sample: true }).endsWith('\r\n\r\nSAMPLE — synthetic data\r\n')).toBe(true);
    expect(tableCsv({ ...table, notesInCsv: true }).endsWith('\r\n\r\nRanks are in England.\r\n')).toBe(true);
    expect(tableCsv(table)).not.toContain('Ranks are');
  });
  it('names files by stem, marking sample files', () => {
    expect(tableFileName(table, 'csv')).toBe('ward-insight-ranked-leicester-2026-12-02.csv');
    expect(tableFileName({ ...table, sample: true }, 'xlsx')).toBe('ward-insight-ranked-leicester-2026-12-02-sample.xlsx');
    expect(exportStem('Crimes by month', 'Norbiton & Kingston', made)).toBe('ward-insight-crimes-by-month-norbiton-kingston-2026-12-02');
  });
  it('finds number columns from their values', () => {
    expect(columnsFor(['a', 'b', 'c'], [[1, 'x', null], [null, 'y', null]]).map((c) => c.numeric)).toEqual([true, false, false]);
  });
});

describe('a table description → Excel sheets', () => {
  it('has a cover sheet with the title, what it is, place, sources, notes and date', () => {
    const cover = coverData(table, made);
    const text = cover.map((r) => r.map((c) => (c && typeof c === 'object' && 'value' in c ? String(c.value) : c === null ? '' : String(c))).join('|'));
    expect(text[0]).toBe(`${table.title}|`);
    expect(text).toContain('What this is|Each small area’s score.');
    expect(text).toContain('Place|Leicester');
    expect(text).toContain(`Sources and licences|${table.sources[0]}`);
    expect(text).toContain('Method notes and caveats|Ranks are in England.');
    expect(text.some((t) => t.startsWith('Made|2 December 2026'))).toBe(true);
    expect(text.join('\n')).not.toContain('SAMPLE');
    expect(coverData({ ...table, sample: true }, made)[1]![0]).toMatchObject({ value: 'SAMPLE — synthetic data', fontWeight: 'bold' });
  });
  it('writes numbers as Number cells, empties as null, a bold header and percentages formatted', () => {
    const [header, first, second, third] = dataSheetData(table);
    expect(header!.every((c) => c !== null && typeof c === 'object' && (c as { fontWeight?: string }).fontWeight === 'bold')).toBe(true);
    expect(first).toEqual([
      { value: 1, type: Number },
      { value: 'Leicester 022A', type: String },
      { value: 61.234567, type: Number },
      { value: 0.35, type: Number, format: '0.0%' },
    ]);
    expect(second![1]).toEqual({ value: '=HYPERLINK("x")', type: String });
    expect(third).toEqual([null, { value: 'Leicester 001A', type: String }, null, null]);
  });
  it('freezes the header row and sizes the columns', () => {
    const [cover, data] = xlsxSheets(table, made);
    expect(cover!.sheet).toBe(COVER_SHEET);
    expect(data!.sheet).toBe(DATA_SHEET);
    expect(data!.stickyRowsCount).toBe(1);
    expect(columnWidths(table)).toEqual([10, 17, 11, 8]);
  });
  it('round-trips through write-excel-file and read-excel-file with the same numbers', async () => {
    const buffer = await writeXlsxFile(xlsxSheets(table, made)).toBuffer();
    const sheets = await readXlsxFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual([COVER_SHEET, DATA_SHEET]);
    expect(sheets[0]!.data[0]![0]).toBe(table.title);
    expect(sheets[1]!.data).toEqual([
      ['Position', 'Small area', 'Score', 'Share'],
      [1, 'Leicester 022A', 61.234567, 0.35],
      [2, '=HYPERLINK("x")', -1.96, null],
      [null, 'Leicester 001A', null, null],
    ]);
  });
});
