import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceState } from '../../session/useEvidence.ts';
import { loadDataset, type StoredDataset } from '../../db/persist/datasetStore.ts';
import type { DatasetMeta } from '../../ingest/schemas.ts';

/** How long "Undo" is offered after a Remove. */
export const UNDO_MS = 15_000;

export type Removal =
  | { phase: 'undoable'; meta: DatasetMeta }
  | { phase: 'restoring'; meta: DatasetMeta }
  /** The dataset was never saved in this browser, so it can't be brought back: ask first. */
  | { phase: 'confirm'; meta: DatasetMeta }
  | { phase: 'failed'; meta: DatasetMeta; message: string };

/**
 * Remove a dataset at once (from the database and the browser's storage) but
 * keep a copy of its saved bytes in memory for UNDO_MS, so Undo can put it back
 * exactly as it was. The copy is dropped when the window closes.
 */
export function useUndoableRemove(evidence: Pick<EvidenceState, 'add' | 'remove'>) {
  const [removal, setRemoval] = useState<Removal | null>(null);
  const kept = useRef<StoredDataset | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { add, remove: removeNow } = evidence;

  const forget = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    kept.current = null;
  }, []);
  useEffect(() => forget, [forget]);

  const drop = useCallback(async (meta: DatasetMeta, copy: StoredDataset | null) => {
    forget();
    await removeNow(meta.id);
    if (!copy) return setRemoval(null);
    kept.current = copy;
    setRemoval({ phase: 'undoable', meta });
    timer.current = setTimeout(() => {
      kept.current = null;
      setRemoval((r) => (r?.meta.id === meta.id && r.phase === 'undoable' ? null : r));
    }, UNDO_MS);
  }, [forget, removeNow]);

  const remove = useCallback(
    async (meta: DatasetMeta) => {
      const copy = (await loadDataset(meta.id).catch(() => undefined)) ?? null;
      if (!copy) return setRemoval({ phase: 'confirm', meta });
      await drop(meta, copy);
    },
    [drop],
  );

  const confirm = useCallback(async () => {
    if (removal?.phase === 'confirm') await drop(removal.meta, null);
  }, [removal, drop]);

  const undo = useCallback(async () => {
    const copy = kept.current;
    if (!copy || removal?.phase !== 'undoable') return;
    forget();
    setRemoval({ phase: 'restoring', meta: copy.meta });
    try {
      await add(copy.meta, copy.tables);
      setRemoval(null);
    } catch (e) {
      setRemoval({ phase: 'failed', meta: copy.meta, message: e instanceof Error ? e.message : String(e) });
    }
  }, [add, removal, forget]);

  const dismiss = useCallback(() => {
    forget();
    setRemoval(null);
  }, [forget]);

  return { removal, remove, confirm, undo, dismiss };
}
