import type { ClassMethod } from '../stats/classify.ts';
import { BUILT_IN_PLACES } from './places.ts';

export type Level = 'lsoa' | 'ward';

/** Everything needed to reopen the same view from a copied link. */
export interface ViewState {
  /** 'five' (all built-in authorities), 'england', or one authority's LAD code. */
  place: string;
  level: Level;
  indicator: string;
  method: ClassMethod;
  /** Selected LSOA or ward code, if any. */
  area: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  place: 'five',
  level: 'lsoa',
  indicator: 'iod25_imd',
  method: 'deciles',
  area: null,
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
  return `?${q.toString()}`;
}
