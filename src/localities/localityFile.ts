/**
 * A person's localities as a small file (JSON) they can keep, email to a
 * colleague or open in another browser; and reading such a file back, with a
 * plain-English answer for anything that is not one. Reading never throws and
 * returns nothing to add when the file can't be used.
 */
import { newLocalityId, type Locality } from './locality.ts';
import { readLocalities } from './store.ts';

export const LOCALITY_FILE_KIND = 'ward-insight-localities';
export const LOCALITY_FILE_VERSION = 1;
/** Far above any real list of localities (a few hundred bytes each). */
const MAX_CHARS = 2_000_000;

export interface LocalityFile {
  kind: typeof LOCALITY_FILE_KIND;
  v: typeof LOCALITY_FILE_VERSION;
  /** When it was saved (ISO 8601). */
  exported: string;
  localities: Locality[];
}

export function localityFileText(localities: readonly Locality[], now: Date = new Date()): string {
  const file: LocalityFile = {
    kind: LOCALITY_FILE_KIND,
    v: LOCALITY_FILE_VERSION,
    exported: now.toISOString(),
    localities: localities.map(({ id, name, wards, lsoas }) => ({ id, name, wards: [...wards], lsoas: [...lsoas] })),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export const localityFileName = (now: Date = new Date()): string => `ward-insight-localities-${now.toISOString().slice(0, 10)}.json`;

export type LocalityFileRead =
  | { ok: true; localities: Locality[]; exported: string | null; message: string }
  | { ok: false; message: string };

const NOT_OURS = 'This is not a Ward Insight localities file';

export function readLocalityFile(text: string): LocalityFileRead {
  if (text.length > MAX_CHARS) return { ok: false, message: `${NOT_OURS}: it is far too big to be one (a localities file is a few kilobytes). Nothing was changed.` };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: `${NOT_OURS}, or it is damaged: it could not be read as one (is it a CSV of wards? Use “Import a CSV of wards” for that). Nothing was changed.`,
    };
  }
  const file = value as { kind?: unknown; v?: unknown; exported?: unknown; localities?: unknown } | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file) || file.kind !== LOCALITY_FILE_KIND) {
    return { ok: false, message: `${NOT_OURS}: it is a different kind of file. Nothing was changed.` };
  }
  if (typeof file.v !== 'number' || !Number.isInteger(file.v) || file.v < 1) {
    return { ok: false, message: `This localities file has a format this version of Ward Insight does not know (format ${String(file.v)}). Nothing was changed.` };
  }
  if (file.v > LOCALITY_FILE_VERSION) {
    return {
      ok: false,
      message: `This localities file was saved by a newer version of Ward Insight (format ${file.v}; this page reads format ${LOCALITY_FILE_VERSION}). Reload the page to get the newest version, then try again. Nothing was changed.`,
    };
  }
  const listed = Array.isArray(file.localities) ? file.localities.length : 0;
  const localities = readLocalities(file);
  if (localities.length === 0) {
    return {
      ok: false,
      message: listed
        ? `None of the file's ${listed} localities could be read: each needs a name and at least one ward or small-area code. Nothing was changed.`
        : 'The file holds no localities. Nothing was changed.',
    };
  }
  const left = listed - localities.length;
  const exported = typeof file.exported === 'string' && !Number.isNaN(Date.parse(file.exported)) ? file.exported : null;
  return {
    ok: true,
    localities,
    exported,
    message: left > 0 ? `${left} of the file's ${listed} localities could not be read (no name, or no ward or small-area codes) and were left out.` : '',
  };
}

export interface LocalityImportPlan {
  /** To add, as they are or (when their id is already used by a different locality here) with a fresh id. */
  add: Locality[];
  /** Already here exactly as in the file. */
  alreadyHere: Locality[];
}

const sameLocality = (a: Locality, b: Locality) =>
  a.name === b.name && a.wards.join() === b.wards.join() && a.lsoas.join() === b.lsoas.join();

/**
 * What importing adds: opening the same file twice adds nothing, and a
 * different locality that happens to share an id is kept under a new id
 * instead of being dropped.
 */
export function planLocalityImport(existing: readonly Locality[], incoming: readonly Locality[], random?: () => number): LocalityImportPlan {
  const add: Locality[] = [];
  const alreadyHere: Locality[] = [];
  for (const l of incoming) {
    if (existing.some((e) => sameLocality(e, l))) {
      alreadyHere.push(l);
      continue;
    }
    const taken = [...existing, ...add];
    add.push(taken.some((t) => t.id === l.id) ? { ...l, id: newLocalityId(taken, random) } : l);
  }
  return { add, alreadyHere };
}

/** "Added 2 localities; 1 was already here." */
export function describeImport(plan: LocalityImportPlan): string {
  const n = (k: number) => `${k} ${k === 1 ? 'locality' : 'localities'}`;
  const added = plan.add.length ? `Added ${n(plan.add.length)}: ${plan.add.map((l) => l.name).join(', ')}.` : 'Nothing new to add.';
  const here = plan.alreadyHere.length ? ` ${n(plan.alreadyHere.length)} ${plan.alreadyHere.length === 1 ? 'was' : 'were'} already here.` : '';
  return added + here;
}
