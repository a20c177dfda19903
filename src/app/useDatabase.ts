import { useEffect, useState } from 'react';
import type { Database } from '../db/database.ts';
import { loadStartupTables } from '../db/builtInData.ts';
import { indicatorCatalogue, type Indicator } from '../db/queries/indicatorCatalogue.ts';
import { builtInAuthorities, type Authority } from '../db/queries/places.ts';
import { fetchBytes } from './fetchData.ts';

export type DatabaseState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; db: Database; catalogue: Indicator[]; authorities: Authority[]; loadMs: number };

let started: Promise<DatabaseState> | null = null;

/** Start DuckDB and load the built-in tables once per page; the map does not wait for it. */
function startDatabase(): Promise<DatabaseState> {
  started ??= (async (): Promise<DatabaseState> => {
    const t0 = performance.now();
    try {
      const { openBrowserDatabase } = await import('../db/browserDatabase.ts');
      const db = await openBrowserDatabase();
      await loadStartupTables(db, fetchBytes);
      const [catalogue, authorities] = await Promise.all([indicatorCatalogue(db), builtInAuthorities(db)]);
      return { status: 'ready', db, catalogue, authorities, loadMs: performance.now() - t0 };
    } catch (e) {
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  })();
  return started;
}

export function useDatabase(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void startDatabase().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
