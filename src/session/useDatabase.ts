import { useEffect, useState } from 'react';
import type { Database } from '../db/database.ts';
import { fetchStartupTables, insertStartupTables, loadBackgroundTables } from '../db/builtInData.ts';
import { indicatorCatalogue, type Indicator } from '../db/queries/indicatorCatalogue.ts';
import { fetchBytes } from '../ui/fetchData.ts';
import { startDuckDBWorker } from '../db/duckdbWorker.ts';
import { exposeTiming } from '../ui/testHooks.ts';

export type DatabaseState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      db: Database;
      catalogue: Indicator[];
      /** Resolves once the rest of England's rows are in (England view, national cut points, England averages). */
      england: Promise<void>;
    };

let started: Promise<DatabaseState> | null = null;
let allowCompile: () => void = () => undefined;
const compileAllowed = new Promise<void>((resolve) => (allowCompile = resolve));

/**
 * Let DuckDB compile its 34 MB engine. Called once the map has drawn its first
 * colours: on a two-core machine, compiling alongside the first map draw slowed
 * the map by half (measured by npm run bench), and the map comes first.
 */
export function allowDatabaseCompile(): void {
  allowCompile();
}

/**
 * Start DuckDB and load the built-in tables, once per page. Called before
 * React renders: the table files download at once; the engine's worker
 * starts and compiles as soon as allowDatabaseCompile() is called.
 */
export function startDatabase(): Promise<DatabaseState> {
  started ??= (async (): Promise<DatabaseState> => {
    try {
      const files = fetchStartupTables(fetchBytes);
      const bindings = import('../db/browserDatabase.ts');
      // Parsing DuckDB's 770 KB worker script competes with the first map draw too.
      await compileAllowed;
      const worker = startDuckDBWorker();
      const { openBrowserDatabase } = await bindings;
      const db = await openBrowserDatabase(worker);
      exposeTiming('dbOpen');
      await insertStartupTables(db, await files);
      exposeTiming('tablesInserted');
      const catalogue = await indicatorCatalogue(db);
      exposeTiming('dbReady');
      const england = loadBackgroundTables(db, fetchBytes).then(() => exposeTiming('englandLoaded'));
      return { status: 'ready', db, catalogue, england };
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
