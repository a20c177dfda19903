/**
 * Reading a project file back, checked completely before anything is used:
 * the JSON, the format and its version (older ones migrated), the view, the
 * localities (through the localities file's own reader), the presentation
 * (through its store's parser) and every batch of every dataset (base64,
 * gzip, length, SHA-256, Arrow columns). Any problem gives one plain-English
 * message and nothing to apply.
 */
import { tableFromIPC } from 'apache-arrow';
import { parseSession } from '../session/url.ts';
import type { Session } from '../session/document.ts';
import { readLocalities } from '../localities/store.ts';
import { LOCALITY_FILE_KIND } from '../localities/localityFile.ts';
import type { Locality } from '../localities/locality.ts';
import { EVIDENCE_TABLES, type DatasetKind, type DatasetMeta, type EvidenceBytes, type EvidenceTable } from '../ingest/schemas.ts';
import { fromBase64, gunzip, sha256 } from './codec.ts';
import { BATCH_ENCODING, PROJECT_EXTENSION, PROJECT_FORMAT, type StoredBatch } from './format.ts';
import { migrateProject, type RawProject } from './migrate.ts';

/** Far above any workspace this app can hold (a year of a big force's crimes packs to about 30 MB). */
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

export type ProjectErrorKind = 'too-big' | 'not-json' | 'foreign' | 'localities-file' | 'damaged' | 'newer' | 'unknown-version' | 'dataset' | 'cancelled';
export interface ProjectError {
  ok: false;
  kind: ProjectErrorKind;
  message: string;
}

export interface OpenedDataset {
  meta: DatasetMeta;
  tables: EvidenceBytes;
}

export interface OpenedProject {
  savedAt: string | null;
  appVersion: string | null;
  session: Session;
  localities: Locality[];
  /** What the presentation parser made of the file's presentation (null when it had none). */
  presentation: unknown;
  datasets: OpenedDataset[];
  /** Things left out while reading (a locality with no wards), in plain English. */
  notes: string[];
}

/** The presentation store's parser: a value it can use, or why not. */
export type PresentationParser = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };

export interface ReadOptions {
  parsePresentation?: PresentationParser;
  signal?: AbortSignal;
  onProgress?: (message: string, fraction: number) => void;
}

const NOTHING = 'Nothing was changed.';
const fail = (kind: ProjectErrorKind, message: string): ProjectError => ({ ok: false, kind, message });
const damaged = (what: string) => fail('damaged', `This project file is damaged: ${what}. It may have been cut short while saving or copying; save it again from the browser it came from. ${NOTHING}`);

/** Primary table first: a dataset of each kind must have it. */
const KIND_TABLES: Record<DatasetKind, readonly EvidenceTable[]> = {
  survey: ['survey_responses', 'survey_choices'],
  'street-rep': ['street_rep_visits', 'street_rep_sites', 'street_rep_grades'],
  police: ['imported_crimes'],
};
const KINDS = Object.keys(KIND_TABLES) as DatasetKind[];
const DATASET_ID = /^[A-Za-z0-9_-]{1,64}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readProjectFile(file: Blob, options: ReadOptions = {}): Promise<{ ok: true; project: OpenedProject } | ProjectError> {
  const { signal, onProgress } = options;
  if (file.size > MAX_PROJECT_BYTES) return fail('too-big', `This file is too big to be a Ward Insight project (${Math.round(file.size / 1048576)} MB). ${NOTHING}`);
  try {
    onProgress?.('Reading the file', 0);
    const text = (await file.text()).replace(/^\uFEFF/, '');
    signal?.throwIfAborted();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // `format` is written first: a project file cut short still starts with it.
      if (startsAsProject(text)) return damaged('it ends part-way through');
      return fail('not-json', `This is not a Ward Insight project file (those end in ${PROJECT_EXTENSION} and are saved with “Save project”). ${NOTHING}`);
    }
    if (isRecord(value) && value.kind === LOCALITY_FILE_KIND) {
      return fail('localities-file', `This is a localities file, not a project file: open it with “Import localities file…” in the Localities tab. ${NOTHING}`);
    }
    if (!isRecord(value) || value.format !== PROJECT_FORMAT) return fail('foreign', `This is not a Ward Insight project file: it holds a different kind of data. ${NOTHING}`);
    const migrated = migrateProject(value as RawProject);
    if (!migrated.ok) return migrated;
    return await readLatest(migrated.file, options);
  } catch (e) {
    if (signal?.aborted) return fail('cancelled', `Opening the project was cancelled. ${NOTHING}`);
    throw e;
  }
}

