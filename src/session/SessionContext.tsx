import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SESSION, type Session } from './document.ts';
import { NAVIGATIONS, updateSession, type SessionAction } from './updaters.ts';
import { parseSession, serializeSession } from './url.ts';
import { loadStoredLocalities, storeLocalities } from '../localities/store.ts';

const SessionValue = createContext<Session>(DEFAULT_SESSION);
const SessionDispatch = createContext<(action: SessionAction) => void>(() => {});

/** The view document now: what every feature reads to decide what it shows. */
export const useSession = (): Session => useContext(SessionValue);
/** Change the view: every change goes through an updater (./updaters.ts). */
export const useDispatch = (): ((action: SessionAction) => void) => useContext(SessionDispatch);

/** The view from the address bar, with the localities this browser keeps (the link's win on the same id). */
function initialSession(search: string): Session {
  const fromLink = parseSession(search);
  return updateSession(fromLink, { type: 'mergeLocalities', localities: loadStoredLocalities() });
}

/**
 * Holds the session and keeps the URL in step with it: a move to another view
 * is a history entry (Back returns to it), a refinement (a filter, a weight)
 * replaces the current one. Localities are also kept in this browser.
 */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session }) {
  const [session, setSession] = useState<Session>(() => initial ?? initialSession(window.location.search));
  const lastAction = useRef<SessionAction['type'] | null>(null);
  const dispatch = useCallback((action: SessionAction) => {
    lastAction.current = action.type;
    setSession((s) => updateSession(s, action));
  }, []);
  useEffect(() => {
    const onPop = () => {
      lastAction.current = 'replace';
      // Back to a link: its localities join the ones this page already has.
      setSession((s) => updateSession(parseSession(window.location.search), { type: 'mergeLocalities', localities: s.localities }));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    const search = serializeSession(session);
    const action = lastAction.current;
    lastAction.current = null;
    if (search === window.location.search) return;
    if (action && action !== 'replace' && NAVIGATIONS.has(action)) window.history.pushState(null, '', search);
    else window.history.replaceState(null, '', search);
  }, [session]);
  const stored = useRef(session.localities);
  useEffect(() => {
    if (stored.current === session.localities) return;
    stored.current = session.localities;
    storeLocalities(session.localities);
  }, [session.localities]);
  return (
    <SessionValue.Provider value={session}>
      <SessionDispatch.Provider value={dispatch}>{children}</SessionDispatch.Provider>
    </SessionValue.Provider>
  );
}
