import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { ChoroplethMap } from '../../map/ChoroplethMap.ts';
import { PointOverlay, type PointLayerData } from '../../map/PointOverlay.ts';
import { MapLabels } from '../../map/MapLabels.ts';
import { AREA_LABEL_LAYERS, LABEL_LAYERS, LABEL_ZOOM, type AreaLabel } from '../../map/labelLayers.ts';
import { watchBasemap } from '../../map/basemap.ts';
import { boundsOf, ENGLAND_BOUNDS, type Bounds } from '../../geo/bounds.ts';
import { fetchJson } from '../../ui/fetchData.ts';
import {
  englandFirstPaintDeciles,
  firstPaintColours,
  type FirstPaint,
  type FirstPaintEngland,
} from '../../analysis/firstPaint.ts';
import { BOUNDARY_URLS, sourceId, type GeoSet } from '../../map/mapStyle.ts';
import type { Level } from '../../map/mapStyle.ts';
import type { MapLevel } from '../../geo/levels.ts';
import type { LayerSpec } from '../../session/layers.ts';
import { localityOfLsoa, localityOutlines, lsoaColours } from './localityGeometry.ts';
import { exposeFills, exposeTiming, hooks } from '../../ui/testHooks.ts';
import { allowDatabaseCompile } from '../../session/useDatabase.ts';
import { setMapHandle } from '../../ui/mapHandle.ts';
import { mapHandleFor } from '../../map/snapshot.ts';
import { markFillPainted } from '../../export/viewImage.ts';

export interface MapPanelEvents {
  onHover(code: string | null, point?: { x: number; y: number }): void;
  /**
   * An area clicked on the map: `code` at the level the view shows (a locality's id at the
   * locality level; null outside every locality), `drawn` the boundary clicked (a small area there).
   */
  onSelect(code: string | null, drawn: string | null): void;
  onStatus(message: string | null): void;
  onPickPoint(kind: PointLayerData['kind'], id: string): void;
}

export interface MapPanelProps {
  /** What to draw: place, level, selection, outlines (session/layers.ts). */
  spec: LayerSpec;
  /** Colours for the spec's fill, by the level's codes; null keeps the first paint (before the database answers). */
  colours: ReadonlyMap<string, string> | null;
  /** The spec's points, once its section has published them. */
  points: PointLayerData | null;
  hovered: string | null;
  events: MapPanelEvents;
  /** Ward names for a view of the England map; absent until the database is ready. */
  englandWardLabels?: (bounds: Bounds) => Promise<AreaLabel[]>;
}

interface FiveGeometry {
  lsoa: FeatureCollection;
  ward: FeatureCollection;
  lad: FeatureCollection;
}

/** Localities are drawn on the small-area boundaries, coloured by the locality each belongs to. */
const drawnLevel = (level: MapLevel): Level => (level === 'locality' ? 'lsoa' : level);

const geoSetOf = (place: string): GeoSet => (place === 'england' ? 'england' : 'five');

