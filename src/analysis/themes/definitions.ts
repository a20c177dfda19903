import type { StreetRepHeading, SurveyTheme } from '../../ingest/schemas.ts';

/**
 * The three highlighted themes (PRODUCT.md): each a transparent blend of
 * components with documented default weights that the user can change.
 *
 * How the defaults were chosen: official measures cover every small area, so
 * they carry most of the weight; residents' evidence (survey, street reps)
 * exists only where people took part, so it adds to the picture where present
 * without dominating it. Weights are relative (the score divides by the sum of
 * the weights of the components an area actually has), so they need not add
 * up to 1, though the defaults do.
 */

export type ThemeId = 'housing' | 'safety' | 'communal';
export type ComponentSource = 'IoD 2025' | 'police.uk' | "residents' survey" | 'street reps';
export type ComponentKind = 'indicator' | 'crime-rate' | 'survey-share' | 'street-rep';

interface ComponentBase {
  /** Stable id, unique within a theme (used for weights in the URL and CSV). */
  id: string;
  /** Plain English, as shown beside the weight slider. */
  label: string;
  /**
   * Two to five plain words a resident understands, for notes, the CSV, the
   * breakdown and "driven mostly by" ("poor-quality homes"): what the measure
   * is, never its internal name ("IoD indoors").
   */
  shortLabel: string;
  source: ComponentSource;
  defaultWeight: number;
  /** Every theme component is oriented so that a higher value is worse. */
  higherIsWorse: true;
  /** Shown for context with a low weight (e.g. air quality for communal areas). */
  contextOnly?: boolean;
}

export interface IndicatorComponent extends ComponentBase {
  kind: 'indicator';
  /** A catalogue code (data/tables/catalogue.arrows). */
  indicatorCode: string;
}

export interface CrimeRateComponent extends ComponentBase {
  kind: 'crime-rate';
  /** police.uk `crime_type` values, exactly as they appear in the crimes table. */
  crimeTypes: readonly string[];
}

export interface SurveyShareComponent extends ComponentBase {
  kind: 'survey-share';
  /** Share of an area's responses that put this theme in their top three. */
  surveyTheme: SurveyTheme;
}

export interface StreetRepComponent extends ComponentBase {
  kind: 'street-rep';
  /** Mean of the latest grade (A = 0 … D = 3) of each site's issues under this heading. */
  heading: StreetRepHeading;
}

export type ThemeComponent = IndicatorComponent | CrimeRateComponent | SurveyShareComponent | StreetRepComponent;

export interface ThemeDefinition {
  id: ThemeId;
  label: string;
  /** One sentence for the theme picker. */
  description: string;
  components: readonly ThemeComponent[];
}

/** police.uk crime types, spelled as in data/tables/crimes.arrows. */
export const CRIME_TYPES = {
  violence: 'Violence and sexual offences',
  burglary: 'Burglary',
  robbery: 'Robbery',
  criminalDamage: 'Criminal damage and arson',
  antiSocial: 'Anti-social behaviour',
} as const;

/** A survey share from fewer responses than this is left out, not shown as a confident colour. */
export const MIN_SURVEY_RESPONSES = 10;
/** Street-rep grades need at least this many monitored sites in an area. */
export const MIN_STREET_REP_SITES = 1;

