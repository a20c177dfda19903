/**
 * The project file: a whole workspace (the view, localities, the
 * presentation, imported datasets) as one JSON file a person saves and opens
 * in another browser. Plain JSON so it can be looked at in a text editor; the
 * datasets inside are the app's own stored form (Arrow IPC, exactly the rows
 * that were imported), gzipped and base64-encoded, each batch with its
 * SHA-256. `format` is written first, so a file cut short is still
 * recognisable as a damaged project rather than a foreign file.
 *
 * Bump PROJECT_VERSION (and add a step in ./migrate.ts) whenever the shape
 * changes; every older version must keep opening.
 */
import type { DatasetMeta, EvidenceTable } from '../ingest/schemas.ts';
import type { Locality } from '../localities/locality.ts';

export const PROJECT_FORMAT = 'ward-insight-project';
export const PROJECT_VERSION = 1;
/**
 * `.wiproj`: a workspace is not a document for a JSON viewer, and a name of
 * its own keeps it apart from the small localities `.json` file (and its
 * importer). The content is still UTF-8 JSON; opening accepts `.json` too.
 */
export const PROJECT_EXTENSION = '.wiproj';
export const PROJECT_MIME = 'application/json';
/** How the dataset batches are written. */
export const BATCH_ENCODING = 'arrow-ipc+gzip+base64';

/** One Arrow IPC batch of one evidence table. */
export interface StoredBatch {
  /** Length of the Arrow bytes before compression. */
  bytes: number;
  /** SHA-256 (hex) of the Arrow bytes before compression. */
  sha256: string;
  /** The Arrow bytes, gzipped, in base64. */
  data: string;
}

export interface ProjectDatasetV1 {
  meta: DatasetMeta;
  /** "SAMPLE — synthetic data" on the bundled sample, for anyone reading the file. */
  label?: string;
  encoding: typeof BATCH_ENCODING;
  tables: Partial<Record<EvidenceTable, StoredBatch[]>>;
}

export interface ProjectFileV1 {
  format: typeof PROJECT_FORMAT;
  v: 1;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  app: { name: 'Ward Insight'; version: string };
  /**
   * The view on screen as its link's query string (src/session/url.ts), so
   * every link a past version made — and so every view in a past project
   * file — opens through the link's own migrations.
   */
  view: string;
  localities: Locality[];
  /** The presentation's slides as its own store keeps them (null when there was none). */
  presentation: unknown;
  datasets: ProjectDatasetV1[];
}

export type ProjectFile = ProjectFileV1;

/** ward-insight-project-2026-12-02.wiproj */
export const projectFileName = (now: Date = new Date()): string => `ward-insight-project-${now.toISOString().slice(0, 10)}${PROJECT_EXTENSION}`;
