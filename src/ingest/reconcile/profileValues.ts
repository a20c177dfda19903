import type { ImportChoices, ReconcilableField, ValueCount, ValueGroup, ValueProfile } from '../importProtocol.ts';
import { columnFor } from '../map/fields.ts';
import { isSubHeaderRow } from '../map/formTools.ts';
import { isBlankRow } from '../normalise/cells.ts';
import { readFile } from '../read/readFile.ts';
import type { NamedBlob, RawChunk } from '../read/types.ts';
import { isTickMark, splitChoices } from '../validate/choices.ts';
import { NO_CHANNEL_GIVEN, channelOf, isPlacelessChannel } from './channels.ts';
import { clusterValues, optionsFor } from './cluster.ts';
import { type FieldSource, POINT_OR_CODE_FIELDS, RECONCILE_LABELS, fieldSources } from './fields.ts';

/** Distinct values listed per field; more are counted, not listed (a column of free text is not a category). */
export const MAX_DISTINCT_VALUES = 2_000;


/** Counts distinct values per field, up to MAX_DISTINCT_VALUES each. */
class Tally {
  readonly values = new Map<string, ValueCount>();
  /** Rows whose value was not listed because the cap was reached. */
  unlisted = 0;
  unlistedDistinct = new Set<string>();
  constructor(readonly source: FieldSource) {}
  add(raw: string, row: number): void {
    const known = this.values.get(raw);
    if (known) known.count++;
    else if (this.values.size < MAX_DISTINCT_VALUES) this.values.set(raw, { raw, count: 1, firstRow: row });
    else {
      this.unlisted++;
      if (this.unlistedDistinct.size < 100_000) this.unlistedDistinct.add(raw);
    }
  }
}

/**
 * Reads the whole file once and profiles every mapped categorical column for
 * the values step: each column's distinct raw values (trimmed, exactly as the
 * import will see them) with counts and first row, grouped and with one
 * proposed value per group (see clusterValues); and, for surveys, how many
 * rows have no place and would be kept unmapped, by channel.
 */
export async function profileValues(
  file: NamedBlob,
  choices: ImportChoices,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<ValueProfile> {
  const sources = fieldSources(choices.kind, choices.mapping);
  const tallies = sources.map((s) => new Tally(s));
  const placeless = new Map<string, ValueCount>();
  let placelessCount = 0;
  let rowsRead = 0;
  let index: { tally: Tally; cells: number[]; lists: number[]; options: [number, string][] }[] | null = null;
  let place: { venue: number; channel: number; id: number; others: number[] } | null = null;
  let firstDataRow = true;
  const seen = new Set<string>();
  const isFirst = (row: string[], idColumn: number): boolean => {
    const id = idColumn < 0 ? '' : (row[idColumn] ?? '').trim();
    let end = row.length;
    while (end > 0 && (row[end - 1] ?? '').trim() === '') end--;
    const key = id !== '' ? `id\u0000${id}` : `row\u0000${row.slice(0, end).map((c) => c.trim()).join('\u0000')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  const onChunk = (chunk: RawChunk): void => {
    const at = (name: string | undefined): number => (name === undefined ? -1 : chunk.header.indexOf(name));
    index ??= tallies.map((tally) => ({ tally, cells: tally.source.columns.map(at), lists: tally.source.lists.map(at), options: (tally.source.options ?? []).map(([c, o]): [number, string] => [at(c), o]).filter(([c]) => c >= 0) }));
    place ??= {
      venue: at(columnFor(choices.mapping, 'venue')),
      channel: at(columnFor(choices.mapping, 'channel')),
      id: at(columnFor(choices.mapping, 'id')),
      others: POINT_OR_CODE_FIELDS.map((f) => at(columnFor(choices.mapping, f))).filter((i) => i >= 0),
    };
    chunk.rows.forEach((row, i) => {
      if (isBlankRow(row)) return;
      if (firstDataRow) {
        firstDataRow = false;
        if (isSubHeaderRow(row)) return;
      }
      const n = chunk.firstRow + i;
      rowsRead++;
      for (const { tally, cells, lists, options } of index!) {
        for (const c of cells) {
          const text = (row[c] ?? '').trim();
          if (text !== '') tally.add(text, n);
        }
        for (const [c, option] of options) {
          const text = (row[c] ?? '').trim();
          if (text !== '') tally.add(isTickMark(text) ? option : text, n);
        }
        for (const c of lists) for (const part of splitChoices(row[c] ?? '')) tally.add(part, n);
      }
      // Placeless rows are counted as the import will keep them: a repeated id or an exact repeat of a row counts once.
      if (choices.kind === 'survey' && isFirst(row, place!.id)) {
        const channel = noPlaceChannel(row, place!);
        if (channel !== null) {
          placelessCount++;
          const known = placeless.get(channel);
          if (known) known.count++;
          else placeless.set(channel, { raw: channel, count: 1, firstRow: n });
        }
      }
    });
  };

  await readFile(file, { onChunk, onProgress: options.onProgress, signal: options.signal, sheet: choices.sheet, headerRow: choices.headerRow });

  const venueNames = choices.venues?.map(([name]) => name) ?? [];
  const venueOnly = !POINT_OR_CODE_FIELDS.some((f) => columnFor(choices.mapping, f) !== undefined);
  const groups: ValueGroup[] = [];
  const fieldOptions: Partial<Record<ReconcilableField, string[]>> = {};
  const notes: string[] = [];
  for (const tally of tallies) {
    const { field, columns, lists } = tally.source;
    groups.push(...clusterValues({ field, column: [...columns, ...lists, ...(tally.source.options ?? []).map(([c]) => c)][0]!, values: [...tally.values.values()], venues: field === 'venue' && venueNames.length > 0 ? venueNames : undefined, venueOnly }));
    fieldOptions[field] = optionsFor(field, venueNames);
    if (tally.unlisted > 0) {
      const distinct = tally.unlistedDistinct.size.toLocaleString('en-GB');
      notes.push(`The ${RECONCILE_LABELS[field]} column has more than ${MAX_DISTINCT_VALUES.toLocaleString('en-GB')} different values; the first ${MAX_DISTINCT_VALUES.toLocaleString('en-GB')} are listed, and ${distinct} more (${tally.unlisted.toLocaleString('en-GB')} rows) go through the usual rules. Is it the right column?`);
    }
  }
  const channels = [...placeless.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  return { groups, options: fieldOptions, placeless: { count: placelessCount, channels }, rowsRead, ...(notes.length > 0 ? { notes } : {}) };
}

/**
 * The channel a survey row is counted under when it has no place (no
 * coordinates, code or postcode, and a venue that is blank or names a
 * channel such as 'Online'); null when the row has a place to try.
 */
function noPlaceChannel(row: string[], place: { venue: number; channel: number; others: number[] }): string | null {
  if (place.others.some((i) => (row[i] ?? '').trim() !== '')) return null;
  const venue = place.venue < 0 ? '' : (row[place.venue] ?? '').trim();
  const venueChannel = venue === '' ? null : channelOf(venue, 'venue');
  if (venue !== '' && !isPlacelessChannel(venueChannel)) return null;
  const channelText = place.channel < 0 ? '' : (row[place.channel] ?? '').trim();
  const channel = channelText === '' ? null : channelOf(channelText);
  return channel ?? venueChannel ?? (channelText === '' ? NO_CHANNEL_GIVEN : channelText);
}
