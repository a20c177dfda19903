/**
 * The shapes residents' evidence takes once imported: one contract shared by
 * the readers and mappers (src/ingest), the import worker, the database layer
 * (src/db/evidence) and the sample-data generator (scripts/sample).
 * Field names here are the canonical ones the column-mapping step maps to.
 */

export type DatasetKind = 'survey' | 'street-rep' | 'police';

/** The eleven survey themes, in the order the pilot survey listed them (PRODUCT.md). */
export const SURVEY_THEMES = [
  'Youth activities',
  'Healthy eating & affordable food',
  'Mental health & reducing isolation',
  'Parenting skills & support',
  'Information & advice',
  'Diversity, inclusion & community spirit',
  'Policing & safety',
  'Affordable exercise',
  'Maintenance & condition of public/communal areas',
  'Employment support & income maximisation',
  'Housing issues',
] as const;
export type SurveyTheme = (typeof SURVEY_THEMES)[number];

/**
 * Respondent age bands, compared with Census 2021 residents built from the
 * census table's five-year bands. Census has no 16–24 band: it is compared
 * with residents aged 15–24 (age_15_19 + age_20_24), and the app says so.
 */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Census 2021 five high-level ethnic groups (the census table's ethnic_* columns). */
export const ETHNIC_GROUPS = ['Asian', 'Black', 'Mixed', 'White', 'Other'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/** Sex as collected; the built-in Census tables have no sex by LSOA, so it is summarised but not compared. */
export const SEXES = ['Female', 'Male'] as const;

/** Street-rep monitoring form issues, grouped under the form's headings (PRODUCT.md). */
export const STREET_REP_HEADINGS = {
  'Peace & quiet': ['Groups loitering / disorderly behaviour', 'Noise'],
  'Green & clean': ['Litter', 'Dog fouling', 'Fly-tipping', 'Graffiti', 'Overgrown greenery'],
  'Safe & secure': ['Street lighting', 'Damaged street furniture', 'Abandoned vehicles'],
} as const;
export type StreetRepHeading = keyof typeof STREET_REP_HEADINGS;
export const STREET_REP_ISSUES: readonly string[] = Object.values(STREET_REP_HEADINGS).flat();

/** Grades as the form prints them; stored as 0–3 (A = 0). */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const GRADE_MEANING: Record<(typeof GRADES)[number], string> = {
  A: 'No problem at all',
  B: 'A bit of an issue but the level is acceptable',
  C: 'Problem becoming unacceptable',
  D: 'A really big issue, unacceptable',
};

/** The 12 columns of a police.uk street-level crime CSV, in order. */
export const POLICE_UK_COLUMNS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

/**
 * Canonical fields the column-mapping step can map a source column to, per
 * kind. A location is any one of: lon+lat, easting+northing (EPSG:27700),
 * lsoa_code, ward_code, or venue (matched to a user-supplied venue list).
 * Survey choices come either as one column per rank (choice_1, choice_2, …)
 * or as one column holding the ranked list ("Housing issues; Policing & safety").
 */
export const FIELDS = {
  survey: ['id', 'collected_on', 'lon', 'lat', 'easting', 'northing', 'postcode', 'lsoa_code', 'ward_code', 'venue', 'channel', 'choices', 'choice_1', 'choice_2', 'choice_3', 'choice_4', 'choice_5', 'age_band', 'sex', 'ethnicity', 'free_text'],
  'street-rep': ['visit_id', 'site_id', 'site_name', 'visited_on', 'visit_time', 'rep', 'lon', 'lat', 'easting', 'northing', 'postcode', 'lsoa_code', 'ward_code', 'issue', 'grade'],
  police: ['crime_id', 'month', 'reported_by', 'falls_within', 'lon', 'lat', 'location', 'lsoa_code', 'lsoa_name', 'crime_type', 'outcome', 'context'],
} as const satisfies Record<DatasetKind, readonly string[]>;

/**
 * Columns of the DuckDB tables each imported dataset is written to (DESIGN.md
 * data model, plus `dataset`, the id of the import it came from). Dates are
 * ISO text 'YYYY-MM-DD'; months 'YYYY-MM'; grades 0–3 (A–D).
 * Every table also carries `source_row` (the 1-based row number in the file,
 * header = row 1) so any number on screen can be traced back to the file.
 */
export const EVIDENCE_TABLES = {
  survey_responses: ['dataset', 'source_row', 'id', 'collected_on', 'lon', 'lat', 'lsoa_code', 'ward_code', 'venue', 'channel', 'age_band', 'sex', 'ethnicity', 'free_text'],
  survey_choices: ['dataset', 'response_id', 'theme', 'rank'],
  street_rep_sites: ['dataset', 'site_id', 'name', 'lon', 'lat', 'lsoa_code', 'ward_code'],
  street_rep_visits: ['dataset', 'source_row', 'id', 'site_id', 'visited_on', 'visit_time', 'rep'],
  street_rep_grades: ['dataset', 'visit_id', 'issue', 'heading', 'grade'],
  // Imported police rows go into the built-in `crimes` table's shape plus dataset/source_row.
  imported_crimes: ['dataset', 'source_row', 'id', 'month', 'lon', 'lat', 'lsoa_code', 'ward_code', 'lad_code', 'crime_type', 'source'],
} as const;
export type EvidenceTable = keyof typeof EVIDENCE_TABLES;

/**
 * An imported dataset's tables as Arrow IPC streams: one or more batches per
 * table, in file order (a big police file arrives in batches, so no one place
 * ever holds all its rows as JavaScript values).
 */
export type EvidenceBytes = Partial<Record<EvidenceTable, Uint8Array[]>>;

/** What the data panel lists for each imported dataset (persisted with it). */
export interface DatasetMeta {
  /** Stable id, e.g. 'ds-<timestamp>-<random>'; also the `dataset` column value. */
  id: string;
  kind: DatasetKind;
  fileName: string;
  rows: number;
  /** ISO timestamp of the import. */
  loadedAt: string;
  /** True only for the bundled synthetic sample: shown as "SAMPLE — synthetic data" everywhere. */
  synthetic: boolean;
  /** Fingerprint of the file's bytes (src/ingest/fingerprint.ts), to recognise the same file loaded again under any name. */
  contentHash?: string;
}

/** One line of the validation report: a row that was rejected or altered, and why, in plain English. */
export interface RowIssue {
  /** 1-based row number in the file as a spreadsheet shows it (header = row 1). */
  row: number;
  column?: string;
  action: 'rejected' | 'altered';
  reason: string;
}

export const SAMPLE_LABEL = 'SAMPLE — synthetic data';
