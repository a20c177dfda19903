/**
 * Finds the header row of a table whose first rows may be a title, a logo
 * row, notes or blank lines (a SmartSurvey export, a council workbook with
 * "Ward survey 2024" in A1). Pure: rows in, candidates out.
 *
 * Each of the first rows is scored as a header would look:
 * - many distinct non-empty text cells (names, not numbers or dates);
 * - the rows below are about as wide as it is (a table starts here);
 * - the row above is not a row of the same width (that would make this row
 *   data inside the table, not its first line).
 * Numbers, dates and repeated cells count against a row. Ties go to the
 * earlier row, so an ordinary file keeps row 1.
 */
import type { HeaderCandidate } from '../importProtocol.ts';

/** Rows scored as possible headers (non-blank rows, from the top). */
export const HEADER_SCAN_ROWS = 30;
/** Rows looked at below a candidate to see whether a table follows. */
const LOOK_BELOW = 10;
/** A candidate keeps at most this many cells, each at most CELL_CHARS long: enough to show, small enough to post. */
const CANDIDATE_CELLS = 100;
const CELL_CHARS = 200;

export interface NumberedRow {
  /** 1-based file (or sheet) row. */
  row: number;
  cells: readonly string[];
}

const NUMBER = /^[-+(]?[£$€]?\s?\d[\d,. ]*%?\)?$/;
const DATE = /^(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{4}-\d{2}(-\d{2})?)([ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?Z?)?$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?$/;

/** A number, a date or a time: values, never column names. */
export function isValueLike(text: string): boolean {
  const t = text.trim();
  return NUMBER.test(t) || DATE.test(t) || TIME.test(t);
}

function filledCount(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/** `filled[i]` is the number of filled cells of rows[i], counted once (rows can be 50,000 cells wide). */
function scoreRow(rows: readonly NumberedRow[], filled: readonly number[], i: number): number {
  const row = rows[i]!;
  const seen = new Set<string>();
  let values = 0;
  let repeats = 0;
  for (const raw of row.cells) {
    const text = raw.trim();
    if (text === '') continue;
    if (isValueLike(text)) values++;
    else if (seen.has(text.toLowerCase())) repeats++;
    else seen.add(text.toLowerCase());
  }
  const width = filled[i]!;
  if (width === 0) return 0;
  const texts = seen.size;
  // A table follows when the rows below fill at least half as many cells (at least 2 for a wide row).
  const need = Math.max(1, Math.min(2, width), Math.ceil(width / 2));
  const below = filled.slice(i + 1, i + 1 + LOOK_BELOW);
  // Nothing below: a file of column names only (the first row), or the last row of a table (never its header).
  const belowFit = below.length === 0 ? (i === 0 ? 0.5 : 0) : below.filter((n) => n >= need).length / below.length;
  // Data rows sit right under a row of the same shape; the header sits under a title, a blank or nothing.
  const above = rows[i - 1];
  const insideTable = above !== undefined && above.row === row.row - 1 && filled[i - 1]! >= Math.max(1, Math.ceil(width / 2));
  const score = (texts + 0.5) * (0.3 + 0.7 * belowFit) * (insideTable ? 0.5 : 1) - 2 * values - 0.5 * repeats;
  return Math.round(score * 100) / 100;
}

/**
 * Scores the first HEADER_SCAN_ROWS rows of `rows` (non-blank rows in file
 * order; more rows after them let the last candidates be judged) and returns
 * them best first. Candidate cells are cut to the first 100 cells of at most
 * 200 characters each, for display.
 */
export function detectHeader(rows: readonly NumberedRow[]): HeaderCandidate[] {
  const candidates: HeaderCandidate[] = [];
  const scanned = Math.min(rows.length, HEADER_SCAN_ROWS);
  const filled = rows.slice(0, scanned + LOOK_BELOW).map((r) => filledCount(r.cells));
  for (let i = 0; i < scanned; i++) {
    const row = rows[i]!;
    const score = scoreRow(rows, filled, i);
    const cells = row.cells.slice(0, CANDIDATE_CELLS).map((c) => (c.length > CELL_CHARS ? `${c.slice(0, CELL_CHARS - 1)}…` : c));
    candidates.push({ row: row.row, cells, score });
  }
  return candidates.sort((a, b) => b.score - a.score || a.row - b.row);
}
