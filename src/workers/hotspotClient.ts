import type { HotspotRun } from '../analysis/hotspots/runHotspots.ts';
import type { HotspotTimings, EmergingRequest, EmergingResult, FromHotspotWorker, HotspotRequest, ToHotspotWorker } from './hotspotProtocol.ts';

type Pending = { resolve(v: unknown): void; reject(e: Error): void; progress?(f: number): void };

/** Said for every calculation in flight when the worker dies (out of memory, most likely). */
export const HOTSPOT_WORKER_CRASHED =
  "The hotspot calculation stopped unexpectedly — this computer may not have enough memory for it. Nothing else has changed; try again, or choose fewer areas.";

/**
 * Main-thread half of hotspotWorker.ts: one worker, started on first use. If
 * it dies, every calculation in flight fails with a plain message and the next
 * request starts a fresh worker.
 */
export class HotspotClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./hotspotWorker.ts', import.meta.url), { type: 'module', name: 'hotspots' });
    worker.onmessage = (e: MessageEvent<FromHotspotWorker>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.progress?.(m.fraction);
      this.pending.delete(m.id);
      if (m.type === 'failed') p.reject(new Error(m.message));
      else if (m.type === 'hotspots') p.resolve({ run: m.run, ms: m.ms });
      else p.resolve({ result: m.result, ms: m.ms });
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(worker);
    };
    worker.onmessageerror = () => this.crashed(worker);
    this.worker = worker;
    return worker;
  }

  /** The worker died or sent something unreadable: fail everything it was doing and start afresh next time. */
  private crashed(worker: Worker): void {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new Error(HOTSPOT_WORKER_CRASHED));
  }

  private send<T>(make: (id: number) => ToHotspotWorker, progress?: (f: number) => void): Promise<T> {
    const worker = this.start();
    const id = this.next++;
    const done = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress }));
    worker.postMessage(make(id));
    return done;
  }

  hotspots(request: HotspotRequest, progress?: (f: number) => void): Promise<{ run: HotspotRun; ms: HotspotTimings }> {
    return this.send((id) => ({ type: 'hotspots', id, request }), progress);
  }

  /** Emerging hot spots over areas (boundaryUrl: touching neighbours) or points (points + k: k nearest). */
  emerging(request: EmergingRequest): Promise<{ result: EmergingResult; ms: number }> {
    return this.send((id) => ({ type: 'emerging', id, request }));
  }
}

let shared: HotspotClient | null = null;
export const hotspotClient = (): HotspotClient => (shared ??= new HotspotClient());
