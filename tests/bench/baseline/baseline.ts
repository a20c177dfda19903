/**
 * The benchmark's baseline: a bare MapLibre page that draws the same boundary
 * files as the app, with one fixed colour and no database, and can re-colour
 * every area through feature-state (the fastest known path). The app's timings
 * are reported as ratios to this page, measured in the same run.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __baseline?: { idleAt?: number; recolour?: () => Promise<number> };
  }
}

const set = new URLSearchParams(location.search).get('set') === 'england' ? 'england' : 'five';
const url = (level: string) => `/data/geo/${level}-${set}.geojson`;
const bounds: [number, number, number, number] = set === 'england' ? [-5.8, 49.9, 1.8, 55.85] : [-3.2, 50.8, 0.2, 54.2];

// The same visible layers as the app: at England scale the app fades small-area and
// ward edges in with zoom, so the baseline does too (otherwise it draws more).
const fade = (from: number, to: number, opacity: number): maplibregl.ExpressionSpecification | number =>
  set === 'england' ? ['interpolate', ['linear'], ['zoom'], from, 0, to, opacity] : opacity;

const map = new maplibregl.Map({
  container: 'map',
  bounds,
  style: {
    version: 8,
    sources: {
      lsoa: { type: 'geojson', data: url('lsoa'), promoteId: 'code' },
      ward: { type: 'geojson', data: url('ward'), promoteId: 'code' },
      lad: { type: 'geojson', data: url('lad') },
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: 'lsoa-fill',
        type: 'fill',
        source: 'lsoa',
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], '#9ecae1']] },
      },
      { id: 'lsoa-line', type: 'line', source: 'lsoa', paint: { 'line-color': '#fff', 'line-width': 0.4, 'line-opacity': fade(8, 11, 0.8) } },
      { id: 'ward-line', type: 'line', source: 'ward', paint: { 'line-color': '#333', 'line-width': 1.1, 'line-opacity': fade(7, 9.5, 1) } },
      { id: 'lad-line', type: 'line', source: 'lad', paint: { 'line-color': '#1b1b1b', 'line-width': 2 } },
    ],
  },
});

const idle = () =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

window.__baseline = {};
map.once('idle', () => {
  window.__baseline!.idleAt = performance.now();
});

let round = 0;
window.__baseline.recolour = async () => {
  const res = await fetch(url('lsoa'));
  const codes = ((await res.json()) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code);
  const palette = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
  round += 1;
  const t0 = performance.now();
  codes.forEach((code, i) => map.setFeatureState({ source: 'lsoa', id: code }, { fill: palette[(i + round) % palette.length] }));
  await idle();
  return performance.now() - t0;
};