async function readLatest(file: RawProject, { parsePresentation, signal, onProgress }: ReadOptions): Promise<{ ok: true; project: OpenedProject } | ProjectError> {
  if (typeof file.view !== 'string' || file.view.length > 100_000) return damaged('the view it was saved with is missing');
  if (!Array.isArray(file.localities)) return damaged('its list of localities is missing');
  if (!Array.isArray(file.datasets)) return damaged('its list of datasets is missing');
  const notes: string[] = [];
  // The localities file's own reader: anything it cannot use is left out, and said.
  const localities = readLocalities({ localities: file.localities });
  const left = file.localities.length - localities.length;
  if (left > 0) notes.push(`${left} of the file’s ${file.localities.length} localities could not be read (no name, or no ward or small-area codes) and were left out.`);
  const fromView = parseSession(file.view);
  const known = new Set(localities.map((l) => l.id));
  const session: Session = { ...fromView, localities: [...localities, ...fromView.localities.filter((l) => !known.has(l.id))] };

  let presentation: unknown = null;
  if (file.presentation !== null && file.presentation !== undefined) {
    if (!parsePresentation) return damaged('this page cannot read its presentation');
    const read = parsePresentation(file.presentation);
    if (!read.ok) return damaged(`its presentation could not be read (${read.message})`);
    presentation = read.value;
  }

  const datasets: OpenedDataset[] = [];
  const total = file.datasets.reduce<number>((n, d) => n + batchesOf(d).reduce((m, b) => m + (typeof b.data === 'string' ? b.data.length : 0), 0), 0);
  let done = 0;
  for (const [i, raw] of file.datasets.entries()) {
    const meta = readMeta(raw);
    const name = meta ? `‘${meta.fileName}’` : `number ${i + 1}`;
    const bad = (why: string) => fail('dataset', `The dataset ${name} in this project file ${why}, so the project was not opened. ${NOTHING}`);
    if (!meta) return bad('is not described properly (its name, kind or row count is missing)');
    if (datasets.some((d) => d.meta.id === meta.id)) return bad('appears twice');
    const r = raw as { encoding?: unknown; tables?: unknown };
    if (r.encoding !== BATCH_ENCODING) return bad('is stored in a way this version of Ward Insight does not know');
    if (!isRecord(r.tables)) return bad('has no rows');
    const allowed = KIND_TABLES[meta.kind];
    if (!Array.isArray(r.tables[allowed[0]!])) return bad('has no rows');
    const tables: EvidenceBytes = {};
    for (const [table, batches] of Object.entries(r.tables)) {
      if (!(allowed as readonly string[]).includes(table) || !Array.isArray(batches)) return bad(`holds a table it should not (${table})`);
      const list: Uint8Array[] = [];
      for (const batch of batches as unknown[]) {
        signal?.throwIfAborted();
        onProgress?.(`Checking ${meta.fileName}`, total ? done / total : 1);
        const checked = await readBatch(batch, table as EvidenceTable);
        if (typeof checked === 'string') return bad(checked);
        list.push(checked);
        done += (batch as StoredBatch).data.length;
      }
      tables[table as EvidenceTable] = list;
    }
    datasets.push({ meta, tables });
  }
  const app = isRecord(file.app) && typeof file.app.version === 'string' ? file.app.version : null;
  const savedAt = typeof file.savedAt === 'string' && !Number.isNaN(Date.parse(file.savedAt)) ? file.savedAt : null;
  return { ok: true, project: { savedAt, appVersion: app, session, localities, presentation, datasets, notes } };
}

const HEAD = `{"format":"${PROJECT_FORMAT}"`;
/** The first characters of a project file (or all of one cut shorter than that). */
function startsAsProject(text: string): boolean {
  const head = text.slice(0, 80).replace(/\s+/g, '');
  return head.length >= 10 && (head.startsWith(HEAD) || HEAD.startsWith(head));
}

const batchesOf = (d: unknown): StoredBatch[] =>
  isRecord(d) && isRecord(d.tables) ? Object.values(d.tables).flatMap((b) => (Array.isArray(b) ? (b as StoredBatch[]) : [])) : [];

/** The Arrow bytes of one stored batch, or why they can't be used. */
async function readBatch(batch: unknown, table: EvidenceTable): Promise<Uint8Array | string> {
  const b = batch as Partial<StoredBatch> | null;
  if (!isRecord(b) || typeof b.data !== 'string' || typeof b.sha256 !== 'string' || typeof b.bytes !== 'number') return 'is damaged (part of its rows is missing)';
  const packed = fromBase64(b.data);
  if (!packed) return 'is damaged (its rows are not in the form they were saved in)';
  const bytes = await gunzip(packed).catch(() => null);
  if (!bytes || bytes.byteLength !== b.bytes) return 'is damaged (its rows are cut short)';
  if ((await sha256(bytes)) !== b.sha256) return 'is damaged (its rows do not match their checksum)';
  let columns: string[];
  try {
    columns = tableFromIPC(bytes).schema.fields.map((f) => f.name);
  } catch {
    return 'is damaged (its rows cannot be read)';
  }
  const missing = EVIDENCE_TABLES[table].filter((c) => c !== 'dataset' && !columns.includes(c));
  return missing.length ? `is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : bytes;
}

function readMeta(raw: unknown): DatasetMeta | null {
  const m = isRecord(raw) ? raw.meta : null;
  if (!isRecord(m)) return null;
  const { id, kind, fileName, rows, loadedAt, synthetic, contentHash } = m;
  if (typeof id !== 'string' || !DATASET_ID.test(id)) return null;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) return null;
  if (typeof fileName !== 'string' || !fileName.trim() || fileName.length > 260 || [...fileName].some((c) => c.charCodeAt(0) < 32)) return null;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) return null;
  if (typeof loadedAt !== 'string' || Number.isNaN(Date.parse(loadedAt))) return null;
  if (typeof synthetic !== 'boolean') return null;
  if (contentHash !== undefined && (typeof contentHash !== 'string' || contentHash.length > 200)) return null;
  return { id, kind: kind as DatasetKind, fileName, rows, loadedAt, synthetic, ...(contentHash ? { contentHash } : {}) };
}
