import type { EvidenceTable } from '../schemas.ts';
import { isSubHeaderRow, SUB_HEADER_NOTE } from '../map/formTools.ts';
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
  let firstDataRow = true;
  // Survey and street-rep rows are few enough to remember whole; police files have their own Crime ID and fingerprint checks.
  const seenRows = options.kind === 'police' ? null : new Map<string, number>();
  const noIdentity = options.mapping.id === undefined && options.mapping.collected_on === undefined && options.mapping.visit_id === undefined;

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
        if (firstDataRow) {
          firstDataRow = false;
          if (isSubHeaderRow(row)) {
            log.noteOnce(SUB_HEADER_NOTE);
            continue;
          }
        }
        const n = chunk.firstRow + i;
        log.startRow(n);
        const earlier = seenRows ? sameRowAs(seenRows, row, n) : -1;
        if (earlier >= 0) {
          log.reject(undefined, `This row is the same as row ${earlier} in every cell, so it was counted once${noIdentity ? ' (if two people really gave the same answers, add an id or date column to tell them apart)' : ''}.`, 'duplicate');
        } else processor.row(row, n);
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
        ...(processor.placeless ? { placeless: processor.placeless() } : {}),
      };
      return finished;
    },
  };
}

/** The earlier row this one repeats cell for cell (trailing blank cells aside), or -1 after remembering it. */
function sameRowAs(seen: Map<string, number>, row: string[], n: number): number {
  let end = row.length;
  while (end > 0 && (row[end - 1] ?? '').trim() === '') end--;
  const key = row.slice(0, end).map((c) => c.trim()).join('\u0000');
  const earlier = seen.get(key);
  if (earlier !== undefined) return earlier;
  seen.set(key, n);
  return -1;
}

/** One line of the report as a person reads it: "Row 14, column 'Date': the date '31/02/2024' isn't a real date." */
export function describeIssue(issue: { row: number; column?: string; reason: string }): string {
  const where = issue.column ? `Row ${issue.row}, column '${issue.column}'` : `Row ${issue.row}`;
  const reason = /^[A-Z][a-z]/.test(issue.reason) ? issue.reason.charAt(0).toLowerCase() + issue.reason.slice(1) : issue.reason;
  return `${where}: ${reason}`;
}
