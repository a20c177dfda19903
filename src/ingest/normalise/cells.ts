import { columnFor, type Mapping, type MappableField } from '../map/fields.ts';

/** Where a mapped field's column sits in each row (-1 when not mapped or not in the header), and its name for messages. */
export interface FieldColumn {
  index: number;
  name: string | undefined;
}

export function fieldColumn(header: string[], mapping: Mapping, field: MappableField): FieldColumn {
  const name = columnFor(mapping, field);
  return { index: name === undefined ? -1 : header.indexOf(name), name };
}

/** A cell's trimmed text; '' when the column is missing or the row is short. */
export function cell(row: string[], column: FieldColumn | number): string {
  const index = typeof column === 'number' ? column : column.index;
  if (index < 0) return '';
  const value = row[index];
  return value === undefined ? '' : value.trim();
}

/** True when every cell of the row is blank (spreadsheets often end with a few). */
export function isBlankRow(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    // Most cells start with a visible character: skip trim() for those.
    if (value !== undefined && value !== '' && (value.charCodeAt(0) > 32 || value.trim() !== '')) return false;
  }
  return true;
}

/** Six decimal places is about 10 cm: enough for any point, and stable to compare. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
