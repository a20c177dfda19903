import type { ClassMethod } from '../stats/classify.ts';
import { BUILT_IN_PLACES } from '../geo/places.ts';

export type Level = 'lsoa' | 'ward';

/** The app's sections, each a tab over the same map. */
export const TABS = ['areas', 'hotspots', 'survey', 'street-reps', 'crime', 'data'] as const;
export type Tab = (typeof TABS)[number];

/** What the hotspot map tests: one of the three themes, or any single catalogue measure. */
export type HotspotStatistic = 'gi-star' | 'local-moran';

/** Everything needed to reopen the same view from a copied link. */
export interface ViewState {
  /** 'five' (all built-in authorities), 'england', or one authority's LAD code. */
  place: string;
  level: Level;
  indicator: string;
  method: ClassMethod;
  /** Selected LSOA or ward code, if any. */
  area: string | null;
  tab: Tab;
  /** Hotspots: 'housing' | 'safety' | 'communal' or a catalogue indicator code. */
  hotspot: string;
  statistic: HotspotStatistic;
  /** Hotspots: false discovery rate control (on by default). */
  fdr: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  place: 'five',
  level: 'lsoa',
  indicator: 'iod25_imd',
  method: 'deciles',
  area: null,
  tab: 'areas',
  hotspot: 'safety',
  statistic: 'gi-star',
  fdr: true,
};

// The five built-in authorities (src/app/places.ts), all five, or England.
const PLACE = new RegExp(`^(five|england|${BUILT_IN_PLACES.map((p) => p.code).join('|')})$`);
const AREA = /^E0[15]\d{6}$/;
const INDICATOR = /^[a-z][a-z0-9_]{0,63}$/;
const METHODS: readonly ClassMethod[] = ['deciles', 'quantiles', 'jenks'];

/** Read the view from a URL query string; anything malformed falls back to the default. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const pick = <T>(key: string, ok: (v: string) => boolean, fallback: T): T | string => {
    const v = q.get(key);
    return v !== null && ok(v) ? v : fallback;
  };
  return {
    place: pick('place', (v) => PLACE.test(v), DEFAULT_VIEW.place),
    level: pick('level', (v) => v === 'lsoa' || v === 'ward', DEFAULT_VIEW.level) as Level,
    indicator: pick('indicator', (v) => INDICATOR.test(v), DEFAULT_VIEW.indicator),
    method: pick('method', (v) => (METHODS as readonly string[]).includes(v), DEFAULT_VIEW.method) as ClassMethod,
    area: pick('area', (v) => AREA.test(v), null),
    tab: pick('tab', (v) => (TABS as readonly string[]).includes(v), DEFAULT_VIEW.tab) as Tab,
    hotspot: pick('hotspot', (v) => INDICATOR.test(v), DEFAULT_VIEW.hotspot),
    statistic: pick('statistic', (v) => v === 'gi-star' || v === 'local-moran', DEFAULT_VIEW.statistic) as HotspotStatistic,
    fdr: q.get('fdr') !== '0',
  };
}

/** The query string for a view, in a fixed key order so links are stable. */
export function serializeViewState(view: ViewState): string {
  const q = new URLSearchParams();
  q.set('place', view.place);
  q.set('level', view.level);
  q.set('indicator', view.indicator);
  q.set('method', view.method);
  if (view.area) q.set('area', view.area);
  // Defaults are left out, so links from before these sections existed stay as they were.
  if (view.tab !== DEFAULT_VIEW.tab) q.set('tab', view.tab);
  if (view.tab === 'hotspots') {
    q.set('hotspot', view.hotspot);
    q.set('statistic', view.statistic);
    if (!view.fdr) q.set('fdr', '0');
  }
  return `?${q.toString()}`;
}
