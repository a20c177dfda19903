import type { RowIssue } from '../schemas.ts';

/** Distinct "read as" notes kept; the rest are counted in one line. */
const MAX_INTERPRETATIONS = 200;

/**
 * The validation report as rows go by. A row's alterations are held until
 * the row is finished: if it is rejected only the rejection is listed (the
 * alterations no longer matter). Interpretations that apply to many rows
 * alike ('F' read as 'Female') are summarised once with a count instead.
 */
export class IssueLog {
  readonly issues: RowIssue[] = [];
  notListed = 0;
  read = 0;
  accepted = 0;
  rejected = 0;
  altered = 0;
  outside = 0;
  duplicates = 0;
  private row = 0;
  private readonly pending: { column: string | undefined; reason: string }[] = [];
  private pendingCount = 0;
  private rejection: { column: string | undefined; reason: string; listed: boolean } | null = null;
  private readonly interpretations = new Map<string, { count: number; firstRow: number }>();
  private interpretationsDropped = 0;
  private readonly fileNotes: string[] = [];
  private readonly noted = new Set<string>();

  constructor(private readonly maxIssues: number) {}

  startRow(row: number): void {
    this.row = row;
    this.pendingCount = 0;
    this.rejection = null;
    this.read++;
  }

  get currentRow(): number {
    return this.row;
  }

  get isRejected(): boolean {
    return this.rejection !== null;
  }

  alter(column: string | undefined, reason: string): void {
    const slot = this.pending[this.pendingCount];
    if (slot) {
      slot.column = column;
      slot.reason = reason;
    } else this.pending.push({ column, reason });
    this.pendingCount++;
  }

  /**
   * Reject the current row; only the first reason is kept. `listed = false`
   * counts it without a line of its own, for rows the caller summarises in
   * one note (a whole police force's file: the other councils' rows).
   */
  reject(column: string | undefined, reason: string, cause?: 'outside' | 'duplicate', listed = true): void {
    if (this.rejection) return;
    this.rejection = { column, reason, listed };
    if (cause === 'outside') this.outside++;
    else if (cause === 'duplicate') this.duplicates++;
  }

  /** Close the current row; true when it was accepted. */
  endRow(): boolean {
    if (this.rejection) {
      this.rejected++;
      if (this.rejection.listed) this.list(this.rejection.column, 'rejected', this.rejection.reason);
      return false;
    }
    this.accepted++;
    if (this.pendingCount > 0) {
      this.altered++;
      for (let i = 0; i < this.pendingCount; i++) {
        const p = this.pending[i]!;
        this.list(p.column, 'altered', p.reason);
      }
    }
    return true;
  }

  private list(column: string | undefined, action: RowIssue['action'], reason: string): void {
    if (this.issues.length >= this.maxIssues) {
      this.notListed++;
      return;
    }
    this.issues.push(column === undefined ? { row: this.row, action, reason } : { row: this.row, column, action, reason });
  }

  /** Count one use of an interpretation ("Sex 'F' read as 'Female'") on the current row. */
  interpret(text: string): void {
    const known = this.interpretations.get(text);
    if (known) known.count++;
    else if (this.interpretations.size < MAX_INTERPRETATIONS) this.interpretations.set(text, { count: 1, firstRow: this.row });
    else this.interpretationsDropped++;
  }

  /** A file-wide note, said once however often it is raised. */
  noteOnce(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.fileNotes.push(text);
  }

  notes(): string[] {
    const out = [...this.fileNotes];
    for (const [text, { count, firstRow }] of this.interpretations) {
      out.push(`${text} (${count.toLocaleString('en-GB')} ${count === 1 ? 'row' : 'rows'}, first on row ${firstRow}).`);
    }
    if (this.interpretationsDropped > 0) out.push(`${this.interpretationsDropped.toLocaleString('en-GB')} more values were read in similar ways.`);
    return out;
  }
}
