/// <reference lib="webworker" />
import type { FeatureCollection } from 'geojson';
import { AreaLookup } from './areaLookup.ts';
import { ImportError, previewImport, runImport } from './importJob.ts';
import type { FromImportWorker, ToImportWorker } from './importProtocol.ts';
import { ReadError } from './read/types.ts';
import { profileValues } from './reconcile/profileValues.ts';

/**
 * The import worker: reading, checking and placing rows happen here, off the
 * main thread, so the page stays responsive and a progress bar can move.
 * Paired with importClient.ts on the main thread.
 */
declare const self: DedicatedWorkerGlobalScope;

let lookup: Promise<AreaLookup> | null = null;
let urls: { lsoaUrl: string; wardUrl: string } | null = null;
const running = new Map<number, AbortController>();

async function areas(): Promise<AreaLookup> {
  if (!urls) throw new Error('The import worker was not told where the boundaries are.');
  const { lsoaUrl, wardUrl } = urls;
  // A failed load is forgotten, so the next import tries again (after a dropped connection, say).
  lookup ??= loadLookup(lsoaUrl, wardUrl).catch((e: unknown) => {
    lookup = null;
    throw e;
  });
  return lookup;
}

async function loadLookup(lsoaUrl: string, wardUrl: string): Promise<AreaLookup> {
  const unavailable = (why: string) =>
    new ImportError(`The area boundaries could not be loaded (${why}), so rows cannot be placed in wards. Reload the page and try again; nothing already loaded has changed.`);
  const [lsoa, ward] = await Promise.all(
    [lsoaUrl, wardUrl].map(async (u) => {
      const res = await fetch(u).catch(() => {
        throw unavailable('no connection to the server');
      });
      if (!res.ok) throw unavailable(`the server answered ${res.status}`);
      return (await res.json()) as FeatureCollection;
    }),
  );
  return new AreaLookup(lsoa!, ward!);
}

const post = (message: FromImportWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** Plain-English text for a failure; programming errors are labelled as such rather than shown raw. */
function describe(e: unknown): string {
  if (e instanceof ImportError || e instanceof ReadError) return e.message;
  return `Something went wrong while reading the file (${e instanceof Error ? e.message : String(e)}). Nothing already loaded has changed.`;
}

self.onmessage = async (event: MessageEvent<ToImportWorker>) => {
  const m = event.data;
  if (m.type === 'init') {
    urls = { lsoaUrl: m.lsoaUrl, wardUrl: m.wardUrl };
    // Start loading early; a failure is reported by the import that needs the boundaries.
    areas().catch(() => undefined);
    return;
  }
  if (m.type === 'cancel') {
    running.get(m.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(m.id, controller);
  try {
    const progress = (stage: string, fraction: number) => post({ type: 'progress', id: m.id, stage, fraction });
    if (m.type === 'preview') {
      post({ type: 'preview', id: m.id, result: await previewImport(m.file, m.kind, { sheet: m.sheet, headerRow: m.headerRow, signal: controller.signal }) });
    } else if (m.type === 'values') {
      const profile = await profileValues(m.file, m.choices, { signal: controller.signal, onProgress: (f) => progress('Reading every row to list its values', f) });
      post({ type: 'values', id: m.id, profile });
    } else {
      const lookupReady = await areas();
      // The postcode lookup and the 2011 codes are fetched only for the imports that use them.
      if (urls) await lookupReady.prepare(m.choices, new URL('..', urls.lsoaUrl).href);
      const out = await runImport(
        m.file,
        m.choices,
        m.meta,
        lookupReady,
        progress,
        controller.signal,
      );
      const buffers = Object.values(out.tables).flatMap((batches) => batches.map((b) => b.buffer as ArrayBuffer));
      post({ type: 'imported', id: m.id, meta: out.meta, tables: out.tables, report: out.report }, buffers);
    }
  } catch (e) {
    const cancelled = controller.signal.aborted;
    const what = m.type === 'import' ? 'Import cancelled' : 'Reading cancelled';
    post({ type: 'failed', id: m.id, message: cancelled ? `${what}. Nothing already loaded has changed.` : describe(e), cancelled });
  } finally {
    running.delete(m.id);
  }
};
