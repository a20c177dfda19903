import type { DatasetKind, DatasetMeta, EvidenceBytes } from './schemas.ts';
import type { FromImportWorker, ImportChoices, ImportReport, PreviewResult, ToImportWorker, ValueProfile } from './importProtocol.ts';

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

interface Pending {
  /** Imports leave the worker holding a big heap; previews do not. */
  isImport: boolean;
  /** What Cancel says when it has to end the worker. */
  cancelled: string;
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress?(stage: string, f: number): void;
}

/**
 * Main-thread half of the import worker (importWorker.ts): one worker at a
 * time, started on first use, with one promise per request and a cancel for
 * each. The worker is ended once an import has ended and nothing else is
 * waiting on it, so the heap a big file needed is given back; the next request
 * starts a fresh one. If the worker dies, every request in flight fails with
 * a plain message and the next request starts a fresh worker.
 */
export class ImportClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** Set when an import has finished: end the worker as soon as nothing else is in flight. */
  private retire = false;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
    worker.onmessage = (e: MessageEvent<FromImportWorker>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(worker);
    };
    worker.onmessageerror = () => this.crashed(worker);
    const at = (p: string) => new URL(p, document.baseURI).href;
    const init: ToImportWorker = { type: 'init', lsoaUrl: at('data/geo/lsoa-five.geojson'), wardUrl: at('data/geo/ward-five.geojson') };
    worker.postMessage(init);
    this.worker = worker;
    this.retire = false;
    return worker;
  }

  private receive(m: FromImportWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.stage, m.fraction);
    this.pending.delete(m.id);
    if (m.type === 'failed') p.reject(new ImportFailed(m.message, m.cancelled));
    else if (m.type === 'preview') p.resolve(m.result);
    else if (m.type === 'values') p.resolve(m.profile);
    else p.resolve({ meta: m.meta, tables: m.tables, report: m.report });
    if (p.isImport) this.retire = true;
    if (this.retire && this.pending.size === 0) this.stop();
  }

  /** The worker died or sent something unreadable: fail everything it was doing and start afresh next time. */
  private crashed(worker: Worker): void {
    if (worker !== this.worker) return;
    const failed = [...this.pending.values()];
    this.pending.clear();
    this.stop();
    for (const p of failed) p.reject(new ImportFailed(WORKER_CRASHED, false));
  }

  private request<T>(make: (id: number) => ToImportWorker, progress?: (stage: string, f: number) => void): { id: number; worker: Worker; done: Promise<T> } {
    const worker = this.start();
    const id = this.next++;
    const message = make(id);
    const done = new Promise<T>((resolve, reject) =>
      this.pending.set(id, {
        isImport: message.type === 'import',
        cancelled: `${message.type === 'import' ? 'Import' : 'Reading'} cancelled. Nothing already loaded has changed.`,
        resolve: resolve as (v: unknown) => void,
        reject,
        progress,
      }),
    );
    worker.postMessage(message);
    return { id, worker, done };
  }

  /** End the worker (a new one starts on the next request). */
  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.retire = false;
  }

  /** The first rows with the header row (detected unless `choice.headerRow`) and sheet (Excel; the first with data unless `choice.sheet`). */
  preview(file: File, kind?: DatasetKind, choice: { sheet?: string; headerRow?: number } = {}): Promise<PreviewResult> {
    return this.request<PreviewResult>((id) => ({ type: 'preview', id, file, kind, sheet: choice.sheet, headerRow: choice.headerRow })).done;
  }

  import(file: File, choices: ImportChoices, meta: DatasetMeta, progress: (stage: string, fraction: number) => void): { done: Promise<ImportOutcome>; cancel(): void } {
    const { id, worker, done } = this.request<ImportOutcome>((i) => ({ type: 'import', id: i, file, choices, meta }), progress);
    return { done, cancel: () => this.cancel(worker, id) };
  }

  /**
   * Reads the whole file once (with the chosen sheet, header row and mapping)
   * and profiles its categorical values for the values step. Progress and
   * cancel work as for an import; a cancelled profile fails with
   * ImportFailed(cancelled: true).
   */
  values(file: File, choices: ImportChoices, progress: (stage: string, fraction: number) => void): { done: Promise<ValueProfile>; cancel(): void } {
    const { id, worker, done } = this.request<ValueProfile>((i) => ({ type: 'values', id: i, file, choices }), progress);
    return { done, cancel: () => this.cancel(worker, id) };
  }

  /** Asks the worker to stop request `id`; ends the worker if it has not stopped within CANCEL_GRACE_MS. */
  private cancel(worker: Worker, id: number): void {
    if (worker !== this.worker || !this.pending.has(id)) return;
    worker.postMessage({ type: 'cancel', id } satisfies ToImportWorker);
    setTimeout(() => {
      const p = this.pending.get(id);
      if (!p || worker !== this.worker) return;
      const others = [...this.pending].filter(([other]) => other !== id).map(([, o]) => o);
      this.pending.clear();
      this.stop();
      p.reject(new ImportFailed(p.cancelled, true));
      for (const o of others) o.reject(new ImportFailed(WORKER_STOPPED, false));
    }, CANCEL_GRACE_MS);
  }
}

export function newDatasetId(): string {
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
