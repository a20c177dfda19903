import { CHOICE_FIELDS } from '../map/fields.ts';
import type { EvidenceTable } from '../schemas.ts';
import { splitChoices } from '../validate/choices.ts';
import { parseDate } from '../validate/dates.ts';
import { normaliseAgeBand, normaliseEthnicity, normaliseSex } from '../validate/demographics.ts';
import { type ValueResult, quote } from '../validate/result.ts';
import { matchTheme } from '../validate/themes.ts';
import { type FieldColumn, cell, fieldColumn } from './cells.ts';
import { Interner, TableBuilder } from './columns.ts';
import type { IssueLog } from './issueLog.ts';
import { Locator } from './location.ts';
import type { RowProcessor } from './rowProcessor.ts';
import type { Columns, NormaliseOptions } from './types.ts';

export const AMBIGUOUS_DATE_NOTE = 'Dates like 03/04/2025 were read day first (UK order: 3 April 2025); if the file writes the month first, import it again choosing month-first dates.';

/**
 * Survey rows → survey_responses (one per response) and survey_choices (one
 * per valid theme, rank 1 = first). Ranks count the valid choices in order,
 * so every accepted response has a rank 1 even when its first choice was
 * blank or not a theme (the report says which choice was left out).
 */
export class SurveyProcessor implements RowProcessor {
  private readonly responses: TableBuilder;
  private readonly choices: TableBuilder;
  private readonly locator: Locator;
  private readonly ids = new Map<string, number>();
  private readonly interner = new Interner();
  private readonly col: Record<'id' | 'date' | 'venue' | 'channel' | 'age' | 'sex' | 'ethnicity' | 'text' | 'list', FieldColumn>;
  private readonly choiceColumns: FieldColumn[];
  private readonly themes: string[] = [];

  constructor(private readonly options: NormaliseOptions, private readonly log: IssueLog) {
    const { header, mapping } = options;
    const at = (f: Parameters<typeof fieldColumn>[2]): FieldColumn => fieldColumn(header, mapping, f);
    this.col = {
      id: at('id'), date: at('collected_on'), venue: at('venue'), channel: at('channel'), age: at('age_band'),
      sex: at('sex'), ethnicity: at('ethnicity'), text: at('free_text'), list: at('choices'),
    };
    this.choiceColumns = CHOICE_FIELDS.map(at).filter((c) => c.index >= 0);
    this.responses = new TableBuilder('survey_responses', { dataset: options.datasetId });
    this.choices = new TableBuilder('survey_choices', { dataset: options.datasetId });
    this.locator = new Locator(options);
    if (this.col.id.index < 0) log.noteOnce("No id column: each response is named after its row ('row-2', 'row-3', …).");
  }

  row(row: string[], n: number): void {
    const log = this.log;
    const id = this.responseId(row, n);
    if (log.isRejected) return;
    this.readChoices(row);
    if (log.isRejected) return;
    const place = this.locator.place(row, log);
    if (!place) return;
    const collectedOn = this.date(row);
    const age = this.demographic(row, this.col.age, normaliseAgeBand, 'Age band');
    const sex = this.demographic(row, this.col.sex, normaliseSex, 'Sex');
    const ethnicity = this.demographic(row, this.col.ethnicity, normaliseEthnicity, 'Ethnicity');

    const r = this.responses;
    r.int('source_row').push(n);
    r.text('id').push(id);
    r.text('collected_on').push(collectedOn);
    r.float('lon').push(place.lon);
    r.float('lat').push(place.lat);
    r.text('lsoa_code').push(place.lsoa_code);
    r.text('ward_code').push(place.ward_code);
    r.text('venue').push(this.optional(row, this.col.venue));
    r.text('channel').push(this.optional(row, this.col.channel));
    r.text('age_band').push(age);
    r.text('sex').push(sex);
    r.text('ethnicity').push(ethnicity);
    r.text('free_text').push(cell(row, this.col.text) || null);
    this.themes.forEach((theme, i) => {
      this.choices.text('response_id').push(id);
      this.choices.text('theme').push(theme);
      this.choices.int('rank').push(i + 1);
    });
    this.ids.set(id, n);
  }

  finish(): Partial<Record<EvidenceTable, Columns>> {
    return { survey_responses: this.responses.finish(), survey_choices: this.choices.finish() };
  }

  private responseId(row: string[], n: number): string {
    const given = cell(row, this.col.id);
    const id = given === '' ? `row-${n}` : given;
    if (given === '' && this.col.id.index >= 0) this.log.alter(this.col.id.name, `No id; '${id}' is used.`);
    const earlier = this.ids.get(id);
    if (earlier !== undefined) this.log.reject(this.col.id.name, `The id ${quote(id)} is already used on row ${earlier}.`, 'duplicate');
    return id;
  }

  /** Valid themes in order into this.themes; rejects the row when none is usable. */
  private readChoices(row: string[]): void {
    const themes = this.themes;
    themes.length = 0;
    const unknown: string[] = [];
    let position = 0;
    const take = (text: string, column: FieldColumn): void => {
      position++;
      const theme = matchTheme(text);
      if ('error' in theme) {
        unknown.push(quote(text));
        this.log.alter(column.name, `Choice ${position}: ${theme.error} It was left out.`);
        return;
      }
      if (theme.altered) this.log.interpret(`Theme ${theme.altered}`);
      if (themes.includes(theme.value)) {
        this.log.alter(column.name, `'${theme.value}' is chosen more than once; only its first (rank ${themes.indexOf(theme.value) + 1}) is kept.`);
        return;
      }
      themes.push(theme.value);
    };
    for (const column of this.choiceColumns) {
      const text = cell(row, column);
      if (text !== '') take(text, column);
    }
    for (const text of splitChoices(cell(row, this.col.list))) take(text, this.col.list);
    if (themes.length > 0) return;
    const column = this.col.list.index >= 0 ? this.col.list.name : this.choiceColumns[0]?.name;
    this.log.reject(column, unknown.length > 0 ? `No recognised theme among the choices (${unknown.join(', ')}).` : 'No choices given.');
  }

  private date(row: string[]): string | null {
    const text = cell(row, this.col.date);
    if (text === '') return null;
    const date = parseDate(text, this.options.dateOrder ?? 'dmy');
    if ('error' in date) {
      this.log.alter(this.col.date.name, `${date.error} The date was left blank.`);
      return null;
    }
    if (date.ambiguous) this.log.noteOnce(AMBIGUOUS_DATE_NOTE);
    return date.value;
  }

  private demographic<T extends string>(row: string[], column: FieldColumn, rule: (text: string) => ValueResult<T | null>, label: string): T | null {
    const text = cell(row, column);
    if (text === '') return null;
    const result = rule(text);
    if ('error' in result) {
      this.log.alter(column.name, `${result.error} It was left blank.`);
      return null;
    }
    if (result.altered) this.log.interpret(`${label} ${result.altered}`);
    return result.value;
  }

  private optional(row: string[], column: FieldColumn): string | null {
    const text = cell(row, column);
    return text === '' ? null : this.interner.get(text);
  }
}
