/**
 * Synthetic neighbourhood-priorities survey: responses collected at invented
 * venues inside real wards and online, with ranked theme choices and a
 * deliberately unrepresentative set of respondents.
 */
import { AGE_BANDS, ETHNIC_GROUPS, SEXES, SURVEY_THEMES, type SurveyTheme } from '../../src/ingest/schemas.ts';
import { COMMENTS } from './comments.ts';
import {
  AGE_BLANK_SHARE, CHOICE_COUNT_WEIGHTS, ETHNICITY_BLANK_SHARE, FREE_TEXT_SHARE, ONLINE, SEX_BLANK_SHARE,
  THEME_WEIGHTS, VENUE_KINDS, VENUE_SHARE, type VenueKind, type WardPlan,
} from './config.ts';
import { dayNumber, ukDate, weekday } from './dates.ts';
import { lsoaWeights, pointInWard, type Point, type Ward } from './geo.ts';
import type { Random } from './random.ts';

export const SURVEY_HEADER = [
  'Response ID', 'Date', 'Venue', 'Channel', 'Latitude', 'Longitude',
  'Choice 1', 'Choice 2', 'Choice 3', 'Choice 4', 'Choice 5',
  'Age band', 'Sex', 'Ethnicity', 'Comments',
] as const;

export const VENUE_HEADER = ['Venue', 'Latitude', 'Longitude'] as const;

export interface Venue {
  name: string;
  kind: VenueKind;
  point: Point;
  /** Days (since 1970) the survey team was there. */
  sessions: number[];
}

interface Response {
  ward: string;
  day: number;
  venue: string;
  channel: 'Paper' | 'Online';
  point: Point;
  choices: SurveyTheme[];
  ageBand: string;
  sex: string;
  ethnicity: string;
  comment: string;
}

export interface SurveyOutput {
  rows: string[][];
  /** Name of the ward each row was generated in, in row order. */
  rowWards: string[];
  venues: Venue[];
}

function fieldworkDays(plan: WardPlan): number[] {
  const first = dayNumber(plan.fieldworkStart);
  return Array.from({ length: plan.fieldworkWeeks * 7 }, (_, i) => first + i);
}

/** Each venue is visited on a few of its weekly session days; the fun day is one Saturday mid-fieldwork. */
function makeVenues(random: Random, plan: WardPlan, ward: Ward): Venue[] {
  const days = fieldworkDays(plan);
  const evenly = ward.lsoas.map(() => 1);
  return plan.venues.map((kind) => {
    const spec = VENUE_KINDS[kind];
    const weekly = days.filter((d) => weekday(d) === spec.weekday);
    const sessions = kind === 'fun-day'
      ? [random.pick(weekly.slice(2, 6))]
      : weekly.filter(() => random.chance(0.55));
    if (sessions.length === 0) sessions.push(random.pick(weekly));
    return { name: `${ward.name} ${spec.label} (sample)`, kind, point: pointInWard(random, ward, evenly), sessions };
  });
}

/** Online answers come soon after launch and after a reminder in the last week. */
function onlineDay(random: Random, days: readonly number[]): number {
  const weights = days.map((_, i) => (i < 14 ? 1.6 : i >= days.length - 7 ? 1.3 : 1));
  return random.weightedPick(days, weights);
}

function themeWeights(random: Random, plan: WardPlan, kind: VenueKind | 'online'): number[] {
  const venueBoost = kind === 'online' ? {} : VENUE_KINDS[kind].themeBoost;
  // Individual taste: each respondent weighs every theme a little differently.
  return SURVEY_THEMES.map((t) => THEME_WEIGHTS[t] * (plan.themeBoost[t] ?? 1) * (venueBoost[t] ?? 1) * random.between(0.5, 1.5));
}

function respondent(random: Random, plan: WardPlan, kind: VenueKind | 'online', ethnicWeights: readonly number[]): Pick<Response, 'ageBand' | 'sex' | 'ethnicity'> {
  const profile = kind === 'online' ? ONLINE : VENUE_KINDS[kind];
  const ageBlank = kind === 'online' ? AGE_BLANK_SHARE * 0.6 : AGE_BLANK_SHARE * 1.15;
  const ageBand = random.chance(ageBlank) ? '' : random.weightedPick(AGE_BANDS, profile.ageWeights);
  const sex = random.chance(SEX_BLANK_SHARE) ? '' : random.chance(profile.femaleShare) ? SEXES[0] : SEXES[1];
  const ethnicity = random.chance(ETHNICITY_BLANK_SHARE) ? '' : random.weightedPick(ETHNIC_GROUPS, ethnicWeights);
  return { ageBand, sex, ethnicity };
}

