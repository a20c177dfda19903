import type { ActorMap, FromWorker, ProgressOf, RequestName, RequestOf, ResponseOf, ToWorker } from './messages.ts';

/** What a handler gets besides its request. */
export interface Context<P> {
  /** Aborted when the main thread cancels this call; long work should check it. */
  signal: AbortSignal;
  progress(report: P): void;
  /** Buffers in the response to move to the main thread rather than copy. */
  transfer(buffers: Transferable[]): void;
}

export type Handlers<M extends ActorMap> = {
  [K in RequestName<M>]: (request: RequestOf<M, K>, context: Context<ProgressOf<M, K>>) => ResponseOf<M, K> | Promise<ResponseOf<M, K>>;
};

/** The part of a worker's global scope the actor uses (`self` in a worker; a fake in tests). */
export interface ActorScope {
  onmessage: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface ServeOptions<M extends ActorMap, Init> {
  /** Receives the main thread's init message (sent once, before any request). */
  init?(init: Init): void;
  /** The plain message for a failure (default: the error's own message). `cancelled` is true when the call was cancelled. */
  describe?(error: unknown, name: RequestName<M>, cancelled: boolean): string;
}

/**
 * The worker side of WorkerActor: runs each request's handler, posting its
 * progress, its answer or a plain failure message, and aborts a handler's
 * signal when the main thread cancels it.
 */
export function serveActor<M extends ActorMap, Init = never>(handlers: Handlers<M>, scope: ActorScope, options: ServeOptions<M, Init> = {}): void {
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

  scope.onmessage = async (event: MessageEvent<ToWorker<M, Init>>) => {
    // Read loosely: a generic union does not narrow on `type`.
    const m = event.data as { type: string; id: number; init?: Init; request?: unknown };
    if (m.type === 'init') return options.init?.(m.init as Init);
    if (m.type === 'cancel') return running.get(m.id)?.abort();
    const id = m.id;
    const name = m.type as RequestName<M>;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      let transfer: Transferable[] = [];
      const handler = handlers[name] as (request: unknown, context: Context<unknown>) => unknown;
      const response = await handler(m.request, {
        signal: controller.signal,
        progress: (progress) => post({ type: 'progress', id, progress }),
        transfer: (buffers) => (transfer = buffers),
      });
      post({ type: 'done', id, response }, transfer);
    } catch (e) {
      const cancelled = controller.signal.aborted;
      post({ type: 'failed', id, message: options.describe ? options.describe(e, name, cancelled) : messageOf(e), cancelled });
    } finally {
      running.delete(id);
    }
  };
}
