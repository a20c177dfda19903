import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../session/useDatabase.ts';
import { useEvidence } from '../session/useEvidence.ts';
import { useImports } from '../session/useImports.ts';
import type { Handles } from '../session/handles.tsx';
import { useDispatch, useSession } from '../session/SessionContext.tsx';
import { localitiesKey } from '../session/layers.ts';
import { syncLocalities } from '../db/queries/localities.ts';
import { THEMES } from '../analysis/themes/definitions.ts';

/**
 * The live handles beside the view document: the database, the residents'
 * evidence, the import queue, and the session's localities copied into the
 * database whenever they change.
 */
export function useAppHandles(): Handles {
  const database = useDatabase();
  const evidence = useEvidence(database);
  const imports = useImports(evidence);
  const { localities } = useSession();
  const dispatch = useDispatch();
  const [localitiesSynced, setSynced] = useState<string | null>(null);
  const wanted = localitiesKey(localities);
  const db = database.status === 'ready' ? database.db : null;
  useEffect(() => {
    if (!db) return;
    let live = true;
    // The views key on the synced localities; they re-query once this change is in.
    void syncLocalities(db, localities).then(() => live && setSynced(wanted));
    return () => {
      live = false;
    };
    // `wanted` stands for `localities`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, wanted]);
  // A link naming a measure that isn't in the catalogue falls back, so the measure box, map and table agree.
  const catalogue = database.status === 'ready' ? database.catalogue : null;
  useEffect(() => {
    if (catalogue) dispatch({ type: 'catalogueKnown', codes: catalogue.map((i) => i.code), themes: THEMES.map((t) => t.id) });
  }, [catalogue, dispatch]);
  return useMemo(
    () => ({ database, evidence, imports, localitiesSynced: localitiesSynced === wanted ? wanted : null }),
    [database, evidence, imports, localitiesSynced, wanted],
  );
}
