import type { ValueChoices } from '../../ingest/importProtocol.ts';
import { parseValueMemory, rememberValueChoices, type ValueMemory } from '../../ingest/reconcile/memory.ts';
import type { DatasetKind } from '../../ingest/schemas.ts';

/**
 * Where the values-step choices are kept between files: this browser's
 * localStorage (a few thousand spellings at most, so it is enough). What is
 * kept and how it is merged is reconcile/memory.ts; a browser with storage
 * switched off simply starts each file afresh.
 */

const KEY = 'ward-insight:import-values';
const VENUES_KEY = 'ward-insight:import-venues';

/** The venue list used for the last survey file, so next month's file is placed the same way. */
export interface RememberedVenues {
  fileName: string;
  venues: [string, { lon: number; lat: number }][];
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame throws on access
  }
}

/** The remembered choices (an empty memory when there are none or they can't be read). */
export function loadValueMemory(): ValueMemory {
  try {
    return parseValueMemory(JSON.parse(storage()?.getItem(KEY) ?? 'null'));
  } catch {
    return parseValueMemory(null);
  }
}

/** Remember a finished import's choices for the next file of the same kind (best effort: a full store is not an error). */
export function saveValueChoices(kind: DatasetKind, values: ValueChoices | undefined): void {
  if (!values) return;
  try {
    storage()?.setItem(KEY, JSON.stringify(rememberValueChoices(loadValueMemory(), kind, values)));
  } catch {
    // Quota or storage switched off: the next file starts without remembered choices.
  }
}

export function saveVenueList(list: RememberedVenues): void {
  try {
    storage()?.setItem(VENUES_KEY, JSON.stringify(list));
  } catch {
    // As above: best effort.
  }
}

/** The last venue list, checked entry by entry (anything malformed is dropped). */
export function loadVenueList(): RememberedVenues | null {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(VENUES_KEY) ?? 'null');
    if (typeof v !== 'object' || v === null) return null;
    const { fileName, venues } = v as { fileName?: unknown; venues?: unknown };
    if (typeof fileName !== 'string' || !Array.isArray(venues)) return null;
    const ok = venues.filter(
      (e): e is [string, { lon: number; lat: number }] =>
        Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'object' && e[1] !== null && Number.isFinite(e[1].lon) && Number.isFinite(e[1].lat),
    );
    return ok.length ? { fileName, venues: ok } : null;
  } catch {
    return null;
  }
}
