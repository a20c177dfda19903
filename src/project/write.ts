import type { Session } from '../session/document.ts';
import { serializeSession } from '../session/url.ts';
import { SAMPLE_LABEL, type DatasetMeta, type EvidenceBytes, type EvidenceTable } from '../ingest/schemas.ts';
import { gzip, sha256, toBase64 } from './codec.ts';
import { BATCH_ENCODING, PROJECT_FORMAT, PROJECT_VERSION, type ProjectDatasetV1, type ProjectFile, type StoredBatch } from './format.ts';

export interface WorkspaceToSave {
  session: Session;
  /** The presentation store's value (src/presentation/store.ts), or null. */
  presentation: unknown;
  /** Each imported dataset as this browser keeps it. */
  datasets: readonly { meta: DatasetMeta; tables: EvidenceBytes }[];
  appVersion: string;
}

export type SaveProgress = (message: string, fraction: number) => void;

/**
 * The project file's text. Each dataset batch is compressed and fingerprinted
 * in turn, so progress can be shown and a Cancel (the signal) is heard between
 * batches. Nothing is read from or written to the page here.
 */
export async function projectFileText(w: WorkspaceToSave, now: Date = new Date(), onProgress?: SaveProgress, signal?: AbortSignal): Promise<string> {
  const total = w.datasets.reduce((n, d) => n + Object.values(d.tables).reduce((m, bs) => m + (bs ?? []).reduce((k, b) => k + b.byteLength, 0), 0), 0);
  let done = 0;
  const datasets: ProjectDatasetV1[] = [];
  for (const { meta, tables } of w.datasets) {
    const stored: Partial<Record<EvidenceTable, StoredBatch[]>> = {};
    for (const [table, batches] of Object.entries(tables) as [EvidenceTable, Uint8Array[]][]) {
      stored[table] = [];
      for (const bytes of batches) {
        signal?.throwIfAborted();
        onProgress?.(`Packing ${meta.fileName}`, total ? done / total : 0);
        stored[table].push({ bytes: bytes.byteLength, sha256: await sha256(bytes), data: toBase64(await gzip(bytes)) });
        done += bytes.byteLength;
      }
    }
    datasets.push({ meta: { ...meta }, ...(meta.synthetic ? { label: SAMPLE_LABEL } : {}), encoding: BATCH_ENCODING, tables: stored });
  }
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    v: PROJECT_VERSION,
    savedAt: now.toISOString(),
    app: { name: 'Ward Insight', version: w.appVersion },
    view: serializeSession(w.session),
    localities: w.session.localities.map(({ id, name, wards, lsoas }) => ({ id, name, wards: [...wards], lsoas: [...lsoas] })),
    presentation: w.presentation ?? null,
    datasets,
  };
  onProgress?.('Saving', 1);
  return `${JSON.stringify(file, null, 1)}\n`;
}
