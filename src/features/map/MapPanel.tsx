import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ChoroplethMap } from '../../map/ChoroplethMap.ts';
import { PointOverlay, type PointLayerData } from '../../map/PointOverlay.ts';
import { WardLabels, type WardLabel } from '../../map/WardLabels.ts';
import { labelPoint } from '../../geo/labelPoint.ts';
import { boundsOf, ENGLAND_BOUNDS, type Bounds } from '../../geo/bounds.ts';
import { fetchJson } from '../../ui/fetchData.ts';
import {
  englandFirstPaintDeciles,
  firstPaintColours,
  type FirstPaint,
  type FirstPaintEngland,
} from '../../analysis/firstPaint.ts';
import { BOUNDARY_URLS, sourceId, type GeoSet } from '../../map/mapStyle.ts';
import type { Level } from '../../app/viewState.ts';
import { exposeFills, exposeTiming } from '../../ui/testHooks.ts';
import { allowDatabaseCompile } from '../../session/useDatabase.ts';

export interface MapPanelProps {
  place: string;
  level: Level;
  /** Colours from the database; null until the first query answers. */
  colours: ReadonlyMap<string, string> | null;
  /** Key identifying the colour set, so the map repaints only when it changes. */
  coloursKey: string;
  hovered: string | null;
  selected: string | null;
  officialWards: boolean;
  /** An area chosen outside the map (e.g. in the table), to bring into view; the number changes per request. */
  showArea: { code: string; request: number } | null;
  onHover(code: string | null, point?: { x: number; y: number }): void;
  onSelect(code: string | null): void;
  onStatus(message: string | null): void;
  /** Ward names for a view of the England map; absent until the database is ready. */
  englandWardLabels?: (bounds: Bounds) => Promise<WardLabel[]>;
  /** Residents' evidence or crimes drawn as points over the areas. */
  points?: PointLayerData | null;
  onPickPoint?(kind: PointLayerData['kind'], id: string): void;
}

interface FiveGeometry {
  ward: FeatureCollection;
  lad: FeatureCollection;
}

const geoSetOf = (place: string): GeoSet => (place === 'england' ? 'england' : 'five');

/** A name label for each boundary, placed inside its shape. */
const labelsOf = (fc: FeatureCollection): WardLabel[] =>
  fc.features.map((f) => ({
    code: String(f.properties?.code),
    name: String(f.properties?.name),
    at: labelPoint(f as Feature<Polygon | MultiPolygon>),
    priority: 0,
  }));

