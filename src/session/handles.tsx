import { createContext, useContext } from 'react';
import type { DatabaseState } from './useDatabase.ts';
import type { EvidenceState } from './useEvidence.ts';
import type { Imports } from './useImports.ts';
import type { Database } from '../db/database.ts';
import type { Indicator } from '../db/queries/indicatorCatalogue.ts';

/**
 * The live handles beside the view document: the database, the residents'
 * evidence in it, and the import queue. Not part of the session value (they
 * are not serialisable); features read them here instead of through props.
 */
export interface Handles {
  database: DatabaseState;
  evidence: EvidenceState;
  imports: Imports;
  /**
   * The localities now in the database's locality tables (db/queries/localities.ts),
   * as session/layers.ts localitiesKey; null until first synced. Locality queries
   * key on it, so they re-run once a change has reached the database.
   */
  localitiesSynced: string | null;
}

export const HandlesContext = createContext<Handles | null>(null);

function useHandles(): Handles {
  const h = useContext(HandlesContext);
  if (!h) throw new Error('Ward Insight handles are read inside <HandlesContext.Provider>');
  return h;
}

export const useDatabaseState = (): DatabaseState => useHandles().database;
export const useEvidence = (): EvidenceState => useHandles().evidence;
export const useImportQueue = (): Imports => useHandles().imports;
export const useLocalitiesSynced = (): string | null => useHandles().localitiesSynced;

/** The database once it is ready (null before), with England's rows still loading behind `england`. */
export function useReadyDatabase(): { db: Database; england: Promise<void>; catalogue: Indicator[] } | null {
  const d = useHandles().database;
  return d.status === 'ready' ? { db: d.db, england: d.england, catalogue: d.catalogue } : null;
}
