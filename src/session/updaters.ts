/**
 * Pure updaters for the view document: (session, action) → session. Nothing
 * here reads the DOM, the URL or storage, so every change a person can make is
 * unit-tested as data (kepler.gl's updaters are the model).
 */
import { isMapLevel, levelOfCode, type MapLevel } from '../geo/levels.ts';
import type { ClassMethod } from '../stats/classify.ts';
import type { Locality } from '../localities/locality.ts';
import {
  DEFAULT_SESSION,
  MAX_COMPARED,
  type CrimeSettings,
  type HotspotSettings,
  type Session,
  type StreetRepSettings,
  type SurveySettings,
  type Tab,
  type TargetSettings,
} from './document.ts';

export type SessionAction =
  | { type: 'replace'; session: Session }
  | { type: 'setPlace'; place: string }
  | { type: 'setLevel'; level: MapLevel }
  | { type: 'setIndicator'; indicator: string }
  | { type: 'setMethod'; method: ClassMethod }
  /** Select an area (or clear with null); the level follows the code's level (a ward code shows wards). */
  | { type: 'select'; code: string | null }
  /** Open an area's full profile from another section, remembering where from (its Back button). */
  | { type: 'openProfile'; code: string; from: Tab }
  | { type: 'backFromProfile' }
  | { type: 'closeProfile' }
  | { type: 'setTab'; tab: Tab }
  | { type: 'setOfficialWards'; on: boolean }
  | { type: 'setHotspot'; patch: Partial<Pick<HotspotSettings, 'measure' | 'statistic' | 'fdr' | 'mode'>> }
  | { type: 'setWeight'; theme: string; weights: Readonly<Record<string, number>> }
  | { type: 'resetWeights'; theme: string }
  | { type: 'setEmerging'; patch: Partial<HotspotSettings['emerging']> }
  | { type: 'setSurvey'; patch: Partial<SurveySettings> }
  | { type: 'resetSurvey' }
  | { type: 'setCrime'; patch: Partial<CrimeSettings> }
  | { type: 'setStreetReps'; patch: Partial<StreetRepSettings> }
  /** Add a locality, or replace the one with the same id. */
  | { type: 'saveLocality'; locality: Locality }
  | { type: 'removeLocality'; id: string }
  /** Localities from a file or another browser: those with a new id are added, the rest left as they are. */
  | { type: 'mergeLocalities'; localities: readonly Locality[] }
  | { type: 'setCompare'; codes: readonly string[] }
  | { type: 'toggleCompare'; code: string }
  | { type: 'setTarget'; patch: Partial<TargetSettings> }
  /** The measure catalogue is known: a link naming a measure that isn't in it falls back to the default. */
  | { type: 'catalogueKnown'; codes: readonly string[]; themes: readonly string[] };

/** Actions that move to another view get their own history entry (Back returns); the rest refine the view in place. */
export const NAVIGATIONS: ReadonlySet<SessionAction['type']> = new Set([
  'setPlace',
  'setLevel',
  'setIndicator',
  'setMethod',
  'select',
  'openProfile',
  'backFromProfile',
  'closeProfile',
  'setTab',
  'setCompare',
  'toggleCompare',
]);

const unique = (codes: readonly string[]) => [...new Set(codes)];

