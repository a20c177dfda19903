import type { EmergingClass } from '../../stats/trend/emergingHotspots.ts';

/**
 * Reds for hot patterns and blues for cold, darker for the more established
 * patterns (as ArcGIS's emerging hot spot map); the legend names every class,
 * so colour is never the only cue.
 */
export const EMERGING_COLOURS: Record<EmergingClass, string> = {
  'intensifying-hot': '#67000d',
  'persistent-hot': '#a50f15',
  'consecutive-hot': '#cb181d',
  'new-hot': '#ef3b2c',
  'diminishing-hot': '#fb6a4a',
  'sporadic-hot': '#fc9272',
  'oscillating-hot': '#fcbba1',
  'historical-hot': '#fee0d2',
  'intensifying-cold': '#08306b',
  'persistent-cold': '#08519c',
  'consecutive-cold': '#2171b5',
  'new-cold': '#4292c6',
  'diminishing-cold': '#6baed6',
  'sporadic-cold': '#9ecae1',
  'oscillating-cold': '#c6dbef',
  'historical-cold': '#deebf7',
  'no-pattern': '#f7f7f7',
};
