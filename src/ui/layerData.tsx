import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { PointLayerData } from '../map/PointOverlay.ts';
import type { MapLegend } from '../map/legendSpec.ts';

/** Data for one part of the layer spec, published under the spec's key. */
export interface LayerData {
  colours?: ReadonlyMap<string, string>;
  points?: PointLayerData | null;
  /** The key for these colours or points, from the same classes the section's on-screen key shows (exports and print draw it). */
  legend?: MapLegend;
}

interface LayerStore {
  data: ReadonlyMap<string, LayerData>;
  publish(key: string, data: LayerData | null): void;
}

const LayerDataContext = createContext<LayerStore>({ data: new Map(), publish: () => {} });

/** Holds what sections computed for the map, by spec key (session/layers.ts). */
export function LayerDataProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<ReadonlyMap<string, LayerData>>(new Map());
  const publish = useCallback((key: string, value: LayerData | null) => {
    setData((old) => {
      if (value === null && !old.has(key)) return old;
      if (value !== null && old.get(key) === value) return old;
      const next = new Map(old);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  }, []);
  const store = useMemo(() => ({ data, publish }), [data, publish]);
  return <LayerDataContext.Provider value={store}>{children}</LayerDataContext.Provider>;
}

/** Publish a section's map data under `key` while it is mounted (null = nothing yet). */
export function usePublishLayer(key: string, data: LayerData | null): void {
  const { publish } = useContext(LayerDataContext);
  // Before the browser paints, so a new colouring reaches the map in the same frame.
  useLayoutEffect(() => {
    publish(key, data);
    return () => publish(key, null);
  }, [key, data, publish]);
}

/** The data published for `key`, if any. */
export function useLayerData(key: string): LayerData | null {
  return useContext(LayerDataContext).data.get(key) ?? null;
}
