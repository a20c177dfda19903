import type { ExpressionSpecification, FilterSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { labelPoint } from '../geo/labelPoint.ts';

/**
 * Area and place names drawn by MapLibre itself (symbol layers over GeoJSON label
 * points), so names collide properly while panning and are part of the canvas
 * an image export copies. Pure specs: the map and the render tests use these.
 */

/** Ward names show from this zoom in; authority names below it. */
export const LABEL_ZOOM = 9.3;

/** Fontstacks served from public/glyphs/ (Source Sans Pro, SIL OFL 1.1), one font per stack. */
export const LABEL_FONTS = {
  authority: 'Source Sans Pro Bold',
  ward: 'Source Sans Pro SemiBold',
  place: 'Source Sans Pro Regular',
} as const;

/** Near-black on a white halo reads over every fill colour, and carries no hue of its own (colour-blind neutral). */
export const LABEL_COLOURS = { text: '#111111', halo: '#ffffff', place: '#555555' } as const;

export const LABEL_SOURCES = { ward: 'labels-ward', authority: 'labels-authority', englandWard: 'labels-ward-england', places: 'labels-places' } as const;
export const LABEL_LAYERS = { ward: 'labels-ward', authority: 'labels-authority', englandWard: 'labels-ward-england', places: 'labels-places' } as const;
/** Area-name layers, for tests that ask which names are drawn. */
export const AREA_LABEL_LAYERS = [LABEL_LAYERS.authority, LABEL_LAYERS.ward, LABEL_LAYERS.englandWard] as const;

export interface AreaLabel {
  code: string;
  name: string;
  at: Position;
  /** Larger names are placed first where they collide (e.g. population). */
  priority: number;
  /** The authority it lies in, to show only the chosen place's names. */
  lad?: string;
}

export interface LabelProps {
  code: string;
  name: string;
  lad: string;
  /** symbol-sort-key: lower is placed first. */
  sort: number;
}

/** A name label for each boundary, placed inside its shape. */
export function areaLabelsOf(fc: FeatureCollection): AreaLabel[] {
  return fc.features.map((f) => ({
    code: String(f.properties?.code),
    name: String(f.properties?.name),
    at: labelPoint(f as Feature<Polygon | MultiPolygon>),
    priority: 0,
    lad: f.properties?.lad_code === undefined ? String(f.properties?.code) : String(f.properties.lad_code),
  }));
}

export function labelPoints(labels: readonly AreaLabel[]): FeatureCollection<Point, LabelProps> {
  return {
    type: 'FeatureCollection',
    features: labels.map((l) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [l.at[0] as number, l.at[1] as number] },
      properties: { code: l.code, name: l.name, lad: l.lad ?? '', sort: -l.priority },
    })),
  };
}

/** The selected area's name is placed first, so it is never the one hidden. */
export function labelSortKey(selected: string | null): ExpressionSpecification {
  return ['case', ['==', ['get', 'code'], selected ?? ''], -1e15, ['get', 'sort']];
}

/** Names of the chosen place only ('five' = all five authorities). */
export function placeFilter(place: string): FilterSpecification {
  return place === 'five' || place === 'england' ? ['boolean', true] : ['==', ['get', 'lad'], place];
}

const areaText = (font: string, size: number, selected: string | null): SymbolLayerSpecification['layout'] => ({
  'text-field': ['get', 'name'],
  'text-font': [font],
  'text-size': size,
  'text-max-width': 8,
  'text-padding': 3,
  'symbol-sort-key': labelSortKey(selected),
});

const areaPaint: SymbolLayerSpecification['paint'] = {
  'text-color': LABEL_COLOURS.text,
  'text-halo-color': LABEL_COLOURS.halo,
  'text-halo-width': 1.6,
  'text-halo-blur': 0.4,
};

export function wardLabelLayer(id: string, source: string, selected: string | null = null, filter: FilterSpecification = ['boolean', true]): SymbolLayerSpecification {
  return { id, type: 'symbol', source, minzoom: LABEL_ZOOM, filter, layout: areaText(LABEL_FONTS.ward, 12.5, selected), paint: areaPaint };
}

export function authorityLabelLayer(id: string, source: string, filter: FilterSpecification = ['boolean', true]): SymbolLayerSpecification {
  return { id, type: 'symbol', source, maxzoom: LABEL_ZOOM, filter, layout: areaText(LABEL_FONTS.authority, 14, null), paint: areaPaint };
}

/** A place shows from its own first zoom, unless an area label already says the same name (Evington ward and Evington). */
export function placeLabelFilter(hide: readonly string[] = []): FilterSpecification {
  const fromZoom: FilterSpecification = ['>=', ['zoom'], ['get', 'minzoom']];
  return hide.length ? ['all', fromZoom, ['!', ['in', ['get', 'name'], ['literal', [...hide]]]]] : fromZoom;
}

/**
 * OS Open Names places: quiet context (small grey regular text, thinner halo) under the area
 * names, which are placed first where they collide. A place shows from its own first zoom.
 */
export function placeLabelLayer(id: string, source: string): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    minzoom: 8,
    filter: placeLabelFilter(),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONTS.place],
      'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 14, 12.5],
      'text-letter-spacing': 0.04,
      'text-max-width': 7,
      'text-padding': 2,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': LABEL_COLOURS.place, 'text-halo-color': LABEL_COLOURS.halo, 'text-halo-width': 1.2 },
  };
}
