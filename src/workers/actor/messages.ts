/**
 * The typed request/response layer between the main thread and a worker (as
 * maplibre-gl-js's actor messages do it). A worker is described by one map
 * from request name to what it takes, what it answers and what progress it
 * reports along the way; WorkerActor (main thread) and serveActor (worker)
 * are both typed by that map, so neither side can send what the other does
 * not expect.
 */

/** One kind of request: what is sent, what comes back, and what each progress report carries (never, if it reports none). */
export interface Exchange {
  request: unknown;
  response: unknown;
  progress?: unknown;
}

/** Request names → exchanges. `init` and `cancel` are the layer's own messages, so no request may use them. */
export type ActorMap = { [name: string]: Exchange } & { init?: never; cancel?: never };

export type RequestName<M extends ActorMap> = Extract<keyof M, string>;
export type RequestOf<M extends ActorMap, K extends keyof M> = M[K]['request'];
export type ResponseOf<M extends ActorMap, K extends keyof M> = M[K]['response'];
export type ProgressOf<M extends ActorMap, K extends keyof M> = M[K] extends { progress: infer P } ? P : never;

/** What the main thread posts. `type` is the request name, so a message says what it asks for. */
export type ToWorker<M extends ActorMap, Init> =
  | { type: 'init'; init: Init }
  | { [K in RequestName<M>]: { type: K; id: number; request: RequestOf<M, K> } }[RequestName<M>]
  | { type: 'cancel'; id: number };

/** What the worker posts back. A failure is a plain message (an Error does not survive the trip intact). */
export type FromWorker =
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'done'; id: number; response: unknown }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };
