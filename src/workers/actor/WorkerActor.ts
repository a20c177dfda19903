import type { ActorMap, FromWorker, ProgressOf, RequestName, RequestOf, ResponseOf, ToWorker } from './messages.ts';

export interface ActorOptions<M extends ActorMap, Init> {
  /** Starts a worker; called on first use and again after the worker has ended. */
  create(): Worker;
  /** Sent once to each new worker before any request (where the boundaries are, say). */
  init?(): Init;
  /** Said to every call in flight when the worker dies or sends something unreadable. */
  crashed: string;
  /** Said to the other calls in flight when a cancel had to end the worker (they can simply be asked again). */
  stopped?: string;
  /** Said to a call whose cancel had to end the worker. */
  cancelled?(name: RequestName<M>): string;
  /** Turns a plain failure message into the error callers expect (default: Error). */
  fail?(message: string, cancelled: boolean): Error;
  /** Requests that leave the worker holding a big heap: once one has settled, the worker is ended as soon as nothing else is in flight. */
  retireAfter?: readonly RequestName<M>[];
  /** How long a cancelled call may take to stop by itself before the worker is ended instead. */
  cancelGraceMs?: number;
}

export interface CallOptions<P> {
  progress?(report: P): void;
  /** Buffers to move to the worker rather than copy. */
  transfer?: Transferable[];
}

/** One call in flight: its answer, and a cancel that always works within the grace period. */
export interface Call<R> {
  done: Promise<R>;
  cancel(): void;
}

interface Pending {
  name: string;
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?(report: unknown): void;
}

/**
 * The main-thread side of a worker: one worker at a time, started on first
 * use, with a request id, a promise and a cancel per call. If the worker dies,
 * every call in flight fails with the `crashed` message and the next call
 * starts a fresh worker.
 */
export class WorkerActor<M extends ActorMap, Init = never> {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** Set when a retiring request has settled: end the worker as soon as nothing else is in flight. */
  private retire = false;

  constructor(private readonly options: ActorOptions<M, Init>) {}

  call<K extends RequestName<M>>(name: K, request: RequestOf<M, K>, options: CallOptions<ProgressOf<M, K>> = {}): Call<ResponseOf<M, K>> {
    const worker = this.start();
    const id = this.next++;
    const done = new Promise<ResponseOf<M, K>>((resolve, reject) =>
      this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject, progress: options.progress as Pending['progress'] }),
    );
    this.post(worker, { type: name, id, request } as ToWorker<M, Init>, options.transfer);
    return { done, cancel: () => this.cancel(worker, id) };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.options.create();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (worker === this.worker) this.receive(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(worker);
    };
    worker.onmessageerror = () => this.crashed(worker);
    this.worker = worker;
    this.retire = false;
    if (this.options.init) this.post(worker, { type: 'init', init: this.options.init() });
    return worker;
  }

  private post(worker: Worker, message: ToWorker<M, Init>, transfer: Transferable[] = []): void {
    worker.postMessage(message, transfer);
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.progress);
    this.pending.delete(m.id);
    if (m.type === 'failed') p.reject(this.error(m.message, m.cancelled));
    else p.resolve(m.response);
    if (this.options.retireAfter?.includes(p.name as RequestName<M>)) this.retire = true;
    if (this.retire && this.pending.size === 0) this.stop();
  }

  private error(message: string, cancelled: boolean): Error {
    return this.options.fail ? this.options.fail(message, cancelled) : new Error(message);
  }

  /** The worker died or sent something unreadable: fail everything it was doing and start afresh next time. */
  private crashed(worker: Worker): void {
    if (worker !== this.worker) return;
    const failed = [...this.pending.values()];
    this.pending.clear();
    this.stop();
    for (const p of failed) p.reject(this.error(this.options.crashed, false));
  }

  /** Asks the worker to stop call `id`; ends the worker if the call has not settled within the grace period. */
  private cancel(worker: Worker, id: number): void {
    if (worker !== this.worker || !this.pending.has(id)) return;
    this.post(worker, { type: 'cancel', id });
    setTimeout(() => {
      const p = this.pending.get(id);
      if (!p || worker !== this.worker) return;
      const others = [...this.pending].filter(([other]) => other !== id).map(([, o]) => o);
      this.pending.clear();
      this.stop();
      p.reject(this.error(this.options.cancelled?.(p.name as RequestName<M>) ?? 'Cancelled.', true));
      for (const o of others) o.reject(this.error(this.options.stopped ?? this.options.crashed, false));
    }, this.options.cancelGraceMs ?? 1000);
  }

  /** End the worker (a new one starts on the next call). */
  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.retire = false;
  }
}
