import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AreaLookup } from '../../../src/ingest/areaLookup.ts';
import { previewImport, runImport } from '../../../src/ingest/importJob.ts';
import type { DatasetMeta, EvidenceBytes } from '../../../src/ingest/schemas.ts';
import type { PresentationOps } from '../../../src/project/plan.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const geo = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'data/geo', name), 'utf8'));
let lookup: AreaLookup | null = null;

/** A dataset exactly as the import worker hands it to the app (and the app keeps it). */
export async function importCsv(text: string, fileName: string, id: string, synthetic = false): Promise<{ meta: DatasetMeta; tables: EvidenceBytes }> {
  lookup ??= new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
  const file = new File([text], fileName);
  const preview = await previewImport(file);
  const meta: DatasetMeta = { id, kind: preview.guess.kind, fileName, rows: 0, loadedAt: '2026-12-01T10:00:00.000Z', synthetic };
  const out = await runImport(file, { kind: preview.guess.kind, mapping: preview.guess.mapping }, meta, lookup, () => undefined);
  return { meta: out.meta, tables: out.tables };
}

export const sampleText = (name: string) => readFileSync(resolve(ROOT, 'data/sample', name), 'utf8');
/** The first `rows` data rows of a sample file, as a small file of a person's own. */
export const firstRows = (name: string, rows: number) => sampleText(name).split('\n').slice(0, rows + 1).join('\n');

/** A stand-in for the presentation store in pure tests: { slides: [{ title, view }] }. */
export const fakeSlides: PresentationOps = {
  count: (p) => ((p as { slides?: unknown[] } | null)?.slides ?? []).length,
  empty: () => ({ slides: [] }),
  merge: (a, b) => ({ slides: [...((a as { slides?: unknown[] } | null)?.slides ?? []), ...((b as { slides: unknown[] }).slides ?? [])] }),
  remap: (p) => p,
};

/** Copies of every batch (the app hands bytes over to DuckDB, so tests compare against copies). */
export const copyTables = (t: EvidenceBytes): EvidenceBytes =>
  Object.fromEntries(Object.entries(t).map(([k, bs]) => [k, bs!.map((b) => b.slice())])) as EvidenceBytes;
