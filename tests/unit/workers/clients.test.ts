import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportClient, ImportFailed, WORKER_CRASHED, WORKER_STOPPED } from '../../../src/ingest/importClient.ts';
import type { ImportInit, ImportRequests } from '../../../src/ingest/importProtocol.ts';
import type { DatasetMeta } from '../../../src/ingest/schemas.ts';
import { HOTSPOT_WORKER_CRASHED, HotspotClient } from '../../../src/workers/hotspotClient.ts';
import type { HotspotRequest, HotspotRequests } from '../../../src/workers/hotspotProtocol.ts';
import type { Handlers } from '../../../src/workers/actor/serveActor.ts';
import { FakeWorker, settle, watch } from './fakeWorker.ts';

/**
 * The two clients over fake workers: their public methods, constants and
 * messages are what the app relies on. The workers here are stand-ins (the
 * real ones need a browser); the e2e tests run the real ones.
 */

let workers: FakeWorker<ImportRequests, ImportInit>[] | FakeWorker<HotspotRequests>[] = [];
let inits: ImportInit[] = [];

/** Makes `new Worker(...)` build a FakeWorker serving `handlers`. */
function stubWorker<M extends ImportRequests | HotspotRequests>(handlers: Handlers<M>, describe?: (e: unknown, name: string, cancelled: boolean) => string): void {
  vi.stubGlobal(
    'Worker',
    function FakeWorkerConstructor() {
      const w = new FakeWorker<M, ImportInit>(handlers, { init: (i) => inits.push(i), describe });
      (workers as FakeWorker<M, ImportInit>[]).push(w);
      return w;
    } as unknown as typeof Worker,
  );
}

beforeEach(() => {
  workers = [];
  inits = [];
  vi.stubGlobal('document', { baseURI: 'http://localhost/ward/' });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  for (const w of workers) if (!w.terminated) w.terminate();
});

const file = new File(['a,b\n1,2\n'], 'survey.csv', { type: 'text/csv' });
const meta = { id: 'ds-1', fileName: 'survey.csv' } as DatasetMeta;
const choices = { kind: 'survey', mapping: {} } as unknown as Parameters<ImportClient['values']>[1];
const never = () => new Promise<never>(() => undefined);

describe('ImportClient', () => {
  it('tells each new worker where the boundaries are, previews, and ends the worker after an import', async () => {
    stubWorker<ImportRequests>({
      preview: async ({ file: f, sheet }) => ({ summary: { size: (f as Blob).size, sheet } }) as never,
      import: ({ meta: m }, { progress }) => {
        progress({ stage: 'Reading and checking rows', fraction: 0.5 });
        return { meta: m, tables: {}, report: {} as never };
      },
      values: never,
    });
    const client = new ImportClient();
    const preview = await client.preview(file, undefined, { sheet: 'Sheet 2' });
    expect(preview).toEqual({ summary: { size: file.size, sheet: 'Sheet 2' } });
    expect(inits).toEqual([{ lsoaUrl: 'http://localhost/ward/data/geo/lsoa-five.geojson', wardUrl: 'http://localhost/ward/data/geo/ward-five.geojson' }]);
    const seen: [string, number][] = [];
    const outcome = await client.import(file, choices, meta, (stage, f) => seen.push([stage, f])).done;
    expect(outcome.meta).toEqual(meta);
    expect(seen).toEqual([['Reading and checking rows', 0.5]]);
    // The import's heap is given back: the worker is ended, and the next request starts another.
    await settle();
    expect(workers[0]!.terminated).toBe(true);
    await client.preview(file);
    expect(workers).toHaveLength(2);
    expect(inits).toHaveLength(2);
  });

  it('cancel of a stuck import ends the worker after 1 s with ImportFailed(cancelled); a profile in flight is told it stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stubWorker<ImportRequests>({ preview: never, import: never, values: never });
    const client = new ImportClient();
    const run = client.import(file, choices, meta, () => undefined);
    const imported = watch(run.done);
    const profile = watch(client.values(file, choices, () => undefined).done);
    await settle();
    run.cancel();
    vi.advanceTimersByTime(999);
    await settle();
    expect(imported.state).toBe('pending');
    vi.advanceTimersByTime(1);
    await settle();
    expect(imported.error).toBeInstanceOf(ImportFailed);
    expect(imported.error).toMatchObject({ message: 'Import cancelled. Nothing already loaded has changed.', cancelled: true });
    expect(profile.error).toBeInstanceOf(ImportFailed);
    expect(profile.error).toMatchObject({ message: WORKER_STOPPED, cancelled: false });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a profile that stops by itself on cancel reads "Reading cancelled"', async () => {
    // As importWorker.ts describes failures.
    const describe = (e: unknown, name: string, cancelled: boolean) => (cancelled ? `${name === 'import' ? 'Import' : 'Reading'} cancelled. Nothing already loaded has changed.` : String(e));
    stubWorker<ImportRequests>(
      {
        preview: never,
        import: never,
        values: (_, { signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
      },
      describe,
    );
    const run = new ImportClient().values(file, choices, () => undefined);
    await settle();
    run.cancel();
    const error = await run.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailed);
    expect(error).toMatchObject({ message: 'Reading cancelled. Nothing already loaded has changed.', cancelled: true });
    expect(workers[0]!.terminated).toBe(false);
  });

  it('a crash fails every request in flight with WORKER_CRASHED', async () => {
    stubWorker<ImportRequests>({ preview: never, import: never, values: never });
    const client = new ImportClient();
    const a = watch(client.preview(file));
    const b = watch(client.import(file, choices, meta, () => undefined).done);
    await settle();
    workers[0]!.crash();
    await settle();
    for (const c of [a, b]) {
      expect(c.error).toBeInstanceOf(ImportFailed);
      expect(c.error).toMatchObject({ message: WORKER_CRASHED, cancelled: false });
    }
  });
});

describe('HotspotClient', () => {
  const request = { codes: ['A', 'B'], values: [1, 2], statistic: 'gi-star', boundaryUrl: 'http://localhost/b.geojson' } as unknown as HotspotRequest;

  it('passes progress and the answer through, and fails in flight calls with HOTSPOT_WORKER_CRASHED', async () => {
    stubWorker<HotspotRequests>({
      hotspots: (r, { progress }) => {
        progress(0.25);
        progress(1);
        return { run: { codes: r.codes } as never, ms: { weights: 1, statistics: 2, load: 3, queen: 4, analytic: 5 } };
      },
      emerging: (r) => (r.steps === 0 ? never() : { result: { classes: [], trendZ: [], trendP: [], islands: [] }, ms: 1 }),
    });
    const client = new HotspotClient();
    const fractions: number[] = [];
    const { run, ms } = await client.hotspots(request, (f) => fractions.push(f));
    expect(run).toEqual({ codes: ['A', 'B'] });
    expect(ms.queen).toBe(4);
    expect(fractions).toEqual([0.25, 1]);
    const stuck = watch(client.emerging({ codes: ['A'], steps: 0, cube: new Float64Array(0), boundaryUrl: 'x' }));
    await settle();
    workers[0]!.crash();
    await settle();
    expect(stuck.error).toBeInstanceOf(Error);
    expect((stuck.error as Error).message).toBe(HOTSPOT_WORKER_CRASHED);
    // A fresh worker answers the next request.
    expect((await client.emerging({ codes: ['A'], steps: 1, cube: new Float64Array(1), boundaryUrl: 'x' })).ms).toBe(1);
    expect(workers).toHaveLength(2);
  });
});
