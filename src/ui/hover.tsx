import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The area under the pointer (on the map) or the keyboard focus (in the table): shared, never in the link. */
export interface Hover {
  code: string | null;
  /** Where the pointer is over the map; null when hovering from the table. */
  pointer: { x: number; y: number } | null;
  set(code: string | null, pointer?: { x: number; y: number }): void;
}

const HoverContext = createContext<Hover>({ code: null, pointer: null, set: () => {} });

export function HoverProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ code: string | null; pointer: { x: number; y: number } | null }>({ code: null, pointer: null });
  const set = useCallback((code: string | null, pointer?: { x: number; y: number }) => setState({ code, pointer: pointer ?? null }), []);
  const value = useMemo(() => ({ ...state, set }), [state, set]);
  return <HoverContext.Provider value={value}>{children}</HoverContext.Provider>;
}

export const useHover = (): Hover => useContext(HoverContext);
