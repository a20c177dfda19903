import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerActor, type ActorOptions } from '../../../src/workers/actor/WorkerActor.ts';
import type { Handlers } from '../../../src/workers/actor/serveActor.ts';
import { FakeWorker, settle, watch } from './fakeWorker.ts';

type TestRequests = {
  double: { request: number; response: number };
  count: { request: { to: number }; response: string; progress: { at: number } };
  fail: { request: string; response: never };
  /** Waits until cancelled, then stops. */
  wait: { request: null; response: string };
  /** Never ends, and ignores cancel (an Excel file parsed in one go). */
  stuck: { request: null; response: string };
  /** A buffer of `size` bytes, moved (not copied) back when `move`. */
  bytes: { request: { size: number; move: boolean }; response: Uint8Array };
  sum: { request: Uint8Array; response: number };
  heavy: { request: null; response: string };
};

class TestFailed extends Error {
  constructor(message: string, readonly cancelled: boolean) {
    super(message);
  }
}

const CRASHED = 'The worker stopped unexpectedly.';
const STOPPED = 'Stopped because another call was cancelled.';

let workers: FakeWorker<TestRequests, { greeting: string }>[] = [];
/** Started by the test handlers, so a test can wait until the worker is really busy. */
let started: string[] = [];
/** What the worker side made for `bytes`, to see whether it was moved. */
let madeBuffers: ArrayBuffer[] = [];
let inits: string[] = [];

const handlers: Handlers<TestRequests> = {
  double: (n) => n * 2,
  count({ to }, { progress }) {
    for (let i = 1; i <= to; i++) progress({ at: i });
    return `counted to ${to}`;
  },
  fail: (why) => {
    throw new Error(why);
  },
  wait: (_, { signal }) => {
    started.push('wait');
    return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
  },
  stuck: () => {
    started.push('stuck');
    return new Promise(() => undefined);
  },
  bytes({ size, move }, { transfer }) {
    const buffer = new ArrayBuffer(size);
    new Uint8Array(buffer).fill(7);
    madeBuffers.push(buffer);
    if (move) transfer([buffer]);
    return new Uint8Array(buffer);
  },
  sum: (bytes) => bytes.reduce((a, b) => a + b, 0),
  heavy: () => 'done',
};

function actor(extra: Partial<ActorOptions<TestRequests, { greeting: string }>> = {}) {
  return new WorkerActor<TestRequests, { greeting: string }>({
    create: () => {
      const w = new FakeWorker<TestRequests, { greeting: string }>(handlers, {
        init: ({ greeting }) => inits.push(greeting),
        describe: (e, name, cancelled) => (cancelled ? `${name} cancelled` : `Problem: ${e instanceof Error ? e.message : String(e)}`),
      });
      workers.push(w);
      return w.asWorker();
    },
    init: () => ({ greeting: 'hello' }),
    crashed: CRASHED,
    stopped: STOPPED,
    cancelled: (name) => `${name} cancelled`,
    fail: (message, cancelled) => new TestFailed(message, cancelled),
    ...extra,
  });
}

beforeEach(() => {
  workers = [];
  started = [];
  madeBuffers = [];
  inits = [];
});

afterEach(() => {
  vi.useRealTimers();
  for (const w of workers) if (!w.terminated) w.terminate();
});

