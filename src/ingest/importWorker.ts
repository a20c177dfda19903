/// <reference lib="webworker" />
import type { FeatureCollection } from 'geojson';
import { AreaLookup } from './areaLookup.ts';
import { ImportError, previewImport, runImport } from './importJob.ts';
import { cancelledMessage, type ImportInit, type ImportRequests } from './importProtocol.ts';
import { ReadError } from './read/types.ts';
import { profileValues } from './reconcile/profileValues.ts';
import { serveActor } from '../workers/actor/serveActor.ts';

/**
 * The import worker: reading, checking and placing rows happen here, off the
 * main thread, so the page stays responsive and a progress bar can move.
 * Paired with importClient.ts on the main thread through the actor layer
 * (src/workers/actor).
 */
declare const self: DedicatedWorkerGlobalScope;

let lookup: Promise<AreaLookup> | null = null;
let urls: ImportInit | null = null;

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

/** Plain-English text for a failure; programming errors are labelled as such rather than shown raw. */
function describe(e: unknown): string {
  if (e instanceof ImportError || e instanceof ReadError) return e.message;
  return `Something went wrong while reading the file (${e instanceof Error ? e.message : String(e)}). Nothing already loaded has changed.`;
}

serveActor<ImportRequests, ImportInit>(
  {
    preview: ({ file, kind, sheet, headerRow }, { signal }) => previewImport(file, kind, { sheet, headerRow, signal }),
    values: ({ file, choices }, { signal, progress }) =>
      profileValues(file, choices, { signal, onProgress: (fraction) => progress({ stage: 'Reading every row to list its values', fraction }) }),
    async import({ file, choices, meta }, { signal, progress, transfer }) {
      const lookupReady = await areas();
      // The postcode lookup and the 2011 codes are fetched only for the imports that use them.
      if (urls) await lookupReady.prepare(choices, new URL('..', urls.lsoaUrl).href);
      const out = await runImport(file, choices, meta, lookupReady, (stage, fraction) => progress({ stage, fraction }), signal);
      transfer(Object.values(out.tables).flatMap((batches) => batches.map((b) => b.buffer as ArrayBuffer)));
      return out;
    },
  },
  self,
  {
    init(init) {
      urls = init;
      // Start loading early; a failure is reported by the import that needs the boundaries.
      areas().catch(() => undefined);
    },
    describe: (e, name, cancelled) => (cancelled ? cancelledMessage(name) : describe(e)),
  },
);
