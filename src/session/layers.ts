/**
 * The map as a function of the view: which areas it draws, what colours them
 * and what points sit on top, as a plain spec derived from the session. Each
 * part carries a key naming exactly the data it needs; the section that
 * computes that data publishes it under the key (ui/layerData.tsx), and the
 * map draws only data whose key matches the spec — so a slow answer for an
 * older view can never colour the current one.
 */
import type { AreaLevel, MapLevel } from '../geo/levels.ts';
import type { Locality } from '../localities/locality.ts';
import type { Session } from './document.ts';

export type FillSource = 'indicator' | 'hotspot' | 'emerging' | 'crime' | 'target' | 'none';
export type PointSource = 'survey' | 'sites' | 'crimes' | 'classified' | 'none';

export interface LayerSpec {
  place: string;
  level: MapLevel;
  fill: { source: FillSource; key: string };
  points: { source: PointSource; key: string };
  selected: string | null;
  officialWards: boolean;
  /** Localities outlined on the map (all of them at the locality level, or on the localities tab). */
  localities: readonly Locality[];
  /** Areas highlighted as being compared. */
  compared: readonly string[];
}

const weightsKey = (w: Session['hotspot']['weights'][string] | undefined) =>
  w
    ? Object.entries(w)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([c, n]) => `${c}=${n}`)
        .join(',')
    : 'default';

/**
 * The level statistics are worked out at for a view at `level`: hotspot tests,
 * crime rates and trends run on small areas and wards, never on a handful of
 * localities, so a locality view shows them on wards.
 */
export const testedLevel = (level: MapLevel): AreaLevel => (level === 'locality' ? 'ward' : level);

/** The official-statistics colouring of a view: the choropleth model is published under it. */
export function indicatorFillKey(s: Pick<Session, 'place' | 'level' | 'indicator' | 'method' | 'localities'>): string {
  const localities = s.level === 'locality' ? `|${localitiesKey(s.localities)}` : '';
  return `indicator|${s.place}|${s.level}|${s.indicator}|${s.method}${localities}`;
}

/** What colours the areas in this view. */
export function fillOf(s: Session): LayerSpec['fill'] {
  switch (s.tab) {
    case 'areas':
    case 'compare':
    case 'localities':
      return { source: 'indicator', key: indicatorFillKey(s) };
    case 'target':
      // The target ranking uses the hotspot tab's weights for its theme, so they are part of what it colours.
      return {
        source: 'target',
        key: `target|${s.place}|${s.target.level}|${s.target.theme}|${weightsKey(s.hotspot.weights[s.target.theme])}${s.target.level === 'locality' ? `|${localitiesKey(s.localities)}` : ''}`,
      };
    case 'hotspots': {
      const h = s.hotspot;
      if (h.mode === 'emerging') {
        const e = h.emerging;
        return e.source === 'crime'
          ? { source: 'emerging', key: `emerging|crime|${s.place}|${testedLevel(s.level)}|${s.crime.lad}|${s.crime.type}|${e.from}` }
          : { source: 'none', key: 'none' };
      }
      return { source: 'hotspot', key: `hotspot|${s.place}|${testedLevel(s.level)}|${h.measure}|${h.statistic}|${h.fdr}|${weightsKey(h.weights[h.measure])}` };
    }
    case 'crime':
      return { source: 'crime', key: `crime|${s.place}|${testedLevel(s.level)}|${s.crime.lad}|${s.crime.type}` };
    default:
      return { source: 'none', key: 'none' };
  }
}

/** What points sit over the areas in this view. */
export function pointsOf(s: Session): LayerSpec['points'] {
  switch (s.tab) {
    case 'survey':
      return { source: 'survey', key: `survey|${s.place}|${JSON.stringify(s.survey)}|${s.area ?? ''}` };
    case 'street-reps':
      return { source: 'sites', key: `sites|${s.place}|${s.streetReps.heading}|${s.streetReps.ward}` };
    case 'crime':
      // The place too: one authority in view is the authority whose crimes are drawn.
      return s.crime.dots ? { source: 'crimes', key: `crimes|${s.place}|${s.crime.lad}|${s.crime.type}` } : { source: 'none', key: 'none' };
    case 'hotspots':
      return s.hotspot.mode === 'emerging' && s.hotspot.emerging.source === 'street-reps'
        ? { source: 'classified', key: `classified|${s.place}|${s.hotspot.emerging.scope}|${s.hotspot.emerging.from}|${s.hotspot.emerging.fdr}` }
        : { source: 'none', key: 'none' };
    default:
      return { source: 'none', key: 'none' };
  }
}

export function localitiesKey(localities: readonly Locality[]): string {
  return localities.map((l) => `${l.id}:${l.wards.join(',')}:${l.lsoas.join(',')}`).join(';');
}

// One empty list, so a spec without localities or comparisons keeps the same value from view to view
// (a new [] each time re-drew the locality outlines on every change of measure).
const NONE: readonly never[] = [];

export function layerSpecOf(s: Session): LayerSpec {
  const showLocalities = s.level === 'locality' || s.tab === 'localities' || (s.tab === 'target' && s.target.level === 'locality');
  return {
    place: s.place,
    level: s.tab === 'target' ? s.target.level : s.tab === 'hotspots' || s.tab === 'crime' ? testedLevel(s.level) : s.level,
    fill: fillOf(s),
    points: pointsOf(s),
    selected: s.area,
    officialWards: s.officialWards,
    localities: showLocalities ? s.localities : NONE,
    compared: s.tab === 'compare' ? s.compare : NONE,
  };
}