/** The map and everything drawn on it; React owns the props, ChoroplethMap owns MapLibre. */
export function MapPanel(props: MapPanelProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ChoroplethMap | null>(null);
  const labelsRef = useRef<WardLabels | null>(null);
  const englandLabelsRef = useRef<WardLabels | null>(null);
  const authorityLabelsRef = useRef<WardLabels | null>(null);
  /** Sources the database has coloured: a late first paint must not overwrite them. */
  const dbPainted = useRef(new Set<string>());
  const requested = useRef(new Set<GeoSet>());
  const [five, setFive] = useState<FiveGeometry | null>(null);
  const [loadedSets, setLoadedSets] = useState<ReadonlySet<GeoSet>>(new Set());
  const { onStatus } = props;
  // MapLibre handlers are bound once; they call whatever the latest props are.
  const events = useRef({ onHover: props.onHover, onSelect: props.onSelect, onPickPoint: props.onPickPoint });
  events.current = { onHover: props.onHover, onSelect: props.onSelect, onPickPoint: props.onPickPoint };
  const overlayRef = useRef<Promise<PointOverlay> | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new ChoroplethMap(container.current, {
      onHover: (code, point) => events.current.onHover(code, point),
      onSelect: (code) => events.current.onSelect(code),
    });
    mapRef.current = map;
    labelsRef.current = new WardLabels(map.map);
    englandLabelsRef.current = new WardLabels(map.map);
    authorityLabelsRef.current = new WardLabels(map.map, { min: 0, max: 9.3 }, 'authority-label');
    overlayRef.current = map.ready.then(() => new PointOverlay(map.map, (kind, id) => events.current.onPickPoint?.(kind, id)));
    // A new map (React may mount twice in development) has no sources yet.
    requested.current = new Set();
    dbPainted.current = new Set();
    setLoadedSets(new Set());
    return () => map.map.remove();
  }, []);

  // Boundaries, and the official IMD 2025 deciles as first colours, load only for the
  // set in view: the map never waits for DuckDB, and England loads only when chosen.
  const set = geoSetOf(props.place);
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
        setFive({ ward, lad });
        await Promise.all([paintFirst('lsoa', firstPaint.lsoa), paintFirst('ward', firstPaint.ward)]);
        exposeTiming('mapColoured');
        allowDatabaseCompile();
        authorityLabelsRef.current?.setLabels(labelsOf(lad));
        labelsRef.current?.setLabels(labelsOf(ward));
      } else {
        onStatus("Loading England's 33,755 small areas…");
        const [firstPaint] = await Promise.all([fetchJson<FirstPaintEngland>('data/first-paint-england.json'), map.loadSet('england')]);
        await paintFirst('lsoa', englandFirstPaintDeciles(firstPaint));
        exposeTiming('mapColoured');
        allowDatabaseCompile();
        onStatus(null);
      }
      setLoadedSets((s) => new Set([...s, set]));
    })();
  }, [set, onStatus]);

  // Show the chosen set and level; zoom to the place only when the place changes
  // (switching small areas ↔ wards keeps the view the person is looking at).
  const fittedPlace = useRef<string | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loadedSets.has(set) || (set === 'five' && !five)) return;
    map.setView(set, props.level);
    const bounds: Bounds | null =
      set === 'england'
        ? ENGLAND_BOUNDS
        : boundsOf(five!.lad, (f) => props.place === 'five' || f.properties?.code === props.place);
    if (bounds && fittedPlace.current !== props.place) {
      map.fitBounds(bounds);
      fittedPlace.current = props.place;
    }
    const inPlace = new Set(
      (five?.ward.features ?? [])
        .filter((f) => props.place === 'five' || f.properties?.lad_code === props.place)
        .map((f) => String(f.properties?.code)),
    );
    labelsRef.current?.filter((code) => set === 'five' && inPlace.has(code));
    englandLabelsRef.current?.filter(() => set === 'england');
    authorityLabelsRef.current?.filter(() => set === 'five');
  }, [five, loadedSets, set, props.place, props.level]);

  // England's ward names follow the view once zoomed in (there are 6,784 of them).
  const { englandWardLabels } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || set !== 'england' || !englandWardLabels) return;
    let latest = 0;
    const update = () => {
      const request = ++latest;
      if (map.map.getZoom() < 9.3) return englandLabelsRef.current?.replaceLabels([]);
      const b = map.map.getBounds();
      void englandWardLabels([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]).then((labels) => {
        if (request === latest) englandLabelsRef.current?.replaceLabels(labels);
      });
    };
    update();
    map.map.on('moveend', update);
    return () => {
      map.map.off('moveend', update);
    };
  }, [set, englandWardLabels]);

  // Repaint when the database's colours change — before the browser paints, not a frame later.
  const { colours, coloursKey, level } = props;
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !colours || !loadedSets.has(set)) return;
    dbPainted.current.add(sourceId(set, level));
    exposeFills(colours);
    void map.setColours(set, level, colours).then((ms) => exposeTiming('recoloured', ms, coloursKey));
  }, [colours, coloursKey, set, level, loadedSets]);

  const { points } = props;
  useEffect(() => {
    void overlayRef.current?.then((o) => o.show(points ?? null));
  }, [points]);

  const { showArea } = props;
  useEffect(() => {
    if (showArea && loadedSets.has(set)) mapRef.current?.showArea(showArea.code);
  }, [showArea, loadedSets, set]);
  useEffect(() => void mapRef.current?.setOfficialWards(props.officialWards && set === 'five'), [props.officialWards, set]);
  useEffect(() => mapRef.current?.setHover(props.hovered), [props.hovered, loadedSets]);
  useEffect(() => {
    mapRef.current?.setSelected(props.selected);
    labelsRef.current?.prefer(props.selected);
  }, [props.selected, loadedSets, set, props.level]);

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