const base = { higherIsWorse: true } as const;

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: 'housing',
    label: 'Housing',
    description: 'Housing affordability, homelessness, overcrowding and poor-quality homes, with what residents say about housing.',
    components: [
      { ...base, id: 'wider_barriers', shortLabel: 'housing costs, crowding and homelessness', kind: 'indicator', indicatorCode: 'iod25_sub_wider_barriers', source: 'IoD 2025', defaultWeight: 0.4, label: 'Housing affordability, homelessness and overcrowding (IoD Wider barriers)' },
      { ...base, id: 'indoors', shortLabel: 'poor-quality homes', kind: 'indicator', indicatorCode: 'iod25_sub_indoors', source: 'IoD 2025', defaultWeight: 0.3, label: 'Poor-quality housing (IoD Living environment: indoors)' },
      { ...base, id: 'survey_housing', shortLabel: 'residents naming housing', kind: 'survey-share', surveyTheme: 'Housing issues', source: "residents' survey", defaultWeight: 0.3, label: 'Residents choosing "Housing issues" in their top three' },
    ],
  },
  {
    id: 'safety',
    label: 'Safety',
    description: 'Recorded crime and anti-social behaviour, with what residents and street reps say about safety and disorder.',
    components: [
      { ...base, id: 'iod_crime', shortLabel: 'crime risk (official index)', kind: 'indicator', indicatorCode: 'iod25_crime', source: 'IoD 2025', defaultWeight: 0.4, label: 'Crime (IoD Crime domain)' },
      {
        ...base,
        id: 'police_rate', shortLabel: 'police-recorded crime rate',
        kind: 'crime-rate',
        crimeTypes: [CRIME_TYPES.violence, CRIME_TYPES.burglary, CRIME_TYPES.robbery, CRIME_TYPES.criminalDamage, CRIME_TYPES.antiSocial],
        source: 'police.uk',
        defaultWeight: 0.3,
        label: 'Police-recorded violence, burglary, robbery, criminal damage and anti-social behaviour per 1,000 residents',
      },
      { ...base, id: 'survey_safety', shortLabel: 'residents naming safety', kind: 'survey-share', surveyTheme: 'Policing & safety', source: "residents' survey", defaultWeight: 0.15, label: 'Residents choosing "Policing & safety" in their top three' },
      { ...base, id: 'rep_peace', shortLabel: 'street reps: noise and loitering', kind: 'street-rep', heading: 'Peace & quiet', source: 'street reps', defaultWeight: 0.15, label: 'Street-rep grades for peace and quiet (loitering, noise)' },
    ],
  },
  {
    id: 'communal',
    label: 'Communal areas',
    description: 'The state of shared streets and green spaces, from street reps, residents and police records, with air quality and road safety as context.',
    components: [
      { ...base, id: 'rep_green', shortLabel: 'street reps: litter and greenery', kind: 'street-rep', heading: 'Green & clean', source: 'street reps', defaultWeight: 0.25, label: 'Street-rep grades for green and clean (litter, dog fouling, fly-tipping, graffiti, greenery)' },
      { ...base, id: 'rep_secure', shortLabel: 'street reps: lighting and street furniture', kind: 'street-rep', heading: 'Safe & secure', source: 'street reps', defaultWeight: 0.2, label: 'Street-rep grades for safe and secure (lighting, street furniture, abandoned vehicles)' },
      { ...base, id: 'survey_maintenance', shortLabel: 'residents naming communal areas', kind: 'survey-share', surveyTheme: 'Maintenance & condition of public/communal areas', source: "residents' survey", defaultWeight: 0.25, label: 'Residents choosing "Maintenance of communal areas" in their top three' },
      { ...base, id: 'police_damage', shortLabel: 'criminal damage rate (police)', kind: 'crime-rate', crimeTypes: [CRIME_TYPES.criminalDamage], source: 'police.uk', defaultWeight: 0.2, label: 'Police-recorded criminal damage and arson per 1,000 residents' },
      { ...base, id: 'outdoors', shortLabel: 'air quality and road accidents (context)', kind: 'indicator', indicatorCode: 'iod25_sub_outdoors', source: 'IoD 2025', defaultWeight: 0.1, contextOnly: true, label: 'Air quality and road accidents (IoD Living environment: outdoors), as context' },
    ],
  },
];

export function themeById(id: ThemeId): ThemeDefinition {
  const theme = THEMES.find((t) => t.id === id);
  if (!theme) throw new Error(`Unknown theme: ${id}`);
  return theme;
}

/** The documented default weight of each of a theme's components, by component id. */
export function defaultWeights(theme: ThemeDefinition): Record<string, number> {
  return Object.fromEntries(theme.components.map((c) => [c.id, c.defaultWeight]));
}

/** How many responses or sites a value needs before it is used (residents' evidence only). */
export function minimumCount(component: Pick<ThemeComponent, 'kind'>): number {
  if (component.kind === 'survey-share') return MIN_SURVEY_RESPONSES;
  if (component.kind === 'street-rep') return MIN_STREET_REP_SITES;
  return 0;
}

/** What a count behind a value is a count of, for notes ("fewer than 10 survey responses"). */
export function countNoun(component: Pick<ThemeComponent, 'kind'>, n: number): string {
  if (component.kind === 'survey-share') return n === 1 ? 'survey response' : 'survey responses';
  if (component.kind === 'street-rep') return n === 1 ? 'monitored site' : 'monitored sites';
  return n === 1 ? 'record' : 'records';
}
