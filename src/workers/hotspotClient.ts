import type { HotspotRun } from '../analysis/hotspots/runHotspots.ts';
import type { HotspotTimings, EmergingRequest, EmergingResult, FromHotspotWorker, HotspotRequest, ToHotspotWorker } from './hotspotProtocol.ts';

type Pending = { resolve(v: unknown): void; reject(e: Error): void; progress?(f: number): void };

/** Main-thread half of hotspotWorker.ts: one worker, started on first use. */
export class HotspotClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private send<T>(make: (id: number) => ToHotspotWorker, progress?: (f: number) => void): Promise<T> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./hotspotWorker.ts', import.meta.url), { type: 'module', name: 'hotspots' });
      this.worker.onmessage = (e: MessageEvent<FromHotspotWorker>) => {
        const m = e.data;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') return p.progress?.(m.fraction);
        this.pending.delete(m.id);
        if (m.type === 'failed') p.reject(new Error(m.message));
        else if (m.type === 'hotspots') p.resolve({ run: m.run, ms: m.ms });
        else p.resolve({ result: m.result, ms: m.ms });
      };
    }
    const id = this.next++;
    const done = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress }));
    this.worker.postMessage(make(id));
    return done;
  }

  hotspots(request: HotspotRequest, progress?: (f: number) => void): Promise<{ run: HotspotRun; ms: HotspotTimings }> {
    return this.send((id) => ({ type: 'hotspots', id, request }), progress);
  }

  emerging(request: EmergingRequest): Promise<{ result: EmergingResult; ms: number }> {
    return this.send((id) => ({ type: 'emerging', id, request }));
  }
}

let shared: HotspotClient | null = null;
export const hotspotClient = (): HotspotClient => (shared ??= new HotspotClient());
