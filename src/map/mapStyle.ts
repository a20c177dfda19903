import type { AreaLevel } from '../geo/levels.ts';
import type { StyleSpecification } from 'maplibre-gl';

/**
 * No third-party basemap: the boundaries themselves are the base map, so the
 * app makes no request outside its own origin. Sources are added by
 * ChoroplethMap as the user chooses places.
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  // Glyphs for map text (the counts on survey clusters), served by the app itself from public/glyphs/ (Source Sans Pro, SIL OFL 1.1).
  glyphs: glyphsUrl(),
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
};

/** The one font the app serves for map text. */
export const MAP_FONT = 'Source Sans Pro SemiBold';

/** Absolute (MapLibre loads glyphs by URL template), on the app's own origin; relative outside a browser. */
function glyphsUrl(): string {
  const base = typeof document === 'undefined' ? 'glyphs/' : new URL('glyphs/', document.baseURI).href;
  return `${base}{fontstack}/{range}.pbf`;
}

export type GeoSet = 'five' | 'england';
/** The levels with boundaries of their own (localities are drawn on small areas). */
export type Level = AreaLevel;

export const BOUNDARY_URLS: Record<GeoSet, Record<Level | 'lad', string>> = {
  five: { lsoa: 'data/geo/lsoa-five.geojson', ward: 'data/geo/ward-five.geojson', lad: 'data/geo/lad-five.geojson' },
  england: {
    lsoa: 'data/geo/lsoa-england.geojson',
    ward: 'data/geo/ward-england.geojson',
    lad: 'data/geo/lad-england.geojson',
  },
};

export const OFFICIAL_WARDS_URL = 'data/geo/ward-official-five.geojson';

export const sourceId = (set: GeoSet, level: Level | 'lad') => `${level}-${set}`;
