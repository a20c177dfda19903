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
