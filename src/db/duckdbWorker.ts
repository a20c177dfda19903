import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/**
 * Start DuckDB's Web Worker at once: its script then loads while the rest of
 * the app (and the DuckDB bindings chunk) is still downloading. Tiny on
 * purpose — it is part of the first bundle.
 */
export function startDuckDBWorker(): Worker {
  return new Worker(ehWorker);
}
