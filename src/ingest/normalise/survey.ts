import { KEEP_WITHOUT_PLACE, type ReconcilableField, type ValueCount } from '../importProtocol.ts';
import { NO_CHANNEL_GIVEN, VENUE_WITHOUT_PLACE, channelOf } from '../reconcile/channels.ts';
import type { EvidenceTable } from '../schemas.ts';
import { parseDate } from '../validate/dates.ts';
import { normaliseAgeBand, normaliseEthnicity, normaliseSex } from '../validate/demographics.ts';
import { type ValueResult, quote } from '../validate/result.ts';
import { type FieldColumn, cell, fieldColumn } from './cells.ts';
import { Interner, NULL_INT, TableBuilder } from './columns.ts';
import type { IssueLog } from './issueLog.ts';
import { Locator, type Placement, venueKey } from './location.ts';
import type { RowProcessor } from './rowProcessor.ts';
import { ChoiceReader, type RankedChoice } from './surveyChoices.ts';
import type { Columns, NormalisedDataset, NormaliseOptions } from './types.ts';
import { ValueChooser, chosenOutReason } from './valueChoices.ts';

export const AMBIGUOUS_DATE_NOTE = 'Dates like 03/04/2025 were read day first (UK order: 3 April 2025); if the file writes the month first, import it again choosing month-first dates.';

export const UNRANKED_NOTE = 'The choices are ticked boxes, not a ranking: each is kept without a rank, so it counts as chosen (and in the top three) but never as a first choice.';

/**
 * Survey rows → survey_responses (one per response) and survey_choices (one
 * per kept choice, at the rank the person gave it). A response with no place
 * (online, phone, post or paper, or none given) is kept without one: it
 * counts in priorities and in who answered, but is not on the map.
 */
export class SurveyProcessor implements RowProcessor {
  private readonly responses: TableBuilder;
  private readonly choices: TableBuilder;
  private readonly locator: Locator;
  private readonly chooser: ValueChooser;
  private readonly choiceReader: ChoiceReader;
  private readonly ids = new Map<string, number>();
  private readonly interner = new Interner();
  private readonly col: Record<'id' | 'date' | 'venue' | 'channel' | 'age' | 'sex' | 'ethnicity' | 'text', FieldColumn>;
  private readonly ranked: RankedChoice[] = [];
  private readonly noPlace = new Map<string, ValueCount>();
  private noPlaceCount = 0;
  private readonly listedVenues: Set<string>;

  constructor(private readonly options: NormaliseOptions, private readonly log: IssueLog) {
    const { header, mapping } = options;
    const at = (f: Parameters<typeof fieldColumn>[2]): FieldColumn => fieldColumn(header, mapping, f);
    this.col = {
      id: at('id'), date: at('collected_on'), venue: at('venue'), channel: at('channel'), age: at('age_band'),
      sex: at('sex'), ethnicity: at('ethnicity'), text: at('free_text'),
    };
    this.chooser = new ValueChooser(options.values);
    const optionColumns = Object.entries(mapping.choiceColumns ?? {}).map(([name, option]) => ({ column: { index: header.indexOf(name), name }, option }));
    this.choiceReader = new ChoiceReader(at, at('choices'), this.chooser, log, mapping.choicesRanked !== false, optionColumns);
    if ((mapping.choicesRanked === false && at('choices').index >= 0) || optionColumns.length > 0) log.noteOnce(UNRANKED_NOTE);
    this.responses = new TableBuilder('survey_responses', { dataset: options.datasetId });
    this.choices = new TableBuilder('survey_choices', { dataset: options.datasetId });
    this.locator = new Locator(options);
    this.listedVenues = new Set([...(options.venues?.keys() ?? [])].map(venueKey));
    if (this.col.id.index < 0) log.noteOnce("No id column: each response is named after its row ('row-2', 'row-3', …).");
  }

