/**
 * What the synthetic sample is made of: which real wards, which invented
 * venues, and the deliberate skews (who answered, what they chose). Every
 * number here is a made-up modelling choice, not an official figure.
 */
import type { SurveyTheme } from '../../src/ingest/schemas.ts';

export const DEFAULT_SEED = 20250301;

export type VenueKind = 'childrens-centre' | 'elders' | 'cafe' | 'fun-day' | 'businesses' | 'library';

export interface VenueKindPlan {
  /** Appended to the ward name: "Norbiton Children's Centre (sample)". */
  label: string;
  /** Day of the week sessions run (0 = Sunday); a fun day is a single Saturday. */
  weekday: number;
  /** Relative weights over AGE_BANDS, in order (16-24 … 75+). */
  ageWeights: readonly number[];
  femaleShare: number;
  themeBoost: Partial<Record<SurveyTheme, number>>;
}

export const VENUE_KINDS: Record<VenueKind, VenueKindPlan> = {
  'childrens-centre': {
    label: "Children's Centre",
    weekday: 3,
    ageWeights: [3, 30, 35, 15, 8, 5, 4],
    femaleShare: 0.8,
    themeBoost: { 'Parenting skills & support': 3, 'Youth activities': 1.5, 'Healthy eating & affordable food': 1.5 },
  },
  elders: {
    label: "Elders' Lunch Club",
    weekday: 2,
    ageWeights: [0, 1, 2, 5, 20, 38, 34],
    femaleShare: 0.68,
    themeBoost: { 'Mental health & reducing isolation': 3, 'Information & advice': 1.6, 'Youth activities': 0.5, 'Parenting skills & support': 0.3 },
  },
  cafe: {
    label: 'Community Café',
    weekday: 4,
    ageWeights: [4, 10, 13, 16, 20, 20, 17],
    femaleShare: 0.6,
    themeBoost: { 'Healthy eating & affordable food': 1.5, 'Mental health & reducing isolation': 1.3 },
  },
  'fun-day': {
    label: 'Estate Fun Day',
    weekday: 6,
    ageWeights: [12, 22, 24, 16, 12, 9, 5],
    femaleShare: 0.65,
    themeBoost: { 'Youth activities': 3, 'Affordable exercise': 1.5 },
  },
  businesses: {
    label: 'Shop Parade Businesses',
    weekday: 5,
    ageWeights: [5, 14, 18, 22, 20, 14, 7],
    femaleShare: 0.48,
    themeBoost: { 'Policing & safety': 1.3, 'Maintenance & condition of public/communal areas': 1.3, 'Employment support & income maximisation': 1.4 },
  },
  library: {
    label: 'Library',
    weekday: 1,
    ageWeights: [4, 8, 12, 15, 20, 22, 19],
    femaleShare: 0.62,
    themeBoost: { 'Information & advice': 2, 'Employment support & income maximisation': 1.3 },
  },
};

/** Online respondents: younger than venue ones, but still few 16–24s. */
export const ONLINE = {
  ageWeights: [6, 18, 22, 22, 18, 10, 4] as readonly number[],
  femaleShare: 0.6,
};

/** How often respondents gave each number of choices (1…5): most give three. */
export const CHOICE_COUNT_WEIGHTS = [10, 12, 60, 8, 10] as const;

/**
 * How likely each theme is to be picked, before ward and venue effects.
 * Housing, policing and communal areas lead, as in the pilot (PRODUCT.md).
 */
export const THEME_WEIGHTS: Record<SurveyTheme, number> = {
  'Youth activities': 4,
  'Healthy eating & affordable food': 3,
  'Mental health & reducing isolation': 3,
  'Parenting skills & support': 1.8,
  'Information & advice': 2,
  'Diversity, inclusion & community spirit': 1.8,
  'Policing & safety': 9,
  'Affordable exercise': 2,
  'Maintenance & condition of public/communal areas': 8,
  'Employment support & income maximisation': 2.8,
  'Housing issues': 10,
};

export const AGE_BLANK_SHARE = 0.15;
export const SEX_BLANK_SHARE = 0.05;
export const ETHNICITY_BLANK_SHARE = 0.08;
export const FREE_TEXT_SHARE = 0.2;

