import type { DatasetKind, DatasetMeta, EvidenceBytes } from './schemas.ts';
import type { NormalisedDataset } from './normalise/types.ts';
import type { RawChunk, ReadSummary } from './read/types.ts';
import type { Mapping, MappingGuess } from './map/guessMapping.ts';

/** Choices the person made in the mapping step. */
export interface ImportChoices {
  kind: DatasetKind;
  mapping: Mapping;
  dateOrder?: 'dmy' | 'mdy';
  swapLatLon?: boolean;
  /** Venue name → location, from a venue list the person supplied. */
  venues?: [string, { lon: number; lat: number }][];
  sheet?: string;
  /**
   * 1-based file row of the header (Excel: the sheet row). Undefined = the
   * detected one (PreviewResult.headerRow). Rows above it are skipped; every
   * message keeps the file's own row numbers.
   */
  headerRow?: number;
  /**
   * The values step: for each categorical field, what a raw cell value (exactly
   * as written in the file, trimmed) becomes. A string is the accepted canonical
   * value (a theme, a grade letter, a venue from the list, 'Other' for themes…);
   * null means "reject rows with this value" (the report says so per row).
   * Raw values not listed go through the normal value rules.
   */
  values?: ValueChoices;
  /** Keep rows whose date is impossible (31/02) as undated instead of rejecting them. */
  keepImpossibleDatesUndated?: boolean;
}

/** Categorical fields whose distinct values are reconciled before import. */
export type ReconcilableField = 'venue' | 'channel' | 'theme' | 'grade' | 'age_band' | 'sex' | 'ethnicity' | 'issue';

export type ValueChoices = Partial<Record<ReconcilableField, Record<string, string | null>>>;

/** One row near the top of the file, scored as a possible header (see read/headerDetect.ts). */
export interface HeaderCandidate {
  /** 1-based file row (Excel: sheet row). */
  row: number;
  cells: string[];
  score: number;
}

/** One distinct raw value of a categorical column across the whole file. */
export interface ValueCount {
  raw: string;
  count: number;
  /** First file row where it appears, for the person to check. */
  firstRow: number;
}

/** Spelling variants grouped as OpenRefine's key-collision clustering does, with one proposed value. */
export interface ValueGroup {
  field: ReconcilableField;
  /** The column the values come from. */
  column: string;
  /** The proposal: a canonical value (a theme, venue name from the list, …), or null when nothing matches. */
  proposed: string | null;
  /** How the proposal was found, in plain English ("same letters ignoring case and accents", "venue list"). */
  how: string;
  members: ValueCount[];
  /** Every proposal is accepted by default unless this is false (a weaker, fuzzy match). */
  confident: boolean;
}

/** The whole-file profile of every mapped categorical column, made before the values step. */
export interface ValueProfile {
  groups: ValueGroup[];
  /** The canonical values each field accepts (for the "map by hand" lists). */
  options: Partial<Record<ReconcilableField, string[]>>;
  /** Rows with no place that will be kept unmapped (online, phone, post, paper, or no place). */
  placeless: { count: number; channels: ValueCount[] };
  rowsRead: number;
  /** Plain-English notes on the profile itself (e.g. a column with more distinct values than are listed). */
  notes?: string[];
}

/** The normaliser's per-row counts and issues, carried into the report unchanged. */
export type ImportCounts = Pick<
  NormalisedDataset,
  'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsAltered' | 'outside' | 'duplicates' | 'issues' | 'issuesNotListed' | 'notes' | 'placeless'
>;

export interface ImportReport extends ImportCounts {
  fileName: string;
  kind: DatasetKind;
  read: ReadSummary;
  /** Milliseconds per stage, for the bench and the report. */
  ms: { total: number };
}

export interface PreviewResult {
  chunk: RawChunk;
  summary: ReadSummary;
  guess: MappingGuess;
  /** Problems that would stop the import with the guessed mapping. */
  problems: string[];
  /** Set when latitude and longitude look swapped. */
  swapWarning: string | null;
  /** The row used as the header (detected unless the person chose one). */
  headerRow: number;
  /** The first rows of the file scored as headers, best first, for the person to pick another. */
  headerCandidates: HeaderCandidate[];
}

/** Sent once to each new import worker: where the boundaries are (absolute URLs). */
export interface ImportInit {
  lsoaUrl: string;
  wardUrl: string;
}

/** Progress of a long request: the stage in plain English, and how far through it (0–1). */
export interface ImportProgress {
  stage: string;
  fraction: number;
}

/** The import worker's requests (see src/workers/actor/messages.ts). */
export type ImportRequests = {
  preview: { request: { file: File; kind?: DatasetKind; sheet?: string; headerRow?: number }; response: PreviewResult };
  import: {
    request: { file: File; choices: ImportChoices; meta: DatasetMeta };
    response: { meta: DatasetMeta; tables: EvidenceBytes; report: ImportReport };
    progress: ImportProgress;
  };
  /** Read the whole file once and profile its categorical values for the values step. */
  values: { request: { file: File; choices: ImportChoices }; response: ValueProfile; progress: ImportProgress };
};

/** What a cancelled request says, whether it stopped by itself or the worker had to be ended. */
export const cancelledMessage = (name: keyof ImportRequests): string =>
  `${name === 'import' ? 'Import' : 'Reading'} cancelled. Nothing already loaded has changed.`;

/** In ValueChoices.venue: keep rows with this venue, without a place (counted, not mapped). */
export const KEEP_WITHOUT_PLACE = '(keep, no place)';
/** In ValueChoices.theme: keep a choice that is not one of the eleven themes as "Other", at its rank. */
export const OTHER_THEME = 'Other';
