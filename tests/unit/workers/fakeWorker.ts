import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { serveActor, type ActorScope, type Handlers, type ServeOptions } from '../../../src/workers/actor/serveActor.ts';
import type { ActorMap } from '../../../src/workers/actor/messages.ts';

/**
 * A Worker stand-in for Node: the two halves talk over a real MessageChannel
 * (so messages are structured-cloned and transfers really move buffers), with
 * serveActor on the far end. crash() and garble() play a worker that died and
 * one that sent something unreadable.
 */
export class FakeWorker<M extends ActorMap, Init = never> {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: { preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  /** Everything the main side posted, in order. */
  readonly sent: unknown[] = [];
  private readonly main: MessagePort;
  private readonly far: MessagePort;

  constructor(handlers: Handlers<M>, options: ServeOptions<M, Init> = {}) {
    const { port1, port2 } = new MessageChannel();
    this.main = port1;
    this.far = port2;
    const scope: ActorScope = {
      onmessage: null,
      postMessage: (message, transfer) => {
        if (!this.terminated) port2.postMessage(message, transfer as never);
      },
    };
    port1.on('message', (data: unknown) => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
    });
    port2.on('message', (data: unknown) => {
      if (!this.terminated) void scope.onmessage?.({ data } as MessageEvent);
    });
    serveActor(handlers, scope, options);
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.sent.push(message);
    if (!this.terminated) this.main.postMessage(message, transfer as never);
  }

  terminate(): void {
    this.terminated = true;
    this.main.close();
    this.far.close();
  }

  /** The worker died (out of memory, say): returns whether the actor kept the error from the console. */
  crash(): boolean {
    let prevented = false;
    this.onerror?.({ preventDefault: () => (prevented = true) });
    return prevented;
  }

  garble(): void {
    this.onmessageerror?.();
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}

/** Lets queued port messages be delivered (setImmediate is left real by the tests' fake timers). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}

/** Records how a promise ends, without an unhandled rejection. */
export function watch<T>(p: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } {
  const w: { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { state: 'pending' };
  p.then(
    (value) => Object.assign(w, { state: 'resolved', value }),
    (error: unknown) => Object.assign(w, { state: 'rejected', error }),
  );
  return w;
}
