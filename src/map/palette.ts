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
