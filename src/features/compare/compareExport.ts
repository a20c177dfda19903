import { compareCsv, compareFileName, compareRows, type Comparison } from '../../analysis/compareTable.ts';
import type { ExportCell, ExportTable } from '../../export/exportTable.ts';

const cell = (v: unknown): ExportCell => (typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'yes' : 'no') : null);

/**
 * The comparison table as a file: compareCsv's rows (the CSV the Compare tab
 * always wrote, its name kept), with every measure's source on the cover.
 */
export function compareExportTable(c: Comparison, method: string): ExportTable {
  const { header, rows } = compareCsv(c);
  const names = c.columns.filter((col) => !col.reference).map((col) => col.name);
  return {
    title: `Comparison of ${names.join(', ')} with ${c.columns.filter((col) => col.reference).map((col) => col.name).join(' and ') || 'their authority and England'}`,
    description: 'The areas compared, their authority and England, measure by measure: one row per measure, one column per area, and the source of each measure in the last column.',
    place: names.join(', '),
    columns: header.map((label, j) => ({ label, numeric: j >= 2 && j < header.length - 1 })),
    rows: rows.map((r) => r.map(cell)),
    sources: [...new Set(compareRows(c).map((r) => r.source))],
    notes: [method],
    sample: Boolean(c.sampleLabel),
    fileStem: compareFileName(c).replace(/\.csv$/, ''),
  };
}
