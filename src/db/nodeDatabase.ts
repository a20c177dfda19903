import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, tableToRows, type Database, type SqlParam } from './database.ts';

/**
 * The same DuckDB (WASM build) under Node, for unit tests and scripts: the
 * blocking bundle, wrapped in the async Database interface so that the SQL the
 * app runs in the browser is exactly the SQL tested here.
 */
export async function openNodeDatabase(): Promise<Database> {
  const require = createRequire(import.meta.url);
  const blocking = (await import('@duckdb/duckdb-wasm/blocking')) as typeof import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await blocking.createDuckDB(bundles, new blocking.VoidLogger(), blocking.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  for (const s of OFFLINE_SETTINGS) conn.query(s);

  function run(sql: string, params: readonly SqlParam[]): Table {
    if (params.length === 0) return conn.query(sql);
    const stmt = conn.prepare(sql);
    try {
      return stmt.query(...params);
    } finally {
      stmt.close();
    }
  }

  return {
    query: async <Row extends object>(sql: string, params: readonly SqlParam[] = []) =>
      tableToRows<Row>(run(sql, params)),
    queryTable: async (sql, params = []) => run(sql, params),
    exec: async (sql) => void conn.query(sql),
    insertArrowIPC: async (name, bytes) => conn.insertArrowFromIPCStream(bytes, { name, create: true }),
    appendArrowIPC: async (name, bytes) => conn.insertArrowFromIPCStream(bytes, { name, create: false }),
  };
}
