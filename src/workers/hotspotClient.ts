import type { HotspotRun } from '../analysis/hotspots/runHotspots.ts';
import { WorkerActor } from './actor/WorkerActor.ts';
import type { HotspotTimings, EmergingRequest, EmergingResult, HotspotRequest, HotspotRequests } from './hotspotProtocol.ts';

/** Said for every calculation in flight when the worker dies (out of memory, most likely). */
export const HOTSPOT_WORKER_CRASHED =
  "The hotspot calculation stopped unexpectedly — this computer may not have enough memory for it. Nothing else has changed; try again, or choose fewer areas.";

/**
 * Main-thread half of hotspotWorker.ts: one worker, started on first use. If
 * it dies, every calculation in flight fails with a plain message and the next
 * request starts a fresh worker (WorkerActor does all of that).
 */
export class HotspotClient {
  private readonly actor = new WorkerActor<HotspotRequests>({
    create: () => new Worker(new URL('./hotspotWorker.ts', import.meta.url), { type: 'module', name: 'hotspots' }),
    crashed: HOTSPOT_WORKER_CRASHED,
  });

  hotspots(request: HotspotRequest, progress?: (f: number) => void): Promise<{ run: HotspotRun; ms: HotspotTimings }> {
    return this.actor.call('hotspots', request, { progress }).done;
  }

  /** Emerging hot spots over areas (boundaryUrl: touching neighbours) or points (points + k: k nearest). */
  emerging(request: EmergingRequest): Promise<{ result: EmergingResult; ms: number }> {
    return this.actor.call('emerging', request).done;
  }
}

let shared: HotspotClient | null = null;
export const hotspotClient = (): HotspotClient => (shared ??= new HotspotClient());
