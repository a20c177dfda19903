import { interpolateViridis } from 'd3';

/**
 * Colour for a severity between 0 (least of the problem) and 1 (most).
 * Viridis is perceptually uniform and readable with the common forms of colour
 * blindness and in greyscale print; the worst areas get the darkest colour.
 * We stop short of viridis' palest yellow so light classes stay visible on white.
 */
export function severityColour(severity: number): string {
  const s = Math.min(1, Math.max(0, severity));
  return interpolateViridis(0.95 - 0.95 * s);
}

export const NO_DATA_COLOUR = '#d9d9d9';
export const OUTSIDE_PLACE_COLOUR = '#f2f2f2';

/**
 * Street-rep grades A–D: blue (no problem) to red (unacceptable), from
 * ColorBrewer's RdYlBu, which stays distinguishable with red–green colour
 * blindness; the grade letter is always shown beside the colour too.
 */
export const GRADE_COLOURS = ['#2c7bb6', '#abd9e9', '#fdae61', '#d7191c'] as const;
/** A street-rep site with no grade yet. */
export const NOT_GRADED_COLOUR = '#bdbdbd';

/**
 * Hot and cold spots: ColorBrewer RdBu, seven classes (cold 99 % … hot 99 %),
 * the diverging scheme ArcGIS and GeoDa use for Gi*, safe for colour-blind readers.
 */
export const HOT_COLD_COLOURS = {
  'cold-99': '#2166ac',
  'cold-95': '#67a9cf',
  'cold-90': '#d1e5f0',
  'not-significant': '#f7f7f7',
  'hot-90': '#fddbc7',
  'hot-95': '#ef8a62',
  'hot-99': '#b2182b',
} as const;

/** Okabe–Ito: eight colours distinguishable by people with any common colour-vision deficiency (crime types, survey themes). */
export const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const;
export const OTHER_CATEGORY_COLOUR = '#999999';
