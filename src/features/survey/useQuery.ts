import { useEffect, useState } from 'react';

export interface QueryState<T> {
  /** The latest result; kept while a newer query runs, so the panel does not flash empty. */
  value: T | null;
  loading: boolean;
  /** What went wrong, in plain English; null when fine. */
  error: string | null;
}

/**
 * Run `load` whenever it or `refresh` changes (callers build `load` with
 * useCallback over the database and filters; `refresh` is the evidence
 * version, bumped when data is added or removed). A null `load` runs nothing.
 * Results of superseded runs are dropped.
 */
export function useQuery<T>(load: (() => Promise<T>) | null, refresh: number): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ value: null, loading: load !== null, error: null });
  useEffect(() => {
    if (!load) {
      setState({ value: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (value) => {
        if (live) setState({ value, loading: false, error: null });
      },
      (e: unknown) => {
        if (live) setState({ value: null, loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [load, refresh]);
  return state;
}
