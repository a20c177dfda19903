import type * as maplibregl from 'maplibre-gl';
import { LABEL_LAYERS, LABEL_SOURCES, placeLabelLayer } from './labelLayers.ts';

export const PLACES_URL = 'data/geo/places-five.geojson';
/** Shown on the map's attribution line once the places are drawn. */
export const PLACES_ATTRIBUTION = 'Places: OS Open Names © Crown copyright and database right 2019 (OGL v3.0)';

/**
 * Town, village and suburb names (OS Open Names, 952 in and around the five
 * authorities) as quiet context under the area names. Added only after the
 * map's first coloured paint, so start-up never waits for them; MapLibre
 * fetches the file from the app's own origin.
 */
export function addPlaces(map: maplibregl.Map, url = PLACES_URL): void {
  if (map.getSource(LABEL_SOURCES.places)) return;
  map.addSource(LABEL_SOURCES.places, { type: 'geojson', data: url, attribution: PLACES_ATTRIBUTION });
  // Below the area names, which are then placed first where names collide.
  const firstAreaLabel = [LABEL_LAYERS.authority, LABEL_LAYERS.ward, LABEL_LAYERS.englandWard].find((id) => map.getLayer(id));
  map.addLayer(placeLabelLayer(LABEL_LAYERS.places, LABEL_SOURCES.places), firstAreaLabel);
}
