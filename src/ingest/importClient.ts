import { WorkerActor } from '../workers/actor/WorkerActor.ts';
import type { DatasetKind, DatasetMeta, EvidenceBytes } from './schemas.ts';
import { cancelledMessage, type ImportChoices, type ImportInit, type ImportReport, type ImportRequests, type PreviewResult, type ValueProfile } from './importProtocol.ts';

export interface ImportOutcome {
  meta: DatasetMeta;
  tables: EvidenceBytes;
  report: ImportReport;
}

/** Raised when an import fails or is cancelled; the message is plain English for the person. */
export class ImportFailed extends Error {
  constructor(message: string, readonly cancelled: boolean) {
    super(message);
  }
}

/** Said for every request in flight when the worker dies (out of memory, most likely). */
export const WORKER_CRASHED =
  "The import stopped unexpectedly — the file may be too big for this computer's memory. Nothing already loaded has changed.";

/** Said to other requests in flight when a cancel had to end the worker (they can simply be asked again). */
export const WORKER_STOPPED = 'Reading stopped because another step was cancelled. Try again.';

/**
 * How long a cancelled request may take to stop by itself. The readers check
 * for a cancel every 50 ms, but an Excel workbook is unzipped and parsed in
 * one go the worker cannot interrupt; past this the worker is ended instead,
 * so Cancel always works within about a second.
 */
const CANCEL_GRACE_MS = 1000;

type Progress = (stage: string, fraction: number) => void;

/**
 * Main-thread half of the import worker (importWorker.ts), through
 * WorkerActor: one worker at a time, started on first use, with one promise
 * per request and a cancel for each. The worker is ended once an import has
 * ended and nothing else is waiting on it, so the heap a big file needed is
 * given back; the next request starts a fresh one. If the worker dies, every
 * request in flight fails with a plain message and the next request starts a
 * fresh worker.
 */
export class ImportClient {
  private readonly actor = new WorkerActor<ImportRequests, ImportInit>({
    create: () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' }),
    init: () => {
      const at = (p: string) => new URL(p, document.baseURI).href;
      return { lsoaUrl: at('data/geo/lsoa-five.geojson'), wardUrl: at('data/geo/ward-five.geojson') };
    },
    crashed: WORKER_CRASHED,
    stopped: WORKER_STOPPED,
    cancelled: cancelledMessage,
    fail: (message, cancelled) => new ImportFailed(message, cancelled),
    retireAfter: ['import'],
    cancelGraceMs: CANCEL_GRACE_MS,
  });

  /** The first rows with the header row (detected unless `choice.headerRow`) and sheet (Excel; the first with data unless `choice.sheet`). */
  preview(file: File, kind?: DatasetKind, choice: { sheet?: string; headerRow?: number } = {}): Promise<PreviewResult> {
    return this.actor.call('preview', { file, kind, sheet: choice.sheet, headerRow: choice.headerRow }).done;
  }

  import(file: File, choices: ImportChoices, meta: DatasetMeta, progress: Progress): { done: Promise<ImportOutcome>; cancel(): void } {
    return this.actor.call('import', { file, choices, meta }, { progress: (p) => progress(p.stage, p.fraction) });
  }

  /**
   * Reads the whole file once (with the chosen sheet, header row and mapping)
   * and profiles its categorical values for the values step. Progress and
   * cancel work as for an import; a cancelled profile fails with
   * ImportFailed(cancelled: true).
   */
  values(file: File, choices: ImportChoices, progress: Progress): { done: Promise<ValueProfile>; cancel(): void } {
    return this.actor.call('values', { file, choices }, { progress: (p) => progress(p.stage, p.fraction) });
  }
}

export function newDatasetId(): string {
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
