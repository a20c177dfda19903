import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PointLayerData } from '../map/PointOverlay.ts';
import type { MapLayerRequest } from './App.tsx';
import type { Tab } from './viewState.ts';

/**
 * What the open section draws over the map — area colours (hotspots, crime
 * rates) and points (responses, sites, crimes) — the element its key goes
 * into, and the point last picked on the map.
 */
export function useSectionLayer(tab: Tab) {
  // What the open section draws: area colours (hotspots) and points (evidence, crimes).
  const [layer, setLayer] = useState<{ tab: Tab; colours: MapLayerRequest | null; points: PointLayerData | null }>({
    tab: 'areas',
    colours: null,
    points: null,
  });
  // A section's first colours or points start a fresh layer: nothing of the previous section's is carried over.
  const onMapColours = useCallback(
    (colours: MapLayerRequest | null) => setLayer((l) => (l.tab === tab ? { ...l, colours } : { tab, colours, points: null })),
    [tab],
  );
  const onMapPoints = useCallback(
    (points: PointLayerData | null) => setLayer((l) => (l.tab === tab ? { ...l, points } : { tab, colours: null, points })),
    [tab],
  );
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null);
  const [pickedPoint, setPickedPoint] = useState<{ kind: PointLayerData['kind']; id: string } | null>(null);
  const onPickPoint = useCallback((kind: PointLayerData['kind'], id: string) => {
    // Cleared first in a render of its own, so picking the same point again reads as a new pick
    // (the site's card opens again after it was closed). Called from a map click, never while rendering.
    flushSync(() => setPickedPoint(null));
    setPickedPoint({ kind, id });
  }, []);
  // A point picked in one section means nothing in the next.
  const [pickedTab, setPickedTab] = useState(tab);
  if (pickedTab !== tab) {
    setPickedTab(tab);
    setPickedPoint(null);
  }
  return { layer, onMapColours, onMapPoints, overlay, setOverlay, pickedPoint, onPickPoint };
}