/** The map and everything drawn on it: a function of the layer spec. React owns the spec, ChoroplethMap owns MapLibre. */
export function MapPanel({ spec, colours: levelColours, points, hovered, events: handlers, englandWardLabels }: MapPanelProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ChoroplethMap | null>(null);
  const labelsRef = useRef<MapLabels | null>(null);
  /** Sources the database has coloured: a late first paint must not overwrite them. */
  const dbPainted = useRef(new Set<string>());
  const requested = useRef(new Set<GeoSet>());
  const [five, setFive] = useState<FiveGeometry | null>(null);
  const [loadedSets, setLoadedSets] = useState<ReadonlySet<GeoSet>>(new Set());
  const { onStatus } = handlers;
  const level = drawnLevel(spec.level);
  // Small area → locality, for drawing, hovering and picking localities.
  const membership = useMemo(
    () => (spec.level === 'locality' && five ? localityOfLsoa(spec.localities, five.lsoa) : new Map<string, string>()),
    [spec.level, spec.localities, five],
  );
  // The area (at the view's level) under a map event: a small area stands for its locality at that level.
  const toViewCode = (code: string | null) => (code && spec.level === 'locality' ? (membership.get(code) ?? null) : code);
  /** Areas clicked on the map: a selection from elsewhere (the table) is brought into view instead. */
  const clicked = useRef<string | null>(null);
  // MapLibre handlers are bound once; they call whatever the latest props are.
  const events = useRef({ onHover: handlers.onHover, onSelect: handlers.onSelect, onPickPoint: handlers.onPickPoint, toViewCode });
  events.current = { onHover: handlers.onHover, onSelect: handlers.onSelect, onPickPoint: handlers.onPickPoint, toViewCode };
  const overlayRef = useRef<Promise<PointOverlay> | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new ChoroplethMap(container.current, {
      onHover: (code, point) => events.current.onHover(events.current.toViewCode(code), point),
      onSelect: (code) => {
        clicked.current = events.current.toViewCode(code);
        events.current.onSelect(clicked.current, code);
      },
    });
    mapRef.current = map;
    const labels = new MapLabels(map.map);
    labelsRef.current = labels;
    hooks().labels = (kind) => labels.rendered(kind === 'places' ? [LABEL_LAYERS.places] : AREA_LABEL_LAYERS);
    hooks().labelsAt = (x, y, radius) => {
      const r = map.map.getCanvas().getBoundingClientRect();
      const [cx, cy] = [x - r.left, y - r.top];
      return labels.rendered([...AREA_LABEL_LAYERS, LABEL_LAYERS.places], [[cx - radius, cy - radius], [cx + radius, cy + radius]]);
    };
    const stopBasemap = watchBasemap(map);
    overlayRef.current = map.ready.then(() => new PointOverlay(map.map, (kind, id) => events.current.onPickPoint?.(kind, id)));
    // A new map (React may mount twice in development) has no sources yet.
    requested.current = new Set();
    dbPainted.current = new Set();
    setLoadedSets(new Set());
    // The exports (image, print, evidence pack) reach the map through this handle.
    setMapHandle(mapHandleFor(map.map));
    return () => {
      stopBasemap();
      setMapHandle(null);
      map.map.remove();
    };
  }, []);

  // Boundaries, and the official IMD 2025 deciles as first colours, load only for the
  // set in view: the map never waits for DuckDB, and England loads only when chosen.
  const set = geoSetOf(spec.place);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || requested.current.has(set)) return;
    requested.current.add(set);
    const paintFirst = async (level: Level | 'lsoa', deciles: Record<string, number>) => {
      if (!dbPainted.current.has(sourceId(set, level))) await map.setColours(set, level, firstPaintColours(deciles));
    };
    void (async () => {
      if (set === 'five') {
        // Fetched here (not by MapLibre) so labels, zooming and outlines use the full shapes.
        const [lsoa, ward, lad, firstPaint] = await Promise.all([
          fetchJson<FeatureCollection>(BOUNDARY_URLS.five.lsoa),
          fetchJson<FeatureCollection>(BOUNDARY_URLS.five.ward),
          fetchJson<FeatureCollection>(BOUNDARY_URLS.five.lad),
          fetchJson<FirstPaint>('data/first-paint.json'),
        ]);
        await map.loadSet('five', { lsoa, ward, lad });
        setFive({ lsoa, ward, lad });
        await Promise.all([paintFirst('lsoa', firstPaint.lsoa), paintFirst('ward', firstPaint.ward)]);
        exposeTiming('mapColoured');
        allowDatabaseCompile();
        labelsRef.current?.setFive(ward, lad);
      } else {
        onStatus("Loading England's 33,755 small areas…");
        const [firstPaint] = await Promise.all([fetchJson<FirstPaintEngland>('data/first-paint-england.json'), map.loadSet('england')]);
        await paintFirst('lsoa', englandFirstPaintDeciles(firstPaint));
        exposeTiming('mapColoured');
        allowDatabaseCompile();
        onStatus(null);
      }
      // Place names are context: fetched only once the map has its first colours.
      labelsRef.current?.addPlaces();
      setLoadedSets((s) => new Set([...s, set]));
    })();
  }, [set, onStatus]);

  // Show the chosen set and level; zoom to the place only when the place changes
  // (switching small areas ↔ wards keeps the view the person is looking at).
  const fittedPlace = useRef<string | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loadedSets.has(set) || (set === 'five' && !five)) return;
    map.setView(set, level);
    const bounds: Bounds | null =
      set === 'england'
        ? ENGLAND_BOUNDS
        : boundsOf(five!.lad, (f) => spec.place === 'five' || f.properties?.code === spec.place);
    if (bounds && fittedPlace.current !== spec.place) {
      map.fitBounds(bounds);
      fittedPlace.current = spec.place;
    }
    labelsRef.current?.show(set, spec.place);
  }, [five, loadedSets, set, spec.place, level]);

  // Localities' outlines, dissolved from their small areas when the localities change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !five) return;
    let live = true;
    const shown = spec.localities;
    const members = spec.level === 'locality' ? membership : localityOfLsoa(shown, five.lsoa);
    void localityOutlines(shown, five.lsoa, members).then((outlines) => {
      if (live) void map.setLocalities(outlines);
    });
    return () => {
      live = false;
    };
  }, [five, spec.localities, spec.level, membership]);

  // England's ward names follow the view once zoomed in (there are 6,784 of them).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || set !== 'england' || !englandWardLabels) return;
    let latest = 0;
    const update = () => {
      const request = ++latest;
      if (map.map.getZoom() < LABEL_ZOOM) return labelsRef.current?.setEngland([]);
      const b = map.map.getBounds();
      void englandWardLabels([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]).then((labels) => {
        if (request === latest) labelsRef.current?.setEngland(labels);
      });
    };
    update();
    map.map.on('moveend', update);
    return () => {
      map.map.off('moveend', update);
    };
  }, [set, englandWardLabels]);

  // Repaint when the database's colours change — before the browser paints, not a frame later.
  const colours = useMemo(
    () => (levelColours && spec.level === 'locality' ? lsoaColours(levelColours, membership) : levelColours),
    [levelColours, spec.level, membership],
  );
  const coloursKey = `${spec.place}|${spec.fill.key}`;
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !colours || !loadedSets.has(set)) return;
    dbPainted.current.add(sourceId(set, level));
    exposeFills(colours);
    const fillKey = spec.fill.key;
    void map.setColours(set, level, colours).then((ms) => {
      exposeTiming('recoloured', ms, coloursKey);
      markFillPainted(fillKey);
    });
  }, [colours, coloursKey, set, level, loadedSets, spec.fill.key]);

  useEffect(() => {
    void overlayRef.current?.then((o) => o.show(points ?? null));
  }, [points]);

  // An area chosen outside the map (the table, a profile, a postcode) is brought into view.
  const { selected } = spec;
  useEffect(() => {
    if (!selected || !loadedSets.has(set)) return;
    if (clicked.current === selected) return;
    clicked.current = null;
    mapRef.current?.showArea(selected);
  }, [selected, loadedSets, set]);
  useEffect(() => void mapRef.current?.setOfficialWards(spec.officialWards && set === 'five'), [spec.officialWards, set]);
  useEffect(() => mapRef.current?.setHover(hovered), [hovered, loadedSets]);
  useEffect(() => {
    mapRef.current?.setSelected(selected);
    labelsRef.current?.prefer(selected);
  }, [selected, loadedSets, set, level]);

  return (
    <div
      ref={container}
      className="map"
      role="region"
      aria-label="Map of the chosen areas. The table beside it lists the same areas and values."
      data-testid="map"
    />
  );
}
