/**
 * Carrying out an open plan (./plan.ts) through the app's own operations —
 * the same `add` an import and Undo use, the session's dispatch, the
 * presentation store — so it all happens exactly as if done by hand. Datasets
 * come first; if one fails or Cancel is pressed, the ones already added are
 * taken out again and nothing else is touched. The view, localities and
 * slides change only after every dataset is in.
 */
import type { SessionAction } from '../session/updaters.ts';
import type { DatasetMeta, EvidenceBytes } from '../ingest/schemas.ts';
import type { ApplyPlan } from './plan.ts';

export interface ApplyTarget {
  add(meta: DatasetMeta, tables: EvidenceBytes): Promise<unknown>;
  remove(id: string): Promise<void>;
  dispatch(action: SessionAction): void;
  setPresentation(value: unknown): void;
}

export type Applied = { ok: true; notes: string[] } | { ok: false; cancelled: boolean; message: string };

export async function applyPlan(plan: ApplyPlan, target: ApplyTarget, signal?: AbortSignal, onProgress?: (message: string, fraction: number) => void): Promise<Applied> {
  const added: DatasetMeta[] = [];
  const total = plan.add.reduce((n, a) => n + a.meta.rows, 0) || 1;
  let done = 0;
  try {
    for (const { meta, tables } of plan.add) {
      signal?.throwIfAborted();
      onProgress?.(`Loading ${meta.fileName}`, done / total);
      await target.add(meta, tables);
      added.push(meta);
      done += meta.rows;
    }
    // A Cancel pressed during the last load still undoes it.
    signal?.throwIfAborted();
  } catch (e) {
    for (const meta of added.reverse()) await target.remove(meta.id).catch(() => undefined);
    const cancelled = signal?.aborted === true;
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, cancelled, message: cancelled ? 'Opening the project was cancelled. Nothing was changed.' : `The project could not be opened: ${why} Nothing was changed.` };
  }
  onProgress?.('Finishing', 1);
  // Everything is in: a dataset that will not come out now is said, not a reason to stop halfway.
  const stuck: string[] = [];
  for (const meta of plan.remove) await target.remove(meta.id).catch(() => stuck.push(meta.fileName));
  target.dispatch(plan.session);
  if (plan.presentation !== undefined) target.setPresentation(plan.presentation);
  const notes = stuck.length ? [`${stuck.map((n) => `‘${n}’`).join(', ')} could not be removed; remove ${stuck.length === 1 ? 'it' : 'them'} in the list below.`] : [];
  return { ok: true, notes };
}
