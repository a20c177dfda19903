import type { EvidenceTable } from '../schemas.ts';
import { isBlankRow } from './cells.ts';
import { IssueLog } from './issueLog.ts';
import { PoliceProcessor } from './police.ts';
import type { RowProcessor } from './rowProcessor.ts';
import { StreetRepProcessor } from './streetRep.ts';
import { SurveyProcessor } from './survey.ts';
import type { Columns, NormalisedDataset, NormaliseOptions, RawChunk } from './types.ts';

export type { Columns, LocatedArea, NormalisedDataset, NormaliseOptions, PlacedCode, RawChunk } from './types.ts';
export { validateMapping } from '../map/validateMapping.ts';

const DEFAULT_MAX_ISSUES = 10_000;

/**
 * Streams raw string rows (chunk by chunk, as the reader produces them)
 * through the column mapping and the value rules into the evidence tables,
 * keeping a validation report: every rejected or altered row with its file
 * row number, column and a plain-English reason.
 */
export function createNormaliser(options: NormaliseOptions): {
  push(chunk: RawChunk): void;
  finish(): NormalisedDataset;
  /** Rows ready to hand over in a batch (police files only; 0 otherwise). */
  pending(): number;
  /** Hand over the rows so far (see RowProcessor.drain); the final rows come with finish(). */
  drain(): Partial<Record<EvidenceTable, Columns>>;
} {
  const log = new IssueLog(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const processor: RowProcessor =
    options.kind === 'survey' ? new SurveyProcessor(options, log) : options.kind === 'street-rep' ? new StreetRepProcessor(options, log) : new PoliceProcessor(options, log);
  let blankRows = 0;
  let finished: NormalisedDataset | null = null;

  return {
    pending: () => processor.pending?.() ?? 0,
    drain: () => processor.drain?.() ?? {},
    push(chunk: RawChunk): void {
      if (finished) throw new Error('createNormaliser: push after finish');
      const rows = chunk.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (isBlankRow(row)) {
          blankRows++;
          continue;
        }
        const n = chunk.firstRow + i;
        log.startRow(n);
        processor.row(row, n);
        log.endRow();
      }
    },
    finish(): NormalisedDataset {
      if (finished) return finished;
      if (blankRows > 0) log.noteOnce(`${blankRows.toLocaleString('en-GB')} blank ${blankRows === 1 ? 'row was' : 'rows were'} skipped.`);
      const tables: Partial<Record<EvidenceTable, Columns>> = processor.finish();
      finished = {
        tables,
        issues: log.issues,
        issuesNotListed: log.notListed,
        notes: log.notes(),
        rowsRead: log.read,
        rowsAccepted: log.accepted,
        rowsRejected: log.rejected,
        rowsAltered: log.altered,
        outside: log.outside,
        duplicates: log.duplicates,
      };
      return finished;
    },
  };
}

/** One line of the report as a person reads it: "Row 14, column 'Date': the date '31/02/2024' isn't a real date." */
export function describeIssue(issue: { row: number; column?: string; reason: string }): string {
  const where = issue.column ? `Row ${issue.row}, column '${issue.column}'` : `Row ${issue.row}`;
  const reason = /^[A-Z][a-z]/.test(issue.reason) ? issue.reason.charAt(0).toLowerCase() + issue.reason.slice(1) : issue.reason;
  return `${where}: ${reason}`;
}
