import { POLICE_UK_COLUMNS, type DatasetKind } from '../schemas.ts';
import { matchIssue } from '../validate/grades.ts';
import { normaliseKey } from '../validate/text.ts';
import { CHOICE_FIELDS, FIELD_LABELS, fieldsOf, type Mapping, type MappableField } from './fields.ts';
import { detectDateOrder } from './dateOrder.ts';
import { LIST_SEPARATORS, contentOnlyScore, contentScore, sampleValues } from './sniff.ts';
import { headerScore } from './synonyms.ts';
import { isSubHeaderRow } from './formTools.ts';
import { detectChoiceOrder } from './choiceOrder.ts';
import { isTickMark, splitChoices } from '../validate/choices.ts';
import { matchTheme } from '../validate/themes.ts';

export type { Mapping, MappableField } from './fields.ts';

export interface MappingGuess {
  kind: DatasetKind;
  mapping: Mapping;
  /** Plain English: what was guessed and from what. */
  notes: string[];
  /** 0–1: how sure the guess is that every essential field was found. */
  confidence: number;
  /** Day-month order the sample's dates suggest, when they settle it. */
  dateOrder?: 'dmy' | 'mdy';
}

/** What kind of evidence a file holds, from its column names alone. */
export function guessKind(header: string[]): DatasetKind {
  const keys = new Set(header.map(normaliseKey));
  const policeHits = POLICE_UK_COLUMNS.filter((c) => keys.has(normaliseKey(c))).length;
  if (policeHits >= 6 || (keys.has('crime type') && (keys.has('crime id') || keys.has('month')))) return 'police';
  const issueHits = header.filter((h) => 'value' in matchIssue(h)).length;
  const hasSite = [...keys].some((k) => /\bsite\b/.test(k));
  if (issueHits >= 2 || keys.has('grade') || (hasSite && keys.has('issue'))) return 'street-rep';
  return 'survey';
}

/** Why a column was read as a field, when its values (not its name) gave it away. */
const CONTENT_REASON: Partial<Record<MappableField, string>> = {
  lsoa_code: 'its values look like LSOA codes, E01…',
  ward_code: 'its values look like ward codes, E05…',
  postcode: 'its values look like postcodes',
  collected_on: 'its values are dates',
  visited_on: 'its values are dates',
  month: 'its values are months',
  age_band: 'its values are ages or age bands',
  sex: 'its values are Female/Male',
  ethnicity: 'its values are ethnic groups',
  issue: "its values are the street-rep form's issues",
  crime_type: 'its values are police.uk crime types',
  lon: 'its values are longitudes in England',
  lat: 'its values are latitudes in England',
};

interface Candidate {
  field: MappableField;
  column: number;
  score: number;
  byName: boolean;
}

/**
 * Guess which column feeds each canonical field, from column names (synonyms
 * such as lat/latitude/y, 'first choice', 'Ethnic group') and from what the
 * first rows hold (E01… codes, dates, A–D grades, theme names). Each column
 * feeds at most one field; where two fields want a column, the better fit wins.
 */
