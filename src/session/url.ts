/**
 * The view document in a URL query string, compactly: the first four keys are
 * always written (so a link says what it shows), everything else only when it
 * differs from the default. Links made before the document existed (v1: place,
 * level, indicator, method, area, tab, hotspot, statistic, fdr) read the same;
 * anything malformed falls back to its default, key by key.
 */
import { BUILT_IN_PLACES } from '../geo/places.ts';
import { isMapLevel, LEVELS, type MapLevel } from '../geo/levels.ts';
import { cleanLocalityName, isLocalityId, type Locality } from '../localities/locality.ts';
import type { ClassMethod } from '../stats/classify.ts';
import { DEFAULT_SESSION, MAX_COMPARED, TABS, type Session, type Tab } from './document.ts';

const PLACE = new RegExp(`^(five|england|${BUILT_IN_PLACES.map((p) => p.code).join('|')})$`);
const AREA = (v: string) => LEVELS.lsoa.code.test(v) || LEVELS.ward.code.test(v) || isLocalityId(v);
const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const METHODS: readonly ClassMethod[] = ['deciles', 'quantiles', 'jenks'];
const THEMES = ['housing', 'safety', 'communal'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Free text in a link (a venue, a crime type): short, and no control characters.
const TEXT = { test: (v: string) => v.length >= 1 && v.length <= 120 && ![...v].some((c) => c.charCodeAt(0) < 32) };
const isTab = (v: string): v is Tab => (TABS as readonly string[]).includes(v);

/** Read a view from a query string (with or without the leading "?"). */
export function parseSession(search: string): Session {
  const q = new URLSearchParams(search);
  const d = DEFAULT_SESSION;
  const get = (key: string, ok: (v: string) => boolean): string | null => {
    const v = q.get(key);
    return v !== null && ok(v) ? v : null;
  };
  const text = (key: string) => get(key, (v) => TEXT.test(v)) ?? '';
  const localities = parseLocalities(q.getAll('loc'));
  const known = new Set(localities.map((l) => l.id));
  const area = get('area', AREA);
  const level = (get('level', isMapLevel) as MapLevel | null) ?? d.level;
  return {
    v: 2,
    place: get('place', (v) => PLACE.test(v)) ?? d.place,
    // A locality level (or area) that the link does not define has nothing to show.
    level: level === 'locality' && localities.length === 0 ? 'ward' : level,
    indicator: get('indicator', (v) => CODE.test(v)) ?? d.indicator,
    method: (get('method', (v) => (METHODS as readonly string[]).includes(v)) as ClassMethod | null) ?? d.method,
    area: area && (!isLocalityId(area) || known.has(area)) ? area : null,
    tab: (get('tab', isTab) as Tab | null) ?? d.tab,
    profileFrom: (get('from', isTab) as Tab | null) ?? null,
    returnLevel: q.get('from') ? ((l) => (l && isMapLevel(l) && (l !== 'locality' || localities.length) ? l : null))(q.get('fl')) : null,
    officialWards: q.get('ow') === '1',
    hotspot: {
      measure: get('hotspot', (v) => CODE.test(v)) ?? d.hotspot.measure,
      statistic: q.get('statistic') === 'local-moran' ? 'local-moran' : 'gi-star',
      fdr: q.get('fdr') !== '0',
      mode: q.get('hm') === 'emerging' ? 'emerging' : 'now',
      weights: parseWeights(q.getAll('w')),
      emerging: {
        source: q.get('es') === 'street-reps' ? 'street-reps' : 'crime',
        from: get('ef', (v) => MONTH.test(v)) ?? '',
        scope: text('esc'),
        fdr: q.get('efdr') === '1',
      },
    },
    survey: {
      dataset: text('sd'),
      venue: text('sv'),
      from: get('sf', (v) => DAY.test(v)) ?? '',
      to: get('st', (v) => DAY.test(v)) ?? '',
      ageBand: text('sa'),
      sex: text('ss'),
      ethnicity: text('se'),
      onlyWard: q.get('sw') === '1',
      groupBy: q.get('sg') === 'venue' ? 'venue' : 'ward',
    },
    crime: { lad: get('cl', (v) => PLACE.test(v) && v.startsWith('E')) ?? '', type: text('ct'), dots: q.get('cd') === '1' },
    streetReps: { heading: text('rh'), ward: get('rw', (v) => LEVELS.ward.code.test(v)) ?? '', site: get('rs', (v) => TEXT.test(v)) },
    localities,
    compare: (q.get('cmp') ?? '')
      .split('.')
      .filter((c) => LEVELS.ward.code.test(c) || LEVELS.lsoa.code.test(c) || LEVELS.authority.code.test(c) || known.has(c))
      .filter((c, i, all) => all.indexOf(c) === i)
      .slice(0, MAX_COMPARED),
    target: {
      theme: (THEMES as readonly string[]).includes(q.get('tt') ?? '') ? (q.get('tt') as Session['target']['theme']) : d.target.theme,
      level: ((l) => (l && isMapLevel(l) && (l !== 'locality' || localities.length) ? l : d.target.level))(q.get('tl')),
    },
  };
}

/** The query string for a view, in a fixed key order so the same view always makes the same link. */
export function serializeSession(s: Session): string {
  const d = DEFAULT_SESSION;
  const q = new URLSearchParams();
  q.set('place', s.place);
  q.set('level', s.level);
  q.set('indicator', s.indicator);
  q.set('method', s.method);
  const put = (key: string, value: string, fallback: string) => {
    if (value !== fallback) q.set(key, value);
  };
  if (s.area) q.set('area', s.area);
  put('tab', s.tab, d.tab);
  if (s.profileFrom) q.set('from', s.profileFrom);
  if (s.profileFrom && s.returnLevel) q.set('fl', s.returnLevel);
  if (s.officialWards) q.set('ow', '1');
  const h = s.hotspot;
  // A hotspot view always names what it tests, as links made before v2 did.
  if (s.tab === 'hotspots' || h.measure !== d.hotspot.measure || h.statistic !== d.hotspot.statistic) {
    q.set('hotspot', h.measure);
    q.set('statistic', h.statistic);
  }
  if (!h.fdr) q.set('fdr', '0');
  put('hm', h.mode, d.hotspot.mode);
  for (const [theme, weights] of Object.entries(h.weights)) {
    q.append('w', `${theme}:${Object.entries(weights).map(([code, w]) => `${code}=${w}`).join(',')}`);
  }
  put('es', h.emerging.source, d.hotspot.emerging.source);
  put('ef', h.emerging.from, '');
  put('esc', h.emerging.scope, '');
  if (h.emerging.fdr) q.set('efdr', '1');
  const sv = s.survey;
  put('sd', sv.dataset, '');
  put('sv', sv.venue, '');
  put('sf', sv.from, '');
  put('st', sv.to, '');
  put('sa', sv.ageBand, '');
  put('ss', sv.sex, '');
  put('se', sv.ethnicity, '');
  if (sv.onlyWard) q.set('sw', '1');
  put('sg', sv.groupBy, d.survey.groupBy);
  put('cl', s.crime.lad, '');
  put('ct', s.crime.type, '');
  if (s.crime.dots) q.set('cd', '1');
  put('rh', s.streetReps.heading, '');
  put('rw', s.streetReps.ward, '');
  if (s.streetReps.site) q.set('rs', s.streetReps.site);
  for (const l of s.localities) q.append('loc', serializeLocality(l));
  if (s.compare.length) q.set('cmp', s.compare.join('.'));
  put('tt', s.target.theme, d.target.theme);
  put('tl', s.target.level, d.target.level);
  return `?${q.toString()}`;
}

// A locality in a link: id~name~ward digits~small-area digits (codes without their E05/E01 prefix).
function serializeLocality(l: Locality): string {
  const strip = (codes: readonly string[]) => codes.map((c) => c.slice(3)).join('.');
  return [l.id, l.name.replace(/~/g, '-'), strip(l.wards), strip(l.lsoas)].join('~');
}

function parseLocalities(values: readonly string[]): Locality[] {
  const out: Locality[] = [];
  for (const value of values) {
    const [id = '', name = '', wards = '', lsoas = ''] = value.split('~');
    const codes = (digits: string, prefix: string) =>
      digits
        .split('.')
        .filter((c) => /^\d{6}$/.test(c))
        .map((c) => prefix + c);
    const locality = { id, name: cleanLocalityName(name), wards: codes(wards, 'E05'), lsoas: codes(lsoas, 'E01') };
    if (isLocalityId(id) && locality.name && locality.wards.length + locality.lsoas.length > 0 && !out.some((l) => l.id === id)) out.push(locality);
  }
  return out;
}

function parseWeights(values: readonly string[]): Session['hotspot']['weights'] {
  const out: Record<string, Record<string, number>> = {};
  for (const value of values) {
    const [theme = '', list = ''] = value.split(':');
    if (!(THEMES as readonly string[]).includes(theme)) continue;
    const weights: Record<string, number> = {};
    for (const pair of list.split(',')) {
      const [code = '', w = ''] = pair.split('=');
      const n = Number(w);
      if (CODE.test(code) && w !== '' && Number.isFinite(n) && n >= 0 && n <= 10) weights[code] = n;
    }
    if (Object.keys(weights).length) out[theme] = weights;
  }
  return out;
}
