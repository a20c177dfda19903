import { useEffect, useRef, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ChoroplethMap } from '../../map/ChoroplethMap.ts';
import { WardLabels } from '../../map/WardLabels.ts';
import { labelPoint } from '../../geo/labelPoint.ts';
import { boundsOf, ENGLAND_BOUNDS, type Bounds } from '../../geo/bounds.ts';
import { fetchJson } from '../../app/fetchData.ts';
import { firstPaintColours, type FirstPaint } from '../../analysis/firstPaint.ts';
import { BOUNDARY_URLS, type GeoSet } from '../../map/mapStyle.ts';
import type { Level } from '../../app/viewState.ts';
import { exposeFills, exposeTiming } from '../../app/testHooks.ts';

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
  onHover(code: string | null): void;
  onSelect(code: string | null): void;
  onStatus(message: string | null): void;
}

interface FiveGeometry {
  ward: FeatureCollection;
  lad: FeatureCollection;
}

const geoSetOf = (place: string): GeoSet => (place === 'england' ? 'england' : 'five');

/** The map and everything drawn on it; React owns the props, ChoroplethMap owns MapLibre. */
export function MapPanel(props: MapPanelProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ChoroplethMap | null>(null);
  const labelsRef = useRef<WardLabels | null>(null);
  const [five, setFive] = useState<FiveGeometry | null>(null);
  const [loadedSets, setLoadedSets] = useState<ReadonlySet<GeoSet>>(new Set());
  const { onStatus } = props;
  // MapLibre handlers are bound once; they call whatever the latest props are.
  const events = useRef({ onHover: props.onHover, onSelect: props.onSelect });
  events.current = { onHover: props.onHover, onSelect: props.onSelect };

  // Boundaries and the official IMD 2025 deciles first: the map never waits for DuckDB.
  useEffect(() => {
    if (!container.current) return;
    const map = new ChoroplethMap(container.current, {
      onHover: (code) => events.current.onHover(code),
      onSelect: (code) => events.current.onSelect(code),
    });
    mapRef.current = map;
    labelsRef.current = new WardLabels(map.map);
    void (async () => {
      const [ward, lad, firstPaint] = await Promise.all([
        fetchJson<FeatureCollection>(BOUNDARY_URLS.five.ward),
        fetchJson<FeatureCollection>(BOUNDARY_URLS.five.lad),
        fetchJson<FirstPaint>('data/first-paint.json'),
      ]);
      await map.loadSet('five', { ward, lad });
      setFive({ ward, lad });
      setLoadedSets((s) => new Set([...s, 'five']));
      await Promise.all([
        map.setColours('five', 'lsoa', firstPaintColours(firstPaint.lsoa)),
        map.setColours('five', 'ward', firstPaintColours(firstPaint.ward)),
      ]);
      exposeTiming('mapColoured');
      labelsRef.current?.setLabels(
        ward.features.map((f) => ({
          code: String(f.properties?.code),
          name: String(f.properties?.name),
          at: labelPoint(f as Feature<Polygon | MultiPolygon>),
          priority: 0,
        })),
      );
    })();
    return () => map.map.remove();
  }, []);

  // England's boundaries load only when England is chosen.
  const set = geoSetOf(props.place);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || set !== 'england' || loadedSets.has('england')) return;
    onStatus("Loading England's 33,755 small areas…");
    void map.loadSet('england').then(() => {
      setLoadedSets((s) => new Set([...s, 'england']));
      onStatus(null);
    });
  }, [set, loadedSets, onStatus]);

  // Show the chosen set and level, zoom to the place.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !five || !loadedSets.has(set)) return;
    map.setView(set, props.level);
    const bounds: Bounds | null =
      props.place === 'england'
        ? ENGLAND_BOUNDS
        : boundsOf(five.lad, (f) => props.place === 'five' || f.properties?.code === props.place);
    if (bounds) map.fitBounds(bounds);
    const inPlace = new Set(
      five.ward.features
        .filter((f) => props.place === 'five' || f.properties?.lad_code === props.place)
        .map((f) => String(f.properties?.code)),
    );
    labelsRef.current?.filter((code) => set === 'five' && inPlace.has(code));
  }, [five, loadedSets, set, props.place, props.level]);

  // Repaint when the database's colours change.
  const { colours, coloursKey, level } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !colours || !loadedSets.has(set)) return;
    exposeFills(colours);
    void map.setColours(set, level, colours).then((ms) => exposeTiming('recoloured', ms, coloursKey));
  }, [colours, coloursKey, set, level, loadedSets]);

  useEffect(() => void mapRef.current?.setOfficialWards(props.officialWards && set === 'five'), [props.officialWards, set]);
  useEffect(() => mapRef.current?.setHover(props.hovered), [props.hovered, loadedSets]);
  useEffect(() => mapRef.current?.setSelected(props.selected), [props.selected, loadedSets, set, props.level]);

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
