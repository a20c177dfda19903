import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, tableToRows, type Database, type SqlParam } from './database.ts';

/**
 * DuckDB-WASM in its own Web Worker (started early by startDuckDBWorker). We ship only the "eh" (exception
 * handling) bundle: every browser that runs MapLibre 6 (WebGL2) supports it,
 * so the 30 MB mvp copy is never needed. Both files are served by the app.
 */
export async function openBrowserDatabase(worker: Worker): Promise<Database> {
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  const conn = await db.connect();
  for (const s of OFFLINE_SETTINGS) await conn.query(s);

  // Serialise statements: one connection, one statement at a time, so a slow
  // query can never interleave with schema set-up.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  // Prepared once per distinct SQL text: each prepare/close is a round trip to the worker.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  async function run(sql: string, params: readonly SqlParam[]): Promise<Table> {
    if (params.length === 0) return conn.query(sql);
    let stmt = prepared.get(sql);
    if (!stmt) prepared.set(sql, (stmt = conn.prepare(sql)));
    return (await stmt).query(...params);
  }

  return {
    query: <Row extends object>(sql: string, params: readonly SqlParam[] = []) =>
      serial(async () => tableToRows<Row>(await run(sql, params))),
    queryTable: (sql, params = []) => serial(() => run(sql, params)),
    exec: (sql) =>
      serial(async () => {
        await conn.query(sql);
        // Schema changes can invalidate prepared plans.
        for (const stmt of prepared.values()) void stmt.then((st) => st.close()).catch(() => undefined);
        prepared.clear();
      }),
    insertArrowIPC: (name, bytes) =>
      serial(() => conn.insertArrowFromIPCStream(bytes, { name, create: true })),
    appendArrowIPC: (name, bytes) =>
      serial(() => conn.insertArrowFromIPCStream(bytes, { name, create: false })),
  };
}
