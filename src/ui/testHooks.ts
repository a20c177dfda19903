/**
 * Timings and read-only state exposed on window for the end-to-end tests and
 * the benchmark (they read what a person sees; they never drive the app here).
 */
export interface WardInsightHooks {
  timings: Record<string, number>;
  recolours: { key: string; ms: number; at: number }[];
  /** Per choropleth update: ms in the database query, ms building the model. */
  stages: { query: number; model: number }[];
  /** The colours last given to the map, by area code (built on request: tests only). */
  fills: () => Record<string, string>;
  /** Page coordinates of a longitude/latitude on the map, for tests that click an area. */
  project?: (lon: number, lat: number) => { x: number; y: number };
  /** Whether a map layer is shown (visibility), for tests of overlays. */
  layerVisible?: (id: string) => boolean;
  /** The map's zoom level. */
  zoom?: () => number;
  /** Names the map draws now (placed by MapLibre, so only those a person can see): area names, or OS place names. */
  labels?: (kind?: 'areas' | 'places') => string[];
  /** Names drawn within `radius` px of a page point (tests that read a fill's colour avoid the text). */
  labelsAt?: (x: number, y: number, radius: number) => string[];
  /** Resolves when the map has finished moving and drawing. */
  whenIdle?: () => Promise<void>;
  /** Rows in one of the evidence tables (tests and the import bench check data is queryable). */
  countRows?: (table: string) => Promise<number>;
  /** Each hotspot run: ms reading values, building neighbours and computing the statistics. */
  hotspotRuns?: { key: string; inputs: number; weights: number; statistics: number; load: number; queen: number; analytic: number }[];
}

declare global {
  interface Window {
    __wardInsight?: WardInsightHooks;
  }
}

export function hooks(): WardInsightHooks {
  window.__wardInsight ??= { timings: {}, recolours: [], stages: [], fills: () => ({}) };
  return window.__wardInsight;
}

/** Record the first time a milestone is reached (ms since navigation start). */
export function exposeTiming(name: string, ms?: number, key?: string): void {
  const h = hooks();
  const now = performance.now();
  if (name === 'recoloured' && ms !== undefined) h.recolours.push({ key: key ?? '', ms, at: now });
  h.timings[name] ??= now;
}

/** Keep a reference to the colours last given to the map; copied only when a test asks. */
export function exposeFills(colours: ReadonlyMap<string, string>): void {
  hooks().fills = () => Object.fromEntries(colours);
}