export function updateSession(s: Session, a: SessionAction): Session {
  switch (a.type) {
    case 'replace':
      return a.session;
    case 'setPlace':
      return s.place === a.place ? s : { ...s, place: a.place };
    case 'setLevel':
      return s.level === a.level ? s : { ...s, level: a.level };
    case 'setIndicator':
      return { ...s, indicator: a.indicator };
    case 'setMethod':
      return { ...s, method: a.method };
    case 'select': {
      const level = levelOfCode(a.code);
      return { ...s, area: a.code, level: level && isMapLevel(level) ? level : s.level };
    }
    case 'openProfile': {
      const level = levelOfCode(a.code);
      const from = a.from === 'areas' ? null : a.from;
      return { ...s, tab: 'areas', area: a.code, profileFrom: from, returnLevel: from ? s.level : null, level: level && isMapLevel(level) ? level : s.level };
    }
    case 'backFromProfile':
      return { ...s, tab: s.profileFrom ?? s.tab, level: s.returnLevel ?? s.level, profileFrom: null, returnLevel: null };
    case 'closeProfile':
      return { ...s, area: null, profileFrom: null, returnLevel: null };
    case 'setTab':
      return { ...s, tab: a.tab, profileFrom: null, returnLevel: null };
    case 'setOfficialWards':
      return { ...s, officialWards: a.on };
    case 'setHotspot':
      return { ...s, hotspot: { ...s.hotspot, ...a.patch } };
    case 'setWeight':
      return { ...s, hotspot: { ...s.hotspot, weights: { ...s.hotspot.weights, [a.theme]: { ...a.weights } } } };
    case 'resetWeights': {
      const weights = Object.fromEntries(Object.entries(s.hotspot.weights).filter(([theme]) => theme !== a.theme));
      return { ...s, hotspot: { ...s.hotspot, weights } };
    }
    case 'setEmerging':
      return { ...s, hotspot: { ...s.hotspot, emerging: { ...s.hotspot.emerging, ...a.patch } } };
    case 'setSurvey':
      return { ...s, survey: { ...s.survey, ...a.patch } };
    case 'resetSurvey':
      return { ...s, survey: { ...DEFAULT_SESSION.survey, groupBy: s.survey.groupBy } };
    case 'setCrime':
      return { ...s, crime: { ...s.crime, ...a.patch } };
    case 'setStreetReps':
      return { ...s, streetReps: { ...s.streetReps, ...a.patch } };
    case 'saveLocality': {
      const at = s.localities.findIndex((l) => l.id === a.locality.id);
      const localities = at < 0 ? [...s.localities, a.locality] : s.localities.map((l, i) => (i === at ? a.locality : l));
      return { ...s, localities };
    }
    case 'removeLocality': {
      const localities = s.localities.filter((l) => l.id !== a.id);
      const level = s.level === 'locality' && localities.length === 0 ? 'ward' : s.level;
      return {
        ...s,
        localities,
        level,
        area: s.area === a.id ? null : s.area,
        compare: s.compare.filter((c) => c !== a.id),
        target: s.target.level === 'locality' && localities.length === 0 ? { ...s.target, level: 'ward' } : s.target,
      };
    }
    case 'mergeLocalities': {
      const known = new Set(s.localities.map((l) => l.id));
      const added = a.localities.filter((l) => !known.has(l.id));
      return added.length ? { ...s, localities: [...s.localities, ...added] } : s;
    }
    case 'setCompare':
      return { ...s, compare: unique(a.codes).slice(0, MAX_COMPARED) };
    case 'toggleCompare': {
      if (s.compare.includes(a.code)) return { ...s, compare: s.compare.filter((c) => c !== a.code) };
      return s.compare.length >= MAX_COMPARED ? s : { ...s, compare: [...s.compare, a.code] };
    }
    case 'setTarget':
      return { ...s, target: { ...s.target, ...a.patch } };
    case 'catalogueKnown': {
      const known = new Set(a.codes);
      const indicator = known.has(s.indicator) ? s.indicator : DEFAULT_SESSION.indicator;
      const measure = known.has(s.hotspot.measure) || a.themes.includes(s.hotspot.measure) ? s.hotspot.measure : DEFAULT_SESSION.hotspot.measure;
      if (indicator === s.indicator && measure === s.hotspot.measure) return s;
      return { ...s, indicator, hotspot: { ...s.hotspot, measure } };
    }
  }
}

/** Codes of a locality's own and its wards' small areas are resolved elsewhere (db/queries/localities.ts); here only membership. */
export function localityById(s: Pick<Session, 'localities'>, id: string): Locality | undefined {
  return s.localities.find((l) => l.id === id);
}
