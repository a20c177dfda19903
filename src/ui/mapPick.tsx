import { createContext, useContext, useEffect, useRef, type MutableRefObject } from 'react';

/** An area clicked on the map: code is the area at the level drawn (a ward at ward level). */
export type MapPickHandler = (code: string) => void;

/**
 * While a section wants map clicks for itself (picking a locality's wards), it
 * registers a handler here and the map calls it instead of selecting the area.
 */
export const MapPickContext = createContext<MutableRefObject<MapPickHandler | null>>({ current: null });

/** Take the map's clicks while mounted and `handler` is not null. */
export function useMapPickHandler(handler: MapPickHandler | null): void {
  const ref = useContext(MapPickContext);
  const latest = useRef(handler);
  latest.current = handler;
  const active = handler !== null;
  useEffect(() => {
    if (!active) return;
    const call: MapPickHandler = (code) => latest.current?.(code);
    ref.current = call;
    return () => {
      if (ref.current === call) ref.current = null;
    };
  }, [active, ref]);
}

/** The handler that takes map clicks now, if a section registered one. */
export const useMapPickRef = (): MutableRefObject<MapPickHandler | null> => useContext(MapPickContext);
