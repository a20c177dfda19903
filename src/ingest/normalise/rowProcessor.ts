import type { EvidenceTable } from '../schemas.ts';
import type { Columns, NormalisedDataset } from './types.ts';

/**
 * Turns one kind of file's rows into its evidence tables. `row` checks
 * everything first and writes only when the row is still accepted (the
 * IssueLog knows), so a rejected row leaves no trace in any table.
 */
export interface RowProcessor {
  row(row: string[], rowNumber: number): void;
  finish(): Partial<Record<EvidenceTable, Columns>>;
  /**
   * Hand over the rows so far and start afresh (police files only: their rows
   * are independent, so a million of them can leave in batches instead of all
   * being held to the end). Undefined where rows depend on later ones.
   */
  drain?(): Partial<Record<EvidenceTable, Columns>>;
  /** Rows accepted since the last drain. */
  pending?(): number;
  /** Survey responses kept without a place, by channel (surveys only). */
  placeless?(): NonNullable<NormalisedDataset['placeless']>;
}
