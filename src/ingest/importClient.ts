import type { DatasetKind, DatasetMeta, EvidenceBytes } from './schemas.ts';
import type { FromImportWorker, ImportChoices, ImportReport, PreviewResult, ToImportWorker } from './importProtocol.ts';

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

/**
 * Main-thread half of the import worker (importWorker.ts): one worker per page,
 * started on first use, with one promise per request and a cancel for each.
 */
export class ImportClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; progress?(stage: string, f: number): void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
    worker.onmessage = (e: MessageEvent<FromImportWorker>) => this.receive(e.data);
    const at = (p: string) => new URL(p, document.baseURI).href;
    const init: ToImportWorker = { type: 'init', lsoaUrl: at('data/geo/lsoa-five.geojson'), wardUrl: at('data/geo/ward-five.geojson') };
    worker.postMessage(init);
    this.worker = worker;
    return worker;
  }

  private receive(m: FromImportWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.stage, m.fraction);
    this.pending.delete(m.id);
    if (m.type === 'failed') p.reject(new ImportFailed(m.message, m.cancelled));
    else if (m.type === 'preview') p.resolve(m.result);
    else p.resolve({ meta: m.meta, tables: m.tables, report: m.report });
  }

  private request<T>(make: (id: number) => ToImportWorker, progress?: (stage: string, f: number) => void): { id: number; done: Promise<T> } {
    const worker = this.start();
    const id = this.next++;
    const done = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress }));
    worker.postMessage(make(id));
    return { id, done };
  }

  /** End the worker (a new one starts on the next request). */
  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  preview(file: File, kind?: DatasetKind): Promise<PreviewResult> {
    return this.request<PreviewResult>((id) => ({ type: 'preview', id, file, kind })).done;
  }

  import(file: File, choices: ImportChoices, meta: DatasetMeta, progress: (stage: string, fraction: number) => void): { done: Promise<ImportOutcome>; cancel(): void } {
    const { id, done } = this.request<ImportOutcome>((i) => ({ type: 'import', id: i, file, choices, meta }), progress);
    return { done, cancel: () => this.worker?.postMessage({ type: 'cancel', id } satisfies ToImportWorker) };
  }
}

export function newDatasetId(): string {
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
