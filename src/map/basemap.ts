import type { RasterLayerSpecification, RasterSourceSpecification } from 'maplibre-gl';
import type { ChoroplethMap } from './ChoroplethMap.ts';
import { FILL_OPACITY, FILL_OPACITY_OVER_BASEMAP } from './boundaryLayers.ts';

/**
 * An optional background map from a tile server the person names (off by default).
 * It is a setting of this device (localStorage), never part of a view or a link:
 * turning it on is the one way the app asks another server for anything.
 */
export interface BasemapSetting {
  /** XYZ raster tile template, e.g. https://tiles.example.org/{z}/{x}/{y}.png */
  url: string;
  attribution: string;
}

const STORAGE_KEY = 'ward-insight:basemap';
export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_LAYER = 'basemap';

/** Why a tile URL cannot be used, in plain words; null when it can. */
export function tileUrlProblem(template: string): string | null {
  const t = template.trim();
  if (!t) return 'Enter the address of the tiles.';
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !t.includes(p));
  if (missing.length) return `The address must contain ${missing.join(', ')} where the zoom and tile numbers go.`;
  let url: URL;
  try {
    url = new URL(t.replace(/\{[a-z]+\}/g, '0'));
  } catch {
    return 'This is not a web address.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address must start with https:// (or http://).';
  return null;
}

export function readBasemap(): BasemapSetting | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<BasemapSetting>;
    return typeof s.url === 'string' && tileUrlProblem(s.url) === null ? { url: s.url.trim(), attribution: String(s.attribution ?? '') } : null;
  } catch {
    return null;
  }
}

const listeners = new Set<(s: BasemapSetting | null) => void>();

/** Save (or, with null, turn off) the background map; the map follows at once. */
export function saveBasemap(setting: BasemapSetting | null): void {
  if (setting) localStorage.setItem(STORAGE_KEY, JSON.stringify(setting));
  else localStorage.removeItem(STORAGE_KEY);
  for (const l of listeners) l(setting);
}

export function subscribeBasemap(listener: (s: BasemapSetting | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function basemapSource(setting: BasemapSetting): RasterSourceSpecification {
  // MapLibre shows attributions as HTML: the person's text is shown as text.
  const credit = setting.attribution.trim().replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return { type: 'raster', tiles: [setting.url], tileSize: 256, maxzoom: 19, attribution: credit || 'Background map: tiles from the address you gave' };
}

export const basemapLayer = (): RasterLayerSpecification => ({ id: BASEMAP_LAYER, type: 'raster', source: BASEMAP_SOURCE });

/** Keep the map's background layer in step with the setting: under every fill, fills lighter so streets show through. */
export function watchBasemap(choropleth: ChoroplethMap): () => void {
  const { map } = choropleth;
  const apply = (setting: BasemapSetting | null) => {
    if (map.getLayer(BASEMAP_LAYER)) map.removeLayer(BASEMAP_LAYER);
    if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
    choropleth.setFillOpacity(setting ? FILL_OPACITY_OVER_BASEMAP : FILL_OPACITY);
    if (!setting) return;
    map.addSource(BASEMAP_SOURCE, basemapSource(setting));
    // Straight above the plain background, so every boundary layer (also those added later) lies over it.
    map.addLayer(basemapLayer(), map.getLayersOrder()[1]);
  };
  let live = true;
  void choropleth.ready.then(() => {
    if (!live) return;
    const saved = readBasemap();
    if (saved) apply(saved);
  });
  const stop = subscribeBasemap((s) => void choropleth.ready.then(() => live && apply(s)));
  return () => {
    live = false;
    stop();
  };
}
