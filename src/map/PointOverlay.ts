import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { CATEGORY_COLOURS, GRADE_COLOURS, NOT_GRADED_COLOUR, OTHER_CATEGORY_COLOUR } from './palette.ts';
import { MAP_FONT } from './mapStyle.ts';

/** Clusters hold together up to this zoom (MapLibre's deepest for a GeoJSON source is 24). */
const CLUSTER_MAX_ZOOM = 22;

/**
 * Points drawn over the areas: survey responses (clustered), street-rep sites,
 * crimes, or points already given a class colour by the section (e.g. sites
 * by emerging hot spot class; the section's key names each colour).
 */
export type PointLayerData =
  | { kind: 'survey'; points: FeatureCollection<Point, { id: string; theme: string }> }
  | { kind: 'sites'; points: FeatureCollection<Point, { site_id: string; name: string; grade: number | null }> }
  | { kind: 'crimes'; points: FeatureCollection<Point, { category: number }> }
  | { kind: 'classified'; points: FeatureCollection<Point, { id: string; name: string; colour: string }> };

const SOURCE = 'evidence-points';
const LAYERS = ['evidence-clusters', 'evidence-cluster-counts', 'evidence-points'] as const;

/**
 * One GeoJSON source of points at a time, above the area colours. Survey
 * responses are clustered (MapLibre's built-in supercluster); a cluster is
 * labelled with how many responses it holds. Clustering runs to the deepest
 * zoom, so responses at one place (a venue's paper forms) stay one dot with
 * its count rather than a stack of dots that looks like one.
 */
export class PointOverlay {
  private current: PointLayerData['kind'] | null = null;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onPick: (kind: PointLayerData['kind'], id: string) => void,
  ) {
    map.on('click', 'evidence-points', (e) => {
      const p = e.features?.[0]?.properties as Record<string, unknown> | undefined;
      const id = p?.site_id ?? p?.id;
      if (this.current && typeof id === 'string') this.onPick(this.current, id);
    });
    map.on('click', 'evidence-clusters', (e) => {
      const f = e.features?.[0];
      if (!f) return;
      const source = map.getSource<maplibregl.GeoJSONSource>(SOURCE);
      const clusterId = Number(f.properties.cluster_id);
      void source?.getClusterExpansionZoom(clusterId).then((zoom) => {
        const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
        map.easeTo({ center: [lon, lat], zoom });
      });
    });
    for (const layer of LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  }

  show(data: PointLayerData | null): void {
    for (const layer of LAYERS) if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
    this.current = data?.kind ?? null;
    if (!data) return;
    const clustered = data.kind === 'survey';
    this.map.addSource(SOURCE, { type: 'geojson', data: data.points, cluster: clustered, clusterRadius: 36, clusterMaxZoom: CLUSTER_MAX_ZOOM, maxzoom: CLUSTER_MAX_ZOOM + 1 });
    if (clustered) {
      this.map.addLayer({
        id: 'evidence-clusters',
        type: 'circle',
        source: SOURCE,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#5e3c99',
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
          'circle-radius': ['step', ['get', 'point_count'], 9, 10, 12, 50, 16, 200, 22],
        },
      });
      this.map.addLayer({
        id: 'evidence-cluster-counts',
        type: 'symbol',
        source: SOURCE,
        filter: ['has', 'point_count'],
        layout: {
          'text-field': ['get', 'point_count_abbreviated'],
          'text-font': [MAP_FONT],
          'text-size': ['step', ['get', 'point_count'], 11, 50, 12, 200, 14],
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#ffffff', 'text-halo-color': '#2d1a4d', 'text-halo-width': 0.6 },
      });
    }
    this.map.addLayer({
      id: 'evidence-points',
      type: 'circle',
      source: SOURCE,
      filter: clustered ? ['!', ['has', 'point_count']] : ['boolean', true],
      paint: {
        'circle-color': this.colour(data.kind),
        'circle-radius': data.kind === 'crimes' ? ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 4] : data.kind === 'sites' || data.kind === 'classified' ? 7 : 5,
        // A thin white ring keeps dark crime dots apart from dark area fills (colour is not the only cue).
        'circle-stroke-color': data.kind === 'crimes' ? '#ffffff' : '#1b1b1b',
        'circle-stroke-width': data.kind === 'crimes' ? 0.5 : 1,
        'circle-opacity': data.kind === 'crimes' ? 0.7 : 0.95,
      },
    });
  }

  private colour(kind: PointLayerData['kind']): maplibregl.ExpressionSpecification | string {
    if (kind === 'survey') return '#5e3c99';
    if (kind === 'classified') return ['get', 'colour'];
    if (kind === 'sites') {
      return ['match', ['coalesce', ['get', 'grade'], -1], 0, GRADE_COLOURS[0], 1, GRADE_COLOURS[1], 2, GRADE_COLOURS[2], 3, GRADE_COLOURS[3], NOT_GRADED_COLOUR];
    }
    const stops: (number | string)[] = [];
    CATEGORY_COLOURS.forEach((c, i) => stops.push(i, c));
    return ['match', ['get', 'category'], ...stops, OTHER_CATEGORY_COLOUR] as unknown as maplibregl.ExpressionSpecification;
  }
}
