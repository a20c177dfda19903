import { OTHER_THEME } from '../importProtocol.ts';
import { CHOICE_FIELDS } from '../map/fields.ts';
import { isTickMark, splitChoices } from '../validate/choices.ts';
import { quote } from '../validate/result.ts';
import { matchTheme } from '../validate/themes.ts';
import { type FieldColumn, cell } from './cells.ts';
import type { IssueLog } from './issueLog.ts';
import { type ValueChooser, chosenOutReason } from './valueChoices.ts';

export const RANK_GAP_NOTE = "Some responses left an earlier choice blank: each choice keeps the rank it was given (a later choice never moves up), so those responses have no rank 1 (or no rank 2…).";

/** One kept choice: one of the eleven themes or 'Other', at its rank (null for ticked boxes, which have no order). */
export interface RankedChoice {
  theme: string;
  rank: number | null;
}

/**
 * Reads a response's ranked choices. A choice's rank is its position in the
 * person's answer (choice column 2 is rank 2; the third item of a list is
 * rank 3), so a blank or repeated choice never moves a later one up. A
 * choice that isn't one of the eleven themes is kept as 'Other' at its rank
 * and reported on its row, unless the values step mapped it to a theme or
 * chose to leave such rows out.
 */
export class ChoiceReader {
  private readonly columns: { column: FieldColumn; rank: number }[];
  /** Ranks of a ranked-list column start after the last choice column. */
  private readonly listOffset: number;

  constructor(
    fieldAt: (f: (typeof CHOICE_FIELDS)[number]) => FieldColumn,
    private readonly list: FieldColumn,
    private readonly chooser: ValueChooser,
    private readonly log: IssueLog,
    /** False when the list column holds ticked boxes in the form's order: its choices get no rank. */
    private readonly listRanked = true,
    /** One column per option (SurveyMonkey): each non-blank cell is that option ticked, with no rank. */
    private readonly options: { column: FieldColumn; option: string }[] = [],
  ) {
    this.columns = CHOICE_FIELDS.map((f, i) => ({ column: fieldAt(f), rank: i + 1 })).filter((c) => c.column.index >= 0);
    this.listOffset = this.columns.reduce((max, c) => Math.max(max, c.rank), 0);
    this.options = options.filter((o) => o.column.index >= 0);
  }

  /** The row's kept choices into `out` (cleared first); the row is rejected when it has none. */
  read(row: string[], out: RankedChoice[]): void {
    out.length = 0;
    let gap = false;
    let seenBlank = false;
    for (const { column, rank } of this.columns) {
      const text = cell(row, column);
      if (text === '') {
        seenBlank = true;
        continue;
      }
      if (seenBlank) gap = true;
      this.take(text, rank, column, out);
      if (this.log.isRejected) return;
    }
    const listText = cell(row, this.list);
    if (listText !== '') {
      splitChoices(listText).forEach((text, i) => {
        if (!this.log.isRejected) this.take(text, this.listRanked ? this.listOffset + i + 1 : null, this.list, out);
      });
      if (this.log.isRejected) return;
    }
    for (const { column, option } of this.options) {
      const text = cell(row, column);
      if (text === '') continue;
      this.take(isTickMark(text) ? option : text, null, column, out);
      if (this.log.isRejected) return;
    }
    if (out.length === 0) {
      const column = this.list.index >= 0 ? this.list.name : (this.columns[0]?.column.name ?? this.options[0]?.column.name);
      this.log.reject(column, 'No choices given.');
      return;
    }
    const firstRanked = out.find((c) => c.rank !== null);
    if (gap || (firstRanked && firstRanked.rank !== 1)) this.log.noteOnce(RANK_GAP_NOTE);
  }

  private take(raw: string, rank: number | null, column: FieldColumn, out: RankedChoice[]): void {
    const log = this.log;
    const chosen = this.chooser.choice('theme', raw);
    if (chosen === null) return log.reject(column.name, chosenOutReason('theme', raw));
    // A value that isn't one of the themes is reported on its row whatever becomes of it.
    const own = matchTheme(raw);
    const unknown = 'error' in own ? own.error : null;
    let theme: string = OTHER_THEME;
    let note: string | null = null;
    if (chosen !== undefined && chosen !== OTHER_THEME) {
      const matched = matchTheme(chosen);
      if ('value' in matched) theme = matched.value;
      if (!unknown && theme !== ('value' in own ? own.value : '')) note = `Theme ${quote(raw)} read as '${theme}' (as you chose)`;
    } else if (chosen === undefined && 'value' in own) {
      theme = own.value;
      if (own.altered) note = `Theme ${own.altered}`;
    } else if (!unknown) note = `Theme ${quote(raw)} kept as '${OTHER_THEME}' (as you chose)`;
    const earlier = out.find((c) => c.theme === theme);
    const label = rank === null ? 'A choice' : `Choice ${rank}`;
    if (earlier) {
      const what = unknown ? `${unknown.replace(/\.$/, '')}; '${theme}'` : `'${theme}'`;
      log.alter(column.name, earlier.rank === null ? `${label}: ${what} is already chosen, so it is counted once.` : `${label}: ${what} is already chosen at rank ${earlier.rank}, so it is counted once, there.`);
      return;
    }
    if (unknown) {
      const chose = chosen === undefined ? '' : ' (as you chose)';
      const at = rank === null ? ' (a ticked box, with no rank)' : ` at rank ${rank}`;
      log.alter(column.name, theme === OTHER_THEME ? `${label}: ${unknown} It was kept as '${OTHER_THEME}'${at}${chose}.` : `${label}: ${unknown} It was read as '${theme}'${at}${chose}.`);
    } else if (note) log.interpret(note);
    out.push({ theme, rank });
  }
}
