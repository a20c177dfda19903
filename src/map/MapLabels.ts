import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import {
  areaLabelsOf,
  authorityLabelLayer,
  labelPoints,
  labelSortKey,
  LABEL_LAYERS,
  LABEL_SOURCES,
  placeFilter,
  placeLabelFilter,
  wardLabelLayer,
  type AreaLabel,
} from './labelLayers.ts';
import type { GeoSet } from './mapStyle.ts';
import { addPlaces } from './placesLayer.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The area names on the map: the five authorities' wards and authorities (from
 * their boundaries), and England's wards, which follow the view. MapLibre places
 * them, so they collide properly and appear in a canvas image.
 */
export class MapLabels {
  private view: { set: GeoSet; place: string } = { set: 'five', place: 'five' };
  private selected: string | null = null;
  /** Ward names of the five authorities: a place of the same name is not drawn twice. */
  private wardNames: string[] = [];

  constructor(private readonly map: maplibregl.Map) {}

  /** Ward and authority names of the five authorities (added once their boundaries are drawn). */
  setFive(ward: FeatureCollection, lad: FeatureCollection): void {
    if (this.map.getSource(LABEL_SOURCES.ward)) return;
    this.map.addSource(LABEL_SOURCES.authority, { type: 'geojson', data: labelPoints(areaLabelsOf(lad)) });
    this.map.addSource(LABEL_SOURCES.ward, { type: 'geojson', data: labelPoints(areaLabelsOf(ward)) });
    this.map.addLayer(authorityLabelLayer(LABEL_LAYERS.authority, LABEL_SOURCES.authority));
    this.map.addLayer(wardLabelLayer(LABEL_LAYERS.ward, LABEL_SOURCES.ward, this.selected));
    this.wardNames = [...new Set(ward.features.map((f) => String(f.properties?.name)))].sort();
    this.apply();
  }

  /** OS place names, once the map has its first colours (placesLayer.ts). */
  addPlaces(): void {
    addPlaces(this.map);
    this.apply();
  }

  /** Show exactly these England ward names (the ones in view). */
  setEngland(labels: readonly AreaLabel[]): void {
    const source = this.map.getSource<maplibregl.GeoJSONSource>(LABEL_SOURCES.englandWard);
    if (source) source.setData(labels.length ? labelPoints(labels) : EMPTY);
    else if (labels.length) {
      this.map.addSource(LABEL_SOURCES.englandWard, { type: 'geojson', data: labelPoints(labels) });
      this.map.addLayer(wardLabelLayer(LABEL_LAYERS.englandWard, LABEL_SOURCES.englandWard, this.selected));
      this.apply();
    }
  }

  /** Names of the set and place in view only. */
  show(set: GeoSet, place: string): void {
    this.view = { set, place };
    this.apply();
  }

  /** The selected ward's name wins where names collide. */
  prefer(code: string | null): void {
    if (code === this.selected) return;
    this.selected = code;
    for (const id of [LABEL_LAYERS.ward, LABEL_LAYERS.englandWard]) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'symbol-sort-key', labelSortKey(code));
    }
  }

  private apply(): void {
    const five = this.view.set === 'five';
    const visibility = (on: boolean) => (on ? 'visible' : 'none');
    if (this.map.getLayer(LABEL_LAYERS.ward)) {
      this.map.setLayoutProperty(LABEL_LAYERS.ward, 'visibility', visibility(five));
      this.map.setLayoutProperty(LABEL_LAYERS.authority, 'visibility', visibility(five));
      this.map.setFilter(LABEL_LAYERS.ward, placeFilter(this.view.place));
    }
    if (this.map.getLayer(LABEL_LAYERS.englandWard)) this.map.setLayoutProperty(LABEL_LAYERS.englandWard, 'visibility', visibility(!five));
    if (this.map.getLayer(LABEL_LAYERS.places)) this.map.setFilter(LABEL_LAYERS.places, placeLabelFilter(five ? this.wardNames : []));
  }

  /** Names drawn on screen now, by layer (tests read what a person sees). */
  rendered(layers: readonly string[], box?: [[number, number], [number, number]]): string[] {
    const present = layers.filter((id) => this.map.getLayer(id));
    if (!present.length) return [];
    const found = box ? this.map.queryRenderedFeatures(box, { layers: present }) : this.map.queryRenderedFeatures({ layers: present });
    const names = found.map((f) => String(f.properties.name));
    return [...new Set(names)].sort();
  }
}
