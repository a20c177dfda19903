import { useEffect, useRef, useState } from 'react';

/** While loading, `previous` holds the last answer (for an older key), so views can keep showing it. */
export type QueryState<T> = { status: 'idle' } | { status: 'loading'; previous?: T } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/**
 * Run an async query whenever `key` changes (null = do not run), keeping only
 * the answer for the latest key: a slow answer to an old filter never
 * overwrites a newer one. `key` must change whenever anything the query reads
 * changes (filters, and the evidence version when loaded data can change).
 * A failure reads "`problem`: what went wrong".
 */
export function useQuery<T>(key: string | null, run: () => Promise<T>, problem: string): QueryState<T> {
  const [state, setState] = useState<{ key: string | null; value: QueryState<T> }>({ key: null, value: { status: 'idle' } });
  const latest = useRef({ run, problem });
  useEffect(() => {
    latest.current = { run, problem };
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const { run: go, problem: what } = latest.current;
    go().then(
      (data) => live && setState({ key, value: { status: 'ready', data } }),
      (e: unknown) => live && setState({ key, value: { status: 'error', message: `${what}: ${e instanceof Error ? e.message : String(e)}` } }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (key === null) return { status: 'idle' };
  if (state.key === key) return state.value;
  // Until the answer for this key arrives, say so, offering the previous answer.
  return state.value.status === 'ready' ? { status: 'loading', previous: state.value.data } : { status: 'loading' };
}

/** The answer to show now: the current one, or while a newer query runs the previous one, so a view does not flash empty. */
export function latestData<T>(state: QueryState<T>): T | null {
  return state.status === 'ready' ? state.data : state.status === 'loading' ? (state.previous ?? null) : null;
}