export interface WardPlan {
  name: string;
  ladCode: string;
  ladName: string;
  /** Prefix for site ids and rep labels. */
  short: string;
  responses: number;
  /** First day of fieldwork (ISO date) and its length in weeks. */
  fieldworkStart: string;
  fieldworkWeeks: number;
  onlineShare: number;
  venues: readonly VenueKind[];
  themeBoost: Partial<Record<SurveyTheme, number>>;
  /** Multiplies the Census White share before renormalising: > 1 means White residents over-answer. */
  whiteSkew: number;
  streetRepSites: number;
  /** Volunteer labels; a few sign with initials only. */
  reps: readonly string[];
}

export const WARDS: readonly WardPlan[] = [
  {
    name: 'Norbiton', ladCode: 'E09000021', ladName: 'Kingston upon Thames', short: 'NOR', responses: 560,
    fieldworkStart: '2025-03-03', fieldworkWeeks: 9, onlineShare: 0.27,
    venues: ['childrens-centre', 'elders', 'cafe', 'fun-day', 'businesses', 'library'],
    themeBoost: { 'Housing issues': 1.4, 'Maintenance & condition of public/communal areas': 1.1 },
    whiteSkew: 1.5, streetRepSites: 18, reps: ['Rep NOR-1', 'Rep NOR-2', 'J.T.', 'Rep NOR-3'],
  },
  {
    name: 'Blacon', ladCode: 'E06000050', ladName: 'Cheshire West and Chester', short: 'BLA', responses: 260,
    fieldworkStart: '2025-04-07', fieldworkWeeks: 9, onlineShare: 0.2,
    venues: ['childrens-centre', 'elders', 'cafe', 'fun-day', 'library'],
    themeBoost: { 'Employment support & income maximisation': 1.6, 'Healthy eating & affordable food': 1.4, 'Policing & safety': 1.1 },
    whiteSkew: 1.3, streetRepSites: 12, reps: ['Rep BLA-1', 'Rep BLA-2', 'M.H.'],
  },
  {
    name: 'Lache', ladCode: 'E06000050', ladName: 'Cheshire West and Chester', short: 'LAC', responses: 190,
    fieldworkStart: '2025-04-14', fieldworkWeeks: 9, onlineShare: 0.18,
    venues: ['cafe', 'elders', 'fun-day', 'businesses'],
    themeBoost: { 'Maintenance & condition of public/communal areas': 1.4, 'Youth activities': 1.2 },
    whiteSkew: 1.3, streetRepSites: 10, reps: ['Rep LAC-1', 'Rep LAC-2'],
  },
  {
    name: 'Stoneygate', ladCode: 'E06000016', ladName: 'Leicester', short: 'STO', responses: 270,
    fieldworkStart: '2025-06-02', fieldworkWeeks: 10, onlineShare: 0.3,
    venues: ['childrens-centre', 'elders', 'businesses', 'library'],
    themeBoost: { 'Policing & safety': 1.3, 'Employment support & income maximisation': 1.4, 'Diversity, inclusion & community spirit': 1.5, 'Housing issues': 1.1 },
    whiteSkew: 3, streetRepSites: 10, reps: ['Rep STO-1', 'Rep STO-2', 'A.K.'],
  },
  {
    name: 'Kingstone', ladCode: 'E08000016', ladName: 'Barnsley', short: 'KIN', responses: 220,
    fieldworkStart: '2025-09-08', fieldworkWeeks: 8, onlineShare: 0.22,
    venues: ['cafe', 'elders', 'fun-day', 'businesses'],
    themeBoost: { 'Policing & safety': 1.4, 'Youth activities': 1.4 },
    whiteSkew: 1.3, streetRepSites: 10, reps: ['Rep KIN-1', 'Rep KIN-2', 'D.W.'],
  },
];

/** Relative share of a ward's venue responses each kind of venue collects. */
export const VENUE_SHARE: Record<VenueKind, number> = {
  'childrens-centre': 1, elders: 0.9, cafe: 1.1, 'fun-day': 1.3, businesses: 0.8, library: 0.8,
};
