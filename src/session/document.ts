/**
 * The view document: everything that decides what is on screen, as one
 * serialisable value. The URL, presentation slides, exports and project files
 * are this value; features read it through the session context and change it
 * only through the updaters in ./updaters.ts. Bump `v` (and add a migration in
 * ./migrate.ts) whenever its shape changes.
 */
import type { ClassMethod } from '../stats/classify.ts';
import type { MapLevel } from '../geo/levels.ts';
import type { Locality } from '../localities/locality.ts';

/** The app's sections, each a tab over the same map. */
export const TABS = ['areas', 'target', 'compare', 'hotspots', 'survey', 'street-reps', 'crime', 'localities', 'data'] as const;
export type Tab = (typeof TABS)[number];

/** Each section by the name its tab shows (the tabs, a profile's "Back to …" and slide titles share it). */
export const TAB_LABELS: Record<Tab, string> = {
  areas: 'Official statistics',
  target: 'Where to target',
  compare: 'Compare',
  hotspots: 'Hotspots',
  survey: 'Residents’ survey',
  'street-reps': 'Street reps',
  crime: 'Police data',
  localities: 'Localities',
  data: 'Your data',
};

export type HotspotStatistic = 'gi-star' | 'local-moran';
export type EmergingSource = 'crime' | 'street-reps';

export interface HotspotSettings {
  /** 'housing' | 'safety' | 'communal' or a catalogue indicator code. */
  measure: string;
  statistic: HotspotStatistic;
  /** False discovery rate control (on by default). */
  fdr: boolean;
  mode: 'now' | 'emerging';
  /** Theme weights a person changed, per theme id: indicator code → weight. Absent = the theme's defaults. */
  weights: Readonly<Record<string, Readonly<Record<string, number>>>>;
  emerging: {
    source: EmergingSource;
    /** First month (YYYY-MM) of the run of months tested; '' = the latest unbroken run. */
    from: string;
    /** Street-rep trend: '' = all issues, else one issue. */
    scope: string;
    /** Street-rep trend: false discovery rate control. */
    fdr: boolean;
  };
}

/** The survey section's filters; '' means "all". */
export interface SurveySettings {
  dataset: string;
  venue: string;
  from: string;
  to: string;
  ageBand: string;
  sex: string;
  ethnicity: string;
  /** Restrict to the ward selected on the map. */
  onlyWard: boolean;
  groupBy: 'ward' | 'venue';
}

export interface CrimeSettings {
  /** The authority chosen when the place is not one authority; '' = the default one. */
  lad: string;
  /** One crime type, or '' for all. */
  type: string;
  /** Show one month's crimes as dots. */
  dots: boolean;
}

export interface StreetRepSettings {
  /** '' = all issues, else one heading. */
  heading: string;
  /** '' = every ward, else one ward code. */
  ward: string;
  /** The site whose card is open. */
  site: string | null;
}

export interface TargetSettings {
  theme: 'housing' | 'safety' | 'communal';
  level: MapLevel;
}

export interface SessionV2 {
  v: 2;
  /** 'five' (all built-in authorities), 'england', or one authority's LAD code. */
  place: string;
  level: MapLevel;
  indicator: string;
  method: ClassMethod;
  /** The selected small area, ward or locality, if any. */
  area: string | null;
  tab: Tab;
  /** Where the open profile was opened from, so it can offer "Back to …". */
  profileFrom: Tab | null;
  /** The level shown there, restored by Back (opening a ward's profile shows wards). */
  returnLevel: MapLevel | null;
  /** Official ward boundaries drawn over the best-fit wards. */
  officialWards: boolean;
  hotspot: HotspotSettings;
  survey: SurveySettings;
  crime: CrimeSettings;
  streetReps: StreetRepSettings;
  /** Every locality the view knows (a link carries them, so it opens anywhere). */
  localities: readonly Locality[];
  /** Wards and localities side by side (2–5 codes). */
  compare: readonly string[];
  target: TargetSettings;
}

export type Session = SessionV2;

export const DEFAULT_SESSION: SessionV2 = {
  v: 2,
  place: 'five',
  level: 'lsoa',
  indicator: 'iod25_imd',
  method: 'deciles',
  area: null,
  tab: 'areas',
  profileFrom: null,
  returnLevel: null,
  officialWards: false,
  hotspot: {
    measure: 'safety',
    statistic: 'gi-star',
    fdr: true,
    mode: 'now',
    weights: {},
    emerging: { source: 'crime', from: '', scope: '', fdr: false },
  },
  survey: { dataset: '', venue: '', from: '', to: '', ageBand: '', sex: '', ethnicity: '', onlyWard: false, groupBy: 'ward' },
  crime: { lad: '', type: '', dots: false },
  streetReps: { heading: '', ward: '', site: null },
  localities: [],
  compare: [],
  target: { theme: 'housing', level: 'ward' },
};

/** At most this many areas side by side. */
export const MAX_COMPARED = 5;
