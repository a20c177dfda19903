import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureCollection } from '@turf/turf';
import { boundsOf, type Bounds } from '../geo/bounds.ts';
import { BASE_STYLE, BOUNDARY_URLS, OFFICIAL_WARDS_URL, sourceId, type GeoSet, type Level } from './mapStyle.ts';
import { authorityLineLayer, boundarySource, fillLayer, FILL_OPACITY, focusLayers, lineLayer } from './boundaryLayers.ts';
import { hooks } from '../ui/testHooks.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface MapEvents {
  /** The area under the pointer, and where the pointer is (pixels within the map). */
  onHover(code: string | null, point?: { x: number; y: number }): void;
  onSelect(code: string | null): void;
}

type BoundaryData = FeatureCollection | string;

/**
 * The map: boundaries as the base, coloured through feature-state so that a
 * new indicator never re-tiles the geometry (the fast path measured in
 * DESIGN.md). Knows nothing of indicators or statistics: it is handed a colour
 * per area code.
 */
export class ChoroplethMap {
  readonly map: maplibregl.Map;
  /** Resolves once the style has loaded and layers may be added. */
  readonly ready: Promise<void>;
  private readonly sourcesLoading = new Map<string, Promise<void>>();
  /** Full-resolution shapes by code, for sources handed over as objects (the five authorities). */
  private readonly shapes = new Map<string, Map<string, Feature>>();
  /** The colour each area currently carries, per source: only changes are sent to MapLibre. */
  private readonly painted = new Map<string, Map<string, string>>();
  private active: { set: GeoSet; level: Level } = { set: 'five', level: 'lsoa' };
  private hovered: { source: string; code: string } | null = null;
  /** Localities' outlines (dissolved from their small areas), for their focus outlines too. */
  private localityShapes = new Map<string, Feature>();
  private selected: { source: string; code: string } | null = null;
  private fillOpacity = FILL_OPACITY;