/** Census ethnic counts with the White share inflated: the survey reaches White residents more easily. */
function skewedEthnicWeights(censusCounts: readonly number[], whiteSkew: number): number[] {
  const white = ETHNIC_GROUPS.indexOf('White');
  return censusCounts.map((n, i) => (i === white ? n * whiteSkew : n));
}

function wardResponses(random: Random, plan: WardPlan, ward: Ward, censusEthnic: readonly number[]): { responses: Response[]; venues: Venue[] } {
  const venues = makeVenues(random, plan, ward);
  const homeWeights = lsoaWeights(random, ward);
  const days = fieldworkDays(plan);
  const ethnicWeights = skewedEthnicWeights(censusEthnic, plan.whiteSkew);
  const online = Math.round(plan.responses * plan.onlineShare);
  const responses: Response[] = [];
  for (let i = 0; i < plan.responses; i++) {
    const venue = i < online ? undefined : random.weightedPick(venues, venues.map((v) => VENUE_SHARE[v.kind]));
    const kind = venue ? venue.kind : 'online';
    const count = random.weightedIndex(CHOICE_COUNT_WEIGHTS) + 1;
    const choices = random.rankedDraw(themeWeights(random, plan, kind), count).map((t) => SURVEY_THEMES[t]!);
    const comment = random.chance(FREE_TEXT_SHARE) ? random.pick(COMMENTS[choices[0]!]) : '';
    responses.push({
      ward: ward.name,
      day: venue ? random.pick(venue.sessions) : onlineDay(random, days),
      venue: venue?.name ?? '',
      channel: venue ? 'Paper' : 'Online',
      point: venue ? venue.point : pointInWard(random, ward, homeWeights),
      choices,
      ...respondent(random, plan, kind, ethnicWeights),
      comment,
    });
  }
  return { responses, venues };
}

export function generateSurvey(random: Random, plans: readonly WardPlan[], wards: readonly Ward[], ethnic: Map<string, number[]>): SurveyOutput {
  const all: Response[] = [];
  const venues: Venue[] = [];
  plans.forEach((plan, i) => {
    const ward = wards[i]!;
    const result = wardResponses(random.fork(), plan, ward, ethnic.get(ward.code)!);
    all.push(...result.responses);
    venues.push(...result.venues);
  });
  // Array.prototype.sort is stable, so ties keep generation order.
  all.sort((a, b) => a.day - b.day);
  const rows = all.map((r, i) => [
    `R${String(i + 1).padStart(4, '0')}`,
    ukDate(r.day),
    r.venue,
    r.channel,
    r.point.lat.toFixed(5),
    r.point.lon.toFixed(5),
    ...Array.from({ length: 5 }, (_, k) => r.choices[k] ?? ''),
    r.ageBand,
    r.sex,
    r.ethnicity,
    r.comment,
  ]);
  return { rows, rowWards: all.map((r) => r.ward), venues };
}

export function venueRows(venues: readonly Venue[]): string[][] {
  return venues.map((v) => [v.name, v.point.lat.toFixed(5), v.point.lon.toFixed(5)]);
}

/** White share of the respondents in one ward who gave their ethnicity. */
export function whiteShare(survey: SurveyOutput, wardName: string): number {
  const given = survey.rows.filter((r, i) => survey.rowWards[i] === wardName).map((r) => r[SURVEY_HEADER.indexOf('Ethnicity')]!).filter((e) => e !== '');
  return given.filter((e) => e === 'White').length / given.length;
}

/** Shares the README quotes, measured on the rows actually written. */
export function surveyShares(rows: readonly string[][]): { femaleShare: number; youngShare: number; ageBlankShare: number; commentShare: number } {
  const column = (name: (typeof SURVEY_HEADER)[number]): string[] => rows.map((r) => r[SURVEY_HEADER.indexOf(name)]!);
  const ages = column('Age band').filter((a) => a !== '');
  const sexes = column('Sex').filter((s) => s !== '');
  return {
    femaleShare: sexes.filter((s) => s === 'Female').length / sexes.length,
    youngShare: ages.filter((a) => a === AGE_BANDS[0]).length / ages.length,
    ageBlankShare: 1 - ages.length / rows.length,
    commentShare: column('Comments').filter((c) => c !== '').length / rows.length,
  };
}
