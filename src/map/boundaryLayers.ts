import type { ExpressionSpecification, FillLayerSpecification, GeoJSONSourceSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { OUTSIDE_PLACE_COLOUR } from './palette.ts';
import type { GeoSet, Level } from './mapStyle.ts';

/**
 * The boundary layers' specs as pure data: the map adds exactly these, and the
 * render tests (tests/e2e/render/) draw them, so a test checks the real style.
 */

/** Fills over the plain background; lower when a background map shows through (basemap.ts). */
export const FILL_OPACITY = 0.92;
export const FILL_OPACITY_OVER_BASEMAP = 0.6;

/**
 * A boundary source: areas keyed by code (for feature-state colours). Simplification while
 * tiling (geojson-vt tolerance, in screen pixels) is finer than the default for the five
 * authorities' street-level shapes; England keeps the default, as a coarser one dropped
 * small urban areas and left holes in the map.
 */
export function boundarySource(set: GeoSet, data: FeatureCollection | string): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'code', tolerance: set === 'england' ? 0.375 : 0.2 };
}

const FADE_IN = (from: number, to: number, opacity: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], from, 0, to, opacity];

/** Areas coloured through feature-state `fill` (a fixed expression: a new measure never re-tiles). */
export function fillLayer(id: string, source: string, visible: boolean, opacity = FILL_OPACITY): FillLayerSpecification {
  return {
    id,
    type: 'fill',
    source,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: {
      // Areas outside the chosen place carry no colour: the palest grey.
      'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], OUTSIDE_PLACE_COLOUR]],
      'fill-opacity': opacity,
    },
  };
}

/** Edges of small areas (thin white) or wards (dark); England's fade in as you zoom, or at country scale they would hide the colours. */
export function lineLayer(id: string, source: string, set: GeoSet, level: Level, visible: boolean): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint:
      level === 'ward'
        ? { 'line-color': '#333333', 'line-width': 1.1, 'line-opacity': set === 'england' ? FADE_IN(7, 9.5, 1) : 1 }
        : { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': set === 'england' ? FADE_IN(8, 11, 0.8) : 0.8 },
  };
}

/** Authority outlines: the thickest line, so a place's edge is always clear. */
export function authorityLineLayer(id: string, source: string, set: GeoSet, visible: boolean): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source,
    layout: { visibility: visible ? 'visible' : 'none', 'line-join': 'round' },
    paint: { 'line-color': '#1b1b1b', 'line-width': set === 'five' ? 2.2 : 1.2 },
  };
}

/** The selected (magenta, thick) and hovered (black) outlines, drawn from the small `focus` source. */
export function focusLayers(source = 'focus'): LineLayerSpecification[] {
  return (
    [
      ['selected', '#e8006f', 4],
      ['hover', '#000000', 3],
    ] as const
  ).map(([kind, colour, width]) => ({
    id: `focus-${kind}`,
    type: 'line',
    source,
    filter: ['==', ['get', 'kind'], kind],
    paint: { 'line-color': colour, 'line-width': width },
  }));
}