  constructor(container: HTMLElement, private readonly events: MapEvents) {
    this.map = new maplibregl.Map({
      container,
      style: BASE_STYLE,
      bounds: [-3.2, 50.8, 0.2, 54.2],
      attributionControl: { compact: false, customAttribution: 'Contains OS data © Crown copyright and database right 2021–2024; ONS, MHCLG (OGL v3.0)' },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.touchZoomRotate.disableRotation();
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => {
      this.map.addSource('focus', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of focusLayers()) this.map.addLayer(layer);
      // Tiles for a newly shown area arrive after a move: outline it again then.
      this.map.on('moveend', () => this.drawFocus());
    });
    const h = hooks();
    h.project = (lon, lat) => {
      const p = this.map.project([lon, lat]);
      const r = this.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    };
    h.zoom = () => this.map.getZoom();
    h.layerVisible = (id) => !!this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none';
    h.whenIdle = () => (this.map.loaded() && !this.map.isMoving() ? Promise.resolve() : this.idle());
  }

  /** Add the LSOA, ward and authority boundaries of a set (once) and wait until they are parsed. */
  async loadSet(set: GeoSet, data: Partial<Record<Level | 'lad', BoundaryData>> = {}): Promise<void> {
    await this.ready;
    const levels: (Level | 'lad')[] = ['lsoa', 'ward', 'lad'];
    await Promise.all(levels.map((level) => this.addSource(set, level, data[level] ?? BOUNDARY_URLS[set][level])));
  }

  private addSource(set: GeoSet, level: Level | 'lad', data: BoundaryData): Promise<void> {
    const id = sourceId(set, level);
    const existing = this.sourcesLoading.get(id);
    if (existing) return existing;
    if (typeof data !== 'string') this.shapes.set(id, new Map(data.features.map((f) => [String(f.properties?.code), f])));
    const loaded = new Promise<void>((resolve) => {
      const onData = (e: maplibregl.MapSourceDataEvent) => {
        if (e.sourceId === id && e.isSourceLoaded) {
          this.map.off('sourcedata', onData);
          resolve();
        }
      };
      this.map.on('sourcedata', onData);
    });
    this.map.addSource(id, boundarySource(set, data));
    const visible = set === this.active.set ? 'visible' : 'none';
    if (level === 'lad') {
      this.map.addLayer(authorityLineLayer(`${id}-line`, id, set, visible === 'visible'), this.belowFocus());
    } else {
      const isActive = set === this.active.set && level === this.active.level;
      this.map.addLayer(fillLayer(`${id}-fill`, id, isActive, this.fillOpacity), this.firstLineLayer());
      this.map.addLayer(lineLayer(`${id}-line`, id, set, level, (level === 'ward' && set === this.active.set) || isActive), this.belowFocus());
      this.map.on('mousemove', `${id}-fill`, (e) => this.hoverFromEvent(id, e));
      this.map.on('mouseleave', `${id}-fill`, () => this.events.onHover(null));
      this.map.on('click', `${id}-fill`, (e) => {
        const code = e.features?.[0]?.id;
        if (typeof code === 'string') this.events.onSelect(code);
      });
    }
    return loaded;
  }

  /** The hovered/selected outlines stay above every boundary layer added later. */
  private belowFocus(): string | undefined {
    return this.map.getLayer('focus-selected') ? 'focus-selected' : undefined;
  }

  private firstLineLayer(): string | undefined {
    return this.map.getStyle().layers.find((l) => l.type === 'line')?.id;
  }

  private hoverFromEvent(source: string, e: maplibregl.MapLayerMouseEvent): void {
    const code = e.features?.[0]?.id;
    this.map.getCanvas().style.cursor = code ? 'pointer' : '';
    if (typeof code === 'string') this.events.onHover(code, { x: e.point.x, y: e.point.y });
  }

  /** Fill opacity of every boundary layer, now and added later (lower over a background map). */
  setFillOpacity(opacity: number): void {
    this.fillOpacity = opacity;
    for (const id of this.map.getLayersOrder()) if (this.map.getLayer(id)?.type === 'fill' && id.endsWith('-fill')) this.map.setPaintProperty(id, 'fill-opacity', opacity);
  }

  /** Show one set and level; everything else is hidden but kept loaded. */
  setView(set: GeoSet, level: Level): void {
    this.active = { set, level };
    for (const s of ['five', 'england'] as GeoSet[]) {
      for (const l of ['lsoa', 'ward'] as Level[]) {
        const id = sourceId(s, l);
        if (!this.map.getSource(id)) continue;
        const on = s === set && l === level;
        this.map.setLayoutProperty(`${id}-fill`, 'visibility', on ? 'visible' : 'none');
        // Ward outlines stay on over LSOAs so residents can see which ward an area is in.
        const line = s === set && (on || l === 'ward');
        this.map.setLayoutProperty(`${id}-line`, 'visibility', line ? 'visible' : 'none');
      }
      const lad = sourceId(s, 'lad');
      if (this.map.getSource(lad)) this.map.setLayoutProperty(`${lad}-line`, 'visibility', s === set ? 'visible' : 'none');
    }
  }

  /**
   * Colour areas of one source; areas missing from `colours` lose their colour.
   * Resolves with the milliseconds until MapLibre is idle again.
   */
  async setColours(set: GeoSet, level: Level, colours: ReadonlyMap<string, string>): Promise<number> {
    const t0 = performance.now();
    const source = sourceId(set, level);
    const before = this.painted.get(source) ?? new Map<string, string>();
    for (const code of before.keys()) {
      if (!colours.has(code)) this.map.setFeatureState({ source, id: code }, { fill: null });
    }
    // Each feature-state change re-uploads paint data, so skip areas whose colour is unchanged.
    for (const [code, fill] of colours) {
      if (before.get(code) !== fill) this.map.setFeatureState({ source, id: code }, { fill });
    }
    this.painted.set(source, new Map(colours));
    await this.idle();
    return performance.now() - t0;
  }

  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  setHover(code: string | null): void {
    this.hovered = code ? { source: sourceId(this.active.set, this.active.level), code } : null;
    this.drawFocus();
  }

  setSelected(code: string | null): void {
    this.selected = code ? { source: sourceId(this.active.set, this.active.level), code } : null;
    this.drawFocus();
  }

  /**
   * Outline the hovered and selected areas through a small source of their own.
   * (A feature-state-driven outline on the big layers doubled the cost of every
   * re-colour: MapLibre re-evaluates each state-dependent layer for every change.)
   * Shapes come from the full-resolution boundaries where the map has them
   * (the five authorities), else from the tiles in view, re-joining pieces cut
   * at tile edges (England).
   */
  private drawFocus(): void {
    const source = this.map.getSource<maplibregl.GeoJSONSource>('focus');
    if (!source) return;
    const features: Feature[] = [];
    for (const [kind, focus] of [['selected', this.selected], ['hover', this.hovered]] as const) {
      if (!focus || (!this.map.getSource(focus.source) && !this.localityShapes.has(focus.code))) continue;
      if (kind === 'hover' && focus.code === this.selected?.code) continue; // the selected outline says it already
      const shape = this.localityShapes.get(focus.code) ?? this.shapes.get(focus.source)?.get(focus.code);
      if (shape) {
        features.push({ ...shape, properties: { kind } });
        continue;
      }
      const parts = this.map.querySourceFeatures(focus.source, { filter: ['==', ['get', 'code'], focus.code] });
      const shapes = parts
        .map((p) => p.geometry)
        .filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon')
        .map((geometry): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry }));
      let joined = shapes;
      if (shapes.length > 1) {
        // Tile pieces of one area are re-joined by turf's union, loaded only when first needed
        // (an exact polygon clipper, too big for the start-up script); the pieces show meanwhile.
        const key = `${focus.code}|${shapes.length}`;
        const done = this.joined.get(key);
        if (done) joined = done;
        else void this.join(key, shapes);
      }
      for (const f of joined) features.push({ ...f, properties: { kind } });
    }
    source.setData({ type: 'FeatureCollection', features });
  }

  private readonly joined = new Map<string, Feature<Polygon | MultiPolygon>[]>();

  /** Join an area's tile pieces (once), then redraw the outlines. */
  private async join(key: string, shapes: Feature<Polygon | MultiPolygon>[]): Promise<void> {
    const { union } = await import('@turf/turf');
    let parts = shapes;
    try {
      const u = union(featureCollection(shapes));
      if (u) parts = [u];
    } catch {
      // Keep the pieces: a faint seam beats no outline.
    }
    this.joined.set(key, parts);
    this.drawFocus();
  }

  /**
   * Bring an area into view if it is not already wholly on screen (e.g. chosen
   * from the table while looking at all of England). Uses the loaded tiles.
   */
  showArea(code: string): void {
    const source = sourceId(this.active.set, this.active.level);
    if (!this.map.getSource(source)) return;
    const parts = this.map.querySourceFeatures(source, { filter: ['==', ['get', 'code'], code] });
    if (parts.length === 0) return;
    const b = boundsOf(featureCollection(parts.map((p): Feature => ({ type: 'Feature', properties: {}, geometry: p.geometry }))));
    if (!b) return;
    const view = this.map.getBounds();
    const inside = view.contains([b[0], b[1]]) && view.contains([b[2], b[3]]);
    const tiny = this.map.project([b[2], b[1]]).x - this.map.project([b[0], b[1]]).x < 12;
    if (!inside || tiny) this.map.fitBounds(b, { padding: 80, maxZoom: 13, duration: 600 });
  }

  /**
   * Draw people's localities as thick outlines with their names (empty = none).
   * Their areas are coloured through the small-area source; these are the edges.
   */
  async setLocalities(outlines: FeatureCollection): Promise<void> {
    await this.ready;
    this.localityShapes = new Map(outlines.features.map((f) => [String(f.properties?.code), f]));
    const source = this.map.getSource<maplibregl.GeoJSONSource>('localities');
    // No localities yet: nothing to add at start-up, when the map's first draw comes first.
    if (!source && outlines.features.length === 0) return;
    if (source) source.setData(outlines);
    else {
      this.map.addSource('localities', { type: 'geojson', data: outlines });
      this.map.addLayer(
        { id: 'localities-line', type: 'line', source: 'localities', paint: { 'line-color': '#3f007d', 'line-width': 3.2 } },
        this.belowFocus(),
      );
    }
    this.drawFocus();
  }

  fitBounds(bounds: Bounds, animate = false): void {
    // Leave room for the key, which sits over the map's lower left.
    const wide = this.map.getCanvas().clientWidth > 700;
    this.map.fitBounds(bounds, { padding: { top: 50, right: 50, bottom: 30, left: wide ? 320 : 20 }, animate });
  }

  async setOfficialWards(show: boolean): Promise<void> {
    await this.ready;
    if (!this.map.getSource('ward-official')) {
      if (!show) return;
      this.map.addSource('ward-official', { type: 'geojson', data: OFFICIAL_WARDS_URL });
      this.map.addLayer({
        id: 'ward-official-line',
        type: 'line',
        source: 'ward-official',
        paint: { 'line-color': '#d95f02', 'line-width': 1.5, 'line-dasharray': [2, 2] },
      });
    }
    this.map.setLayoutProperty('ward-official-line', 'visibility', show ? 'visible' : 'none');
  }
}
