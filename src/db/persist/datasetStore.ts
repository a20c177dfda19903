import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetMeta, EvidenceBytes } from '../../ingest/schemas.ts';

/** One imported dataset as kept in the browser: its description and its evidence tables as Arrow IPC bytes. */
export interface StoredDataset {
  meta: DatasetMeta;
  tables: EvidenceBytes;
}

interface WardInsightStorage extends DBSchema {
  datasets: { key: string; value: StoredDataset };
}

export const STORAGE_NAME = 'ward-insight';
/** Bump (and extend `upgrade`) when adding a store, e.g. for localities. */
const STORAGE_VERSION = 1;

let opening: Promise<IDBPDatabase<WardInsightStorage>> | null = null;

function open(): Promise<IDBPDatabase<WardInsightStorage>> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new Error('This browser cannot keep files between visits (its storage is switched off).'));
  }
  opening ??= openDB<WardInsightStorage>(STORAGE_NAME, STORAGE_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'meta.id' });
    },
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

let persistAsked = false;

/** Ask once that the browser not evict our data under storage pressure (best effort; it may say no). */
function askToPersist(): void {
  if (persistAsked) return;
  persistAsked = true;
  void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * Keep a dataset for next time. On a full disk the message says what happened
 * in plain English; the data already loaded for querying stays loaded.
 */
export async function saveDataset(meta: DatasetMeta, tables: EvidenceBytes): Promise<void> {
  askToPersist();
  try {
    const db = await open();
    await db.put('datasets', { meta, tables });
  } catch (e) {
    if (isQuotaError(e)) {
      throw new Error(
        'This browser has run out of space to keep your files. The data is loaded for now but will be gone after a reload; remove saved files you no longer need to make room.',
        { cause: e },
      );
    }
    throw e;
  }
}

/** Descriptions of every kept dataset, oldest first (reads the bytes too: one store keeps this simple, and restoring needs them anyway). */
export async function listDatasets(): Promise<DatasetMeta[]> {
  const db = await open();
  const all = await db.getAll('datasets');
  return all.map((d) => d.meta).sort((a, b) => a.loadedAt.localeCompare(b.loadedAt) || a.id.localeCompare(b.id));
}

export async function loadDataset(id: string): Promise<StoredDataset | undefined> {
  return (await open()).get('datasets', id);
}

export async function removeDataset(id: string): Promise<void> {
  await (await open()).delete('datasets', id);
}

/** Forget every kept dataset ("remove my data"). */
export async function clearAll(): Promise<void> {
  await (await open()).clear('datasets');
}