describe('WorkerActor and serveActor', () => {
  it('starts no worker until the first call, then one worker (told its init once) for many calls', async () => {
    const a = actor();
    expect(workers).toHaveLength(0);
    const answers = await Promise.all([1, 2, 3].map((n) => a.call('double', n).done));
    expect(answers).toEqual([2, 4, 6]);
    expect(workers).toHaveLength(1);
    expect(inits).toEqual(['hello']);
    // init goes first, then each request named by its type with its own id.
    const sent = workers[0]!.sent as { type: string; id?: number }[];
    expect(sent.map((m) => m.type)).toEqual(['init', 'double', 'double', 'double']);
    expect(new Set(sent.slice(1).map((m) => m.id)).size).toBe(3);
  });

  it('reports progress in order before the answer', async () => {
    const seen: number[] = [];
    const answer = await actor().call('count', { to: 4 }, { progress: (p) => seen.push(p.at) }).done;
    expect(answer).toBe('counted to 4');
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('turns a failure into the caller’s error with the worker’s plain message, and keeps the worker', async () => {
    const a = actor();
    const error = await a.call('fail', 'no rows').done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestFailed);
    expect((error as TestFailed).message).toBe('Problem: no rows');
    expect((error as TestFailed).cancelled).toBe(false);
    expect(await a.call('double', 5).done).toBe(10);
    expect(workers).toHaveLength(1);
  });

  it('fails with a plain Error by default', async () => {
    const error = await actor({ fail: undefined }).call('fail', 'bad').done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TestFailed);
    expect((error as Error).message).toBe('Problem: bad');
  });

  it('moves buffers when asked, and only then', async () => {
    const a = actor();
    const moved = await a.call('bytes', { size: 16, move: true }).done;
    expect(Array.from(moved)).toEqual(Array(16).fill(7));
    expect(madeBuffers[0]!.byteLength).toBe(0); // detached on the worker side: moved, not copied
    const copied = await a.call('bytes', { size: 8, move: false }).done;
    expect(copied.length).toBe(8);
    expect(madeBuffers[1]!.byteLength).toBe(8);
    // And to the worker.
    const mine = new Uint8Array([1, 2, 3]);
    const sum = a.call('sum', mine, { transfer: [mine.buffer] }).done;
    expect(mine.byteLength).toBe(0);
    expect(await sum).toBe(6);
  });

  for (const how of ['crash', 'garble'] as const) {
    it(`a worker that ${how === 'crash' ? 'dies' : 'sends something unreadable'} fails every call in flight, and the next call starts a fresh one`, async () => {
      const a = actor();
      const calls = [watch(a.call('stuck', null).done), watch(a.call('wait', null).done), watch(a.call('count', { to: 1 }).done)];
      await settle();
      // The quick one has finished; the two waiting ones are still in flight.
      expect(calls.map((c) => c.state)).toEqual(['pending', 'pending', 'resolved']);
      const first = workers[0]!;
      if (how === 'crash') expect(first.crash()).toBe(true);
      else first.garble();
      await settle();
      expect(calls.map((c) => c.state)).toEqual(['rejected', 'rejected', 'resolved']);
      for (const c of calls.slice(0, 2)) {
        expect((c.error as TestFailed).message).toBe(CRASHED);
        expect((c.error as TestFailed).cancelled).toBe(false);
      }
      expect(first.terminated).toBe(true);
      expect(await a.call('double', 21).done).toBe(42);
      expect(workers).toHaveLength(2);
      expect(inits).toEqual(['hello', 'hello']);
      // A late error from the old worker does not touch the new one's calls.
      const later = watch(a.call('stuck', null).done);
      await settle();
      first.crash();
      await settle();
      expect(later.state).toBe('pending');
      expect(workers[1]!.terminated).toBe(false);
    });
  }

  it('cancel asks the worker to stop; a call that stops by itself fails as cancelled and the worker is kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const a = actor();
    const call = a.call('wait', null);
    const w = watch(call.done);
    await settle();
    expect(started).toEqual(['wait']);
    call.cancel();
    await settle();
    expect(w.state).toBe('rejected');
    expect((w.error as TestFailed).message).toBe('wait cancelled');
    expect((w.error as TestFailed).cancelled).toBe(true);
    expect((workers[0]!.sent.at(-1) as { type: string }).type).toBe('cancel');
    vi.advanceTimersByTime(1000);
    expect(workers[0]!.terminated).toBe(false);
    expect(await a.call('double', 1).done).toBe(2);
    expect(workers).toHaveLength(1);
  });

  it('cancel ends a stuck worker after exactly 1 s: the call fails as cancelled, others in flight as stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const a = actor();
    const call = a.call('stuck', null);
    const stuck = watch(call.done);
    const other = watch(a.call('wait', null).done);
    await settle();
    expect(started).toEqual(['stuck', 'wait']);
    call.cancel();
    await settle();
    vi.advanceTimersByTime(999);
    await settle();
    expect([stuck.state, other.state]).toEqual(['pending', 'pending']);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await settle();
    expect(stuck.state).toBe('rejected');
    expect((stuck.error as TestFailed).message).toBe('stuck cancelled');
    expect((stuck.error as TestFailed).cancelled).toBe(true);
    expect(other.state).toBe('rejected');
    expect((other.error as TestFailed).message).toBe(STOPPED);
    expect((other.error as TestFailed).cancelled).toBe(false);
    expect(workers[0]!.terminated).toBe(true);
    expect(await a.call('double', 4).done).toBe(8);
    expect(workers).toHaveLength(2);
  });

  it('cancel of a call that has already ended does nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const a = actor();
    const call = a.call('double', 3);
    expect(await call.done).toBe(6);
    call.cancel();
    vi.advanceTimersByTime(2000);
    expect(workers[0]!.sent.map((m) => (m as { type: string }).type)).toEqual(['init', 'double']);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('a retiring request ends the worker once nothing else is in flight', async () => {
    const a = actor({ retireAfter: ['heavy'] });
    const waiting = a.call('wait', null);
    const w = watch(waiting.done);
    expect(await a.call('heavy', null).done).toBe('done');
    await settle();
    // Something else is still in flight, so the worker stays for now.
    expect(workers[0]!.terminated).toBe(false);
    waiting.cancel();
    await settle();
    expect(w.state).toBe('rejected');
    expect(workers[0]!.terminated).toBe(true);
    expect(await a.call('double', 2).done).toBe(4);
    expect(workers).toHaveLength(2);
    // Other requests do not retire it.
    expect(workers[1]!.terminated).toBe(false);
  });
});
