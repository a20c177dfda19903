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
}

/** The normaliser's per-row counts and issues, carried into the report unchanged. */
export type ImportCounts = Pick<
  NormalisedDataset,
  'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsAltered' | 'outside' | 'duplicates' | 'issues' | 'issuesNotListed' | 'notes'
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
}

export type ToImportWorker =
  | { type: 'init'; lsoaUrl: string; wardUrl: string }
  | { type: 'preview'; id: number; file: File; kind?: DatasetKind }
  | { type: 'import'; id: number; file: File; choices: ImportChoices; meta: DatasetMeta }
  | { type: 'cancel'; id: number };

export type FromImportWorker =
  | { type: 'progress'; id: number; stage: string; fraction: number }
  | { type: 'preview'; id: number; result: PreviewResult }
  | { type: 'imported'; id: number; meta: DatasetMeta; tables: EvidenceBytes; report: ImportReport }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };
