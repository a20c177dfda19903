import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DatabaseState } from './useDatabase.ts';
import type { Database } from '../db/database.ts';
import { createEvidenceTables, insertDataset, removeDataset as removeFromDb } from '../db/evidence/schema.ts';
import { loadBuiltInCrimes } from '../db/evidence/builtInCrimes.ts';
import { fetchBytes } from '../ui/fetchData.ts';
import * as store from '../db/persist/datasetStore.ts';
import type { DatasetKind, DatasetMeta, EvidenceBytes } from '../ingest/schemas.ts';
import { exposeTiming, hooks } from '../ui/testHooks.ts';
import { countEvidenceRows } from '../db/evidence/tables.ts';

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface EvidenceState {
  /** Datasets in the database now, oldest first. */
  datasets: DatasetMeta[];
  /** Bumped whenever datasets change, so views re-query. */
  version: number;
  /**
   * Bumped only when data of one kind changes (police also when the built-in records
   * arrive), so a survey view does not re-query because police records loaded.
   */
  versions: Readonly<Record<DatasetKind, number>>;
  /** False until stored datasets have been restored after a reload. */
  restored: boolean;
  /** A problem restoring or saving, in plain English. */
  problem: string | null;
  /** True once the built-in police records (30 MB) are in the database; they load when a section first needs them. */
  crimesReady: boolean;
  /** Ask for the built-in police records (the crime and hotspot sections do); loads them once. */
  needCrimes(): void;
  add(meta: DatasetMeta, tables: EvidenceBytes): Promise<{ duplicateCrimes: number; saved: boolean }>;
  remove(id: string): Promise<void>;
}

/**
 * Residents' evidence: the datasets a person imported, kept in DuckDB for
 * querying and in the browser's own storage (IndexedDB) so they survive a
 * reload. Nothing is sent anywhere.
 */
export function useEvidence(dbState: DatabaseState): EvidenceState {
  const [datasets, setDatasets] = useState<DatasetMeta[]>([]);
  const [version, setVersion] = useState(0);
  const [versions, setVersions] = useState<Readonly<Record<DatasetKind, number>>>({ survey: 0, 'street-rep': 0, police: 0 });
  const bump = useCallback((...kinds: DatasetKind[]) => {
    setVersion((v) => v + 1);
    setVersions((old) => ({ ...old, ...Object.fromEntries(kinds.map((k) => [k, old[k] + 1])) }));
  }, []);
  const [restored, setRestored] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const db: Database | null = dbState.status === 'ready' ? dbState.db : null;
  const ready = useRef<Promise<void> | null>(null);
  // The datasets as of the last change, for an import that follows another before React re-renders.
  const datasetsNow = useRef<DatasetMeta[]>([]);

  useEffect(() => {
    if (!db || ready.current) return;
    hooks().countRows = (table) => countEvidenceRows(db, table);
    ready.current = (async () => {
      const metas: DatasetMeta[] = [];
      const unreadable: string[] = [];
      // Whatever fails here, the page must still finish restoring: the evidence
      // sections wait for `restored`, and a person can still import new files.
      let step: RestoreStep = 'tables';
      try {
        await createEvidenceTables(db);
        step = 'saved';
        for (const meta of await store.listDatasets()) {
          try {
            const saved = await store.loadDataset(meta.id);
            if (!saved) continue;
            await insertDataset(db, saved.meta, saved.tables);
            metas.push(saved.meta);
          } catch (e) {
            // One unreadable dataset must not keep the others from coming back.
            unreadable.push(`${meta.fileName} (${detail(e)})`);
          }
        }
        if (unreadable.length) {
          setProblem(`Some of your saved data could not be read back from this browser's storage, so it is not loaded: ${unreadable.join('; ')}.`);
        }
      } catch (e) {
        setProblem(`${RESTORE_PROBLEMS[step]} (${detail(e)})`);
      }
      datasetsNow.current = [...metas, ...datasetsNow.current];
      setDatasets(metas);
      bump('survey', 'street-rep', 'police');
      setRestored(true);
      exposeTiming('evidenceRestored');
    })();
  }, [db, bump]);

  const add = useCallback(
    async (meta: DatasetMeta, tables: EvidenceBytes) => {
      if (!db || !ready.current) throw new Error('The data engine is still starting; try again in a moment.');
      await ready.current;
      // The same bytes again (a re-downloaded month, a renamed copy) would list the file twice.
      const same = sameContent(datasetsNow.current, meta);
      if (same) throw new AlreadyLoaded(same);
      // Saved first: IndexedDB clones the bytes, then DuckDB takes them over (they are
      // transferred to its worker), so no third copy of a large import is ever held.
      let saved = true;
      try {
        await store.saveDataset(meta, tables);
        setProblem(null);
      } catch (e) {
        saved = false;
        setProblem(`${meta.fileName} is loaded for now but could not be saved in this browser, so it will be gone after a reload (${detail(e)}).`);
      }
      const { duplicateCrimes } = await insertDataset(db, meta, tables).catch(async (e: unknown) => {
        if (saved) await store.removeDataset(meta.id).catch(() => undefined);
        throw e;
      });
      datasetsNow.current = [...datasetsNow.current, meta];
      setDatasets((d) => [...d, meta]);
      bump(meta.kind);
      return { duplicateCrimes, saved };
    },
    [db, bump],
  );

  // The built-in police records wait until a section needs them: most visits never do, and
  // inserting them ties up the database queue for half a second (measured as slower measure
  // switches while they loaded). Imported records loaded before them are de-duplicated then.
  const [crimesReady, setCrimesReady] = useState(false);
  const crimesAsked = useRef(false);
  const needCrimes = useCallback(() => {
    if (!db || crimesAsked.current) return;
    crimesAsked.current = true;
    void (async () => {
      await ready.current;
      try {
        await loadBuiltInCrimes(db, fetchBytes);
        exposeTiming('crimesLoaded');
      } catch (e) {
        setProblem(`The built-in police data could not be loaded, so crime views show imported records only (${detail(e)}).`);
      }
      setCrimesReady(true);
      bump('police');
    })();
  }, [db, bump]);

  const remove = useCallback(
    async (id: string) => {
      if (!db) return;
      await removeFromDb(db, id);
      await store.removeDataset(id);
      const kind = datasetsNow.current.find((m) => m.id === id)?.kind;
      datasetsNow.current = datasetsNow.current.filter((m) => m.id !== id);
      setDatasets((d) => d.filter((m) => m.id !== id));
      bump(...(kind ? [kind] : (['survey', 'street-rep', 'police'] as DatasetKind[])));
    },
    [db, bump],
  );

  // One object per change, so components and effects that take the whole state re-run only when it changes.
  return useMemo(
    () => ({ datasets, version, versions, restored, problem, crimesReady, needCrimes, add, remove }),
    [datasets, version, versions, restored, problem, crimesReady, needCrimes, add, remove],
  );
}

type RestoreStep = 'tables' | 'saved';

/** What a failed start-up step means for the person, by the step that failed. */
const RESTORE_PROBLEMS: Record<RestoreStep, string> = {
  tables: 'Your own data cannot be used in this session: the data engine could not prepare a place for it. The official statistics still work.',
  saved: "Your saved data could not be read back from this browser's storage, so it is not loaded.",
};

/** A person's file already loaded with exactly these bytes (the synthetic sample replaces itself instead). */
export function sameContent(loaded: readonly DatasetMeta[], meta: DatasetMeta): DatasetMeta | null {
  if (meta.synthetic || !meta.contentHash) return null;
  return loaded.find((d) => !d.synthetic && d.contentHash === meta.contentHash) ?? null;
}

/** Refusing a file that is already loaded; the message names the first copy. */
export class AlreadyLoaded extends Error {
  constructor(readonly first: DatasetMeta) {
    const on = new Date(first.loadedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    super(`This file is already loaded, as '${first.fileName}' imported on ${on}; nothing was added.`);
  }
}