  row(row: string[], n: number): void {
    const log = this.log;
    const id = this.responseId(row, n);
    if (log.isRejected) return;
    this.choiceReader.read(row, this.ranked);
    if (log.isRejected) return;
    const where = this.place(row);
    if (where === null) return;
    const channel = this.channel(row, where.channel);
    if (log.isRejected) return;
    const collectedOn = this.date(row);
    if (log.isRejected) return;
    const age = this.demographic(row, this.col.age, 'age_band', normaliseAgeBand, 'Age band');
    const sex = this.demographic(row, this.col.sex, 'sex', normaliseSex, 'Sex');
    const ethnicity = this.demographic(row, this.col.ethnicity, 'ethnicity', normaliseEthnicity, 'Ethnicity');
    if (log.isRejected) return;

    const place = where.place;
    if (!place) this.countNoPlace(channel ?? (where.venue !== null ? VENUE_WITHOUT_PLACE : NO_CHANNEL_GIVEN), n);
    const r = this.responses;
    r.int('source_row').push(n);
    r.text('id').push(id);
    r.text('collected_on').push(collectedOn);
    r.float('lon').push(place ? place.lon : NaN);
    r.float('lat').push(place ? place.lat : NaN);
    r.text('lsoa_code').push(place ? place.lsoa_code : null);
    r.text('ward_code').push(place ? place.ward_code : null);
    r.text('venue').push(where.venue === null ? null : this.interner.get(where.venue));
    r.text('channel').push(channel === null ? null : this.interner.get(channel));
    r.text('age_band').push(age);
    r.text('sex').push(sex);
    r.text('ethnicity').push(ethnicity);
    // Comments are kept exactly as written inside (commas, quotes, line breaks); only the outer spaces go.
    r.text('free_text').push(cell(row, this.col.text) || null);
    for (const { theme, rank } of this.ranked) {
      this.choices.text('response_id').push(id);
      this.choices.text('theme').push(theme);
      this.choices.int('rank').push(rank ?? NULL_INT);
    }
    this.ids.set(id, n);
  }

  finish(): Partial<Record<EvidenceTable, Columns>> {
    if (this.noPlaceCount > 0) {
      const parts = [...this.noPlace.values()].sort((a, b) => b.count - a.count).map((c) => `${c.raw} ${c.count.toLocaleString('en-GB')}`);
      const count = this.noPlaceCount.toLocaleString('en-GB');
      this.log.noteOnce(`${count} ${this.noPlaceCount === 1 ? 'response has' : 'responses have'} no place (${parts.join(', ')}): ${this.noPlaceCount === 1 ? 'it is' : 'they are'} counted in the priorities and in who answered, but not shown on the map.`);
    }
    return { survey_responses: this.responses.finish(), survey_choices: this.choices.finish() };
  }

  placeless(): NonNullable<NormalisedDataset['placeless']> {
    return { count: this.noPlaceCount, channels: [...this.noPlace.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow) };
  }

  private countNoPlace(label: string, n: number): void {
    this.noPlaceCount++;
    const known = this.noPlace.get(label);
    if (known) known.count++;
    else this.noPlace.set(label, { raw: label, count: 1, firstRow: n });
  }

  private responseId(row: string[], n: number): string {
    const given = cell(row, this.col.id);
    const id = given === '' ? `row-${n}` : given;
    if (given === '' && this.col.id.index >= 0) this.log.alter(this.col.id.name, `No id; '${id}' is used.`);
    const earlier = this.ids.get(id);
    if (earlier !== undefined) this.log.reject(this.col.id.name, `The id ${quote(id)} is already used on row ${earlier}, so this response was counted once.`, 'duplicate');
    return id;
  }