export function guessMapping(kind: DatasetKind, header: string[], sample: string[][]): MappingGuess {
  // SurveyMonkey's second header row ('Response', 'Open-Ended Response') says nothing about the answers.
  const subHeader = isSubHeaderRow(sample[0]);
  const rows = subHeader ? sample.slice(1) : sample;
  const values = header.map((_, i) => sampleValues(rows, i));
  const used = new Set<number>();
  const mapping: Mapping = {};
  const notes: string[] = [];
  const scores = new Map<MappableField, number>();

  if (kind === 'street-rep') {
    const issueColumns = guessIssueColumns(header, values, used);
    if (Object.keys(issueColumns).length > 0) {
      mapping.issueColumns = issueColumns;
      notes.push(`One column per issue (${Object.keys(issueColumns).length} issue columns): ${Object.entries(issueColumns).map(([c, i]) => (normaliseKey(c) === normaliseKey(i) ? `'${c}'` : `'${c}' as ${i}`)).join(', ')}.`);
    }
  }

  if (kind === 'survey' && subHeader) {
    const options = guessOptionColumns(header, sample[0]!, values, used);
    if (Object.keys(options).length > 0) {
      mapping.choiceColumns = options;
      notes.push(`One column per option (${Object.keys(options).length} option columns, ticked boxes rather than a ranking): ${Object.values(options).map((o) => `'${o}'`).join(', ')}.`);
    }
  }

  const skip = new Set<MappableField>(mapping.issueColumns ? ['issue', 'grade'] : []);
  const candidates: Candidate[] = [];
  for (const field of fieldsOf(kind)) {
    if (skip.has(field)) continue;
    header.forEach((name, column) => {
      if (used.has(column)) return;
      const candidate = scoreColumn(kind, field, name, values[column]!);
      if (candidate) candidates.push({ field, column, ...candidate });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const c of candidates) {
    if (used.has(c.column) || mapping[c.field] !== undefined) continue;
    mapping[c.field] = header[c.column];
    used.add(c.column);
    scores.set(c.field, c.score);
    const reason = c.byName ? 'from its name' : (CONTENT_REASON[c.field] ?? 'from its values');
    notes.push(`Column '${header[c.column]}' read as ${FIELD_LABELS[c.field]} (${reason}).`);
  }

  if (kind === 'survey') guessThemeColumns(header, values, used, mapping, scores, notes);
  if (kind === 'survey' && mapping.choiceColumns) scores.set('choices', 1);
  const listColumn = mapping.choices === undefined ? -1 : header.indexOf(mapping.choices);
  if (kind === 'survey' && listColumn >= 0) {
    const verdict = detectChoiceOrder(rows.map((r) => splitChoices(r[listColumn] ?? '')));
    // Ranked is the default (unset): only ticked boxes are marked.
    if (!verdict.ranked) mapping.choicesRanked = false;
    notes.push(verdict.note);
  }

  const dateField = kind === 'survey' ? 'collected_on' : kind === 'street-rep' ? 'visited_on' : undefined;
  const dateColumn = dateField ? mapping[dateField] : undefined;
  const order = dateColumn === undefined ? undefined : detectDateOrder(values[header.indexOf(dateColumn)] ?? []);
  if (order?.note) notes.push(order.note);

  if (subHeader) notes.push("The row under the column names is the form tool's second header row ('Response', 'Open-Ended Response'…); it is skipped.");
  const unused = header.filter((h, i) => !used.has(i) && h.trim() !== '');
  // Named up to 30: a 50,000-column file would otherwise make a note of half a megabyte.
  const more = unused.length > 30 ? `, and ${(unused.length - 30).toLocaleString('en-GB')} more` : '';
  if (unused.length > 0) notes.push(`Not used: ${unused.slice(0, 30).map((h) => `'${h}'`).join(', ')}${more}.`);
  return { kind, mapping, notes, confidence: confidenceOf(kind, mapping, scores), ...(order?.order ? { dateOrder: order.order } : {}) };
}

function scoreColumn(kind: DatasetKind, field: MappableField, name: string, values: string[]): { score: number; byName: boolean } | null {
  const byName = headerScore(kind, field, name);
  if (byName > 0) {
    // Values are scored only for a column whose name fits (or below, for fields known by content alone): 50,000 columns stay quick.
    const byContent = contentScore(field, values);
    // A name that fits but values that don't (a 'Long' column of yes/no answers) is a poor match.
    if (byContent !== null && byContent < 0.5) return byName * 0.2 >= 0.3 ? { score: byName * 0.2, byName: true } : null;
    return { score: byName + (byContent !== null && byContent >= 0.8 ? 0.05 : 0), byName: true };
  }
  const alone = contentOnlyScore(field, values);
  if (alone !== null && alone >= 0.8) return { score: 0.5 * alone, byName: false };
  return null;
}

/** Wide street-rep files: columns named after the form's issues whose values are grades. */
function guessIssueColumns(header: string[], values: string[][], used: Set<number>): Record<string, string> {
  const issueColumns: Record<string, string> = {};
  const taken = new Set<string>();
  header.forEach((name, column) => {
    const issue = matchIssue(name);
    if (!('value' in issue) || taken.has(issue.value)) return;
    const gradeShare = contentScore('grade', values[column]!);
    if (gradeShare !== null && gradeShare < 0.5) return;
    issueColumns[name] = issue.value;
    taken.add(issue.value);
    used.add(column);
  });
  return issueColumns;
}

/**
 * Columns whose values are survey themes but whose names gave nothing away
 * become choice 1, 2, … in the order they appear; one holding lists
 * ("Housing issues; Youth activities") becomes the ranked-list column.
 */
function guessThemeColumns(header: string[], values: string[][], used: Set<number>, mapping: Mapping, scores: Map<MappableField, number>, notes: string[]): void {
  header.forEach((name, column) => {
    if (used.has(column)) return;
    const vals = values[column]!;
    if ((contentScore('choice_1', vals) ?? 0) < 0.6 && (contentScore('choices', vals) ?? 0) < 0.8) return;
    const listLike = vals.filter((v) => LIST_SEPARATORS.test(v) || v.split(',').length > 2).length >= vals.length * 0.3;
    const field: MappableField | undefined = listLike && !mapping.choices ? 'choices' : CHOICE_FIELDS.find((f) => mapping[f] === undefined);
    if (!field) return;
    mapping[field] = name;
    used.add(column);
    scores.set(field, 0.6);
    notes.push(`Column '${name}' read as ${FIELD_LABELS[field]} (its values are survey themes).`);
  });
}

/**
 * SurveyMonkey's multi-select questions: one column per option, the option's
 * text in the second header row and in each ticked cell. A run of two or more
 * adjacent columns whose second-row names are themes (with an 'Other (please
 * specify)' column at its end) becomes the option columns.
 */
function guessOptionColumns(header: string[], subHeader: readonly string[], values: string[][], used: Set<number>): Record<string, string> {
  const out: Record<string, string> = {};
  let run: number[] = [];
  const flush = (end: number) => {
    if (run.length >= 2) {
      const other = (subHeader[end] ?? '').trim();
      if (end < header.length && !used.has(end) && /^other\b/i.test(other)) run.push(end);
      for (const c of run) {
        out[header[c]!] = subHeader[c]!.trim();
        used.add(c);
      }
    }
    run = [];
  };
  for (let c = 0; c < header.length; c++) {
    const option = (subHeader[c] ?? '').trim();
    const fits = option !== '' && !used.has(c) && 'value' in matchTheme(option) && values[c]!.every((v) => v === '' || isTickMark(v) || normaliseKey(v) === normaliseKey(option));
    if (fits) run.push(c);
    else flush(c);
  }
  flush(header.length);
  return out;
}

/** The mean, over the fields a kind can't do without, of how well each was matched (0 when missing). */
function confidenceOf(kind: DatasetKind, mapping: Mapping, scores: Map<MappableField, number>): number {
  const s = (f: MappableField): number => Math.min(1, scores.get(f) ?? 0);
  const location = Math.max(Math.min(s('lon'), s('lat')), Math.min(s('easting'), s('northing')), s('lsoa_code'), s('ward_code'), kind === 'survey' ? s('venue') : 0);
  let groups: number[];
  if (kind === 'survey') groups = [location, Math.max(s('choices'), ...CHOICE_FIELDS.map(s))];
  else if (kind === 'street-rep') groups = [location, Math.max(s('site_id'), s('site_name')), s('visited_on'), mapping.issueColumns ? 1 : Math.min(s('issue'), s('grade'))];
  else groups = [Math.max(Math.min(s('lon'), s('lat')), s('lsoa_code')), s('month'), s('crime_type')];
  return Math.round((groups.reduce((a, b) => a + b, 0) / groups.length) * 100) / 100;
}
