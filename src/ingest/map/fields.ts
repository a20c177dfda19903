import { FIELDS, type DatasetKind } from '../schemas.ts';

/** Any canonical field a source column can be mapped to. */
export type MappableField = (typeof FIELDS)[DatasetKind][number];

/**
 * Which source column feeds each canonical field (column names as in the
 * header). Street-rep files in "wide" form have one column per issue instead
 * of issue + grade columns: `issueColumns` maps each such source column to
 * the form's issue name (one of STREET_REP_ISSUES).
 *
 * Keys are the canonical fields rather than any string so an `issueColumns`
 * object can sit beside them (an open string index would forbid it).
 */
export type Mapping = { [F in MappableField]?: string } & {
  issueColumns?: Record<string, string>;
  /**
   * Survey files with one column per option (SurveyMonkey's multi-select
   * questions): each source column mapped to the option it stands for. A
   * non-blank cell is that option ticked: a chosen theme with no rank.
   */
  choiceColumns?: Record<string, string>;
  /**
   * Whether a choices-list column is in order of preference. False for a
   * form tool's ticked boxes (listed in the form's option order): the
   * choices are stored without a rank. Unset means ranked.
   */
  choicesRanked?: boolean;
};

/** How each field is named in messages people read. */
export const FIELD_LABELS: Record<MappableField, string> = {
  id: 'response id',
  collected_on: 'date collected',
  lon: 'longitude',
  lat: 'latitude',
  easting: 'easting',
  northing: 'northing',
  postcode: 'postcode',
  lsoa_code: 'LSOA code',
  ward_code: 'ward code',
  venue: 'venue',
  channel: 'channel',
  choices: 'choices (ranked list)',
  choice_1: 'choice 1',
  choice_2: 'choice 2',
  choice_3: 'choice 3',
  choice_4: 'choice 4',
  choice_5: 'choice 5',
  age_band: 'age band',
  sex: 'sex',
  ethnicity: 'ethnicity',
  free_text: 'comments',
  visit_id: 'visit id',
  site_id: 'site id',
  site_name: 'site name',
  visited_on: 'date of visit',
  visit_time: 'time of visit',
  rep: 'street rep',
  issue: 'issue',
  grade: 'grade',
  crime_id: 'Crime ID',
  month: 'month',
  reported_by: 'reported by',
  falls_within: 'falls within',
  location: 'location description',
  lsoa_name: 'LSOA name',
  crime_type: 'crime type',
  outcome: 'last outcome',
  context: 'context',
};

export const CHOICE_FIELDS = ['choice_1', 'choice_2', 'choice_3', 'choice_4', 'choice_5'] as const;

export function fieldsOf(kind: DatasetKind): readonly MappableField[] {
  return FIELDS[kind];
}

/** The source column mapped to a field, if any. */
export function columnFor(mapping: Mapping, field: MappableField): string | undefined {
  const column = mapping[field];
  return column === undefined || column === '' ? undefined : column;
}
