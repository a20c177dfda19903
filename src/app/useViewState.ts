import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './viewState.ts';

/** The view lives in the URL: every change is a history entry, so links and Back work. */
export function useViewState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const [view, setViewRaw] = useState<ViewState>(() => parseViewState(window.location.search));
  useEffect(() => {
    const onPop = () => setViewRaw(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setView = useCallback((patch: Partial<ViewState>) => {
    setViewRaw((old) => {
      const next = { ...old, ...patch };
      const search = serializeViewState(next);
      if (search !== window.location.search) window.history.pushState(null, '', search);
      return next;
    });
  }, []);
  useEffect(() => {
    // Normalise the address bar on first load so a copied link is complete.
    const search = serializeViewState(view);
    if (search !== window.location.search) window.history.replaceState(null, '', search);
  }, [view]);
  return [view, setView];
}