  /**
   * The row's place, or no place (kept unmapped), or null when rejected. The
   * venue goes through the person's choice first: a list venue places the
   * row, 'keep without a place' keeps it unmapped, and a venue that names a
   * channel ('Online', 'By phone') is a channel, not a venue.
   */
  private place(row: string[]): { place: Placement | null; venue: string | null; channel: string | null } | null {
    const log = this.log;
    const raw = cell(row, this.col.venue);
    let venue: string | null = raw === '' ? null : raw;
    let channel: string | null = null;
    let keep = false;
    if (raw !== '') {
      const chosen = this.chooser.choice('venue', raw);
      if (chosen === null) {
        log.reject(this.col.venue.name, chosenOutReason('venue', raw));
        return null;
      }
      const named = channelOf(raw, 'venue');
      if (chosen === KEEP_WITHOUT_PLACE) keep = true;
      else if (chosen !== undefined) venue = chosen;
      else if (named && !this.listedVenues.has(venueKey(raw))) keep = true;
      if (keep && named) {
        channel = named;
        venue = null;
      }
    }
    // The Locator reads the venue cell: give it the chosen venue, or none when the row is kept without one.
    const seen = keep || (venue !== null && venue !== raw) ? withCell(row, this.col.venue.index, keep ? '' : (venue ?? '')) : row;
    if (!this.locator.hasLocation(seen)) {
      if (keep && raw !== '' && !channel) log.interpret(`Venue ${quote(raw)} kept without a place (as you chose)`);
      else if (channel) log.interpret(`Venue ${quote(raw)} read as the channel '${channel}': kept without a place`);
      return { place: null, venue, channel };
    }
    const place = this.locator.place(seen, log);
    if (!place) return null;
    if (venue !== null && venue !== raw) log.interpret(`Venue ${quote(raw)} read as '${venue}' (as you chose)`);
    return { place, venue, channel };
  }

  /** The channel as chosen or recognised ('web' → 'Online'); the venue's channel when the column is blank. */
  private channel(row: string[], fromVenue: string | null): string | null {
    const raw = cell(row, this.col.channel);
    if (raw === '') return fromVenue;
    const chosen = this.chooser.choice('channel', raw);
    if (chosen === null) {
      this.log.reject(this.col.channel.name, chosenOutReason('channel', raw));
      return null;
    }
    if (chosen !== undefined) return chosen;
    const named = channelOf(raw);
    if (named && named !== raw) this.log.interpret(`Channel ${quote(raw)} read as '${named}'`);
    return named ?? raw;
  }

  /** An impossible or unreadable date rejects the row, unless the person chose to keep such rows undated. */
  private date(row: string[]): string | null {
    const text = cell(row, this.col.date);
    if (text === '') return null;
    const date = parseDate(text, this.options.dateOrder ?? 'dmy');
    if ('error' in date) {
      if (this.options.keepImpossibleDatesUndated) this.log.alter(this.col.date.name, `${date.error} The row was kept without a date, as you chose.`);
      else this.log.reject(this.col.date.name, `${date.error} Correct it in the file, or choose to keep such rows without a date.`);
      return null;
    }
    if (date.ambiguous) this.log.noteOnce(AMBIGUOUS_DATE_NOTE);
    return date.value;
  }

  private demographic<T extends string>(row: string[], column: FieldColumn, field: ReconcilableField, rule: (text: string) => ValueResult<T | null>, label: string): T | null {
    const raw = cell(row, column);
    if (raw === '') return null;
    const chosen = this.chooser.choice(field, raw);
    if (chosen === null) {
      this.log.reject(column.name, chosenOutReason(field, raw));
      return null;
    }
    const result = rule(chosen ?? raw);
    if ('error' in result) {
      this.log.alter(column.name, `${result.error} It was left blank.`);
      return null;
    }
    if (chosen !== undefined && chosen !== raw) this.log.interpret(`${label} ${quote(raw)} read as '${result.value ?? 'not given'}' (as you chose)`);
    else if (result.altered) this.log.interpret(`${label} ${result.altered}`);
    return result.value;
  }
}

/** A copy of the row with one cell replaced (the row itself is the reader's and stays as read). */
function withCell(row: string[], index: number, value: string): string[] {
  if (index < 0) return row;
  const copy = row.slice();
  copy[index] = value;
  return copy;
}
