import { createContext, useContext } from 'react';

/** The element over the map where the open section puts its key and method sentence (through a portal). */
export const MapOverlayContext = createContext<HTMLElement | null>(null);
export const useMapOverlay = (): HTMLElement | null => useContext(MapOverlayContext);
