/**
 * Survey glue (PRODUCT.md "Neighbourhood priorities survey"; DESIGN.md "Rates
 * and shares", "Representativeness"): turns the survey query rows into the
 * shares, Wilson 95 % intervals, flags and sentences the survey section shows.
 * Pure: rows in, numbers and words out. The statistics themselves live in
 * src/stats/wilson.ts and src/analysis/representativeness.ts.
 */
import type { GroupThemeCount, ThemeCount } from '../db/queries/surveyPriorities.ts';
import type { CoveredResidents, RespondentGroup, WardResponses } from '../db/queries/surveyRespondents.ts';
import { AGE_BANDS, ETHNIC_GROUPS } from '../ingest/schemas.ts';
import { OTHER_THEME } from '../ingest/importProtocol.ts';
import type { ChiSquareResult } from '../stats/chiSquare.ts';
import { wilsonInterval } from '../stats/wilson.ts';
import { MIN_SURVEY_RESPONSES, THEMES } from './themes/definitions.ts';
import { formatP, representativeness, residentsByAgeBand, residentsByEthnicGroup, type Dimension, type RepresentativenessResult } from './representativeness.ts';

/** The three survey themes the product highlights (housing, safety, communal areas), from the theme definitions. */
export const HIGHLIGHTED_THEMES: readonly string[] = THEMES.flatMap((t) => t.components.flatMap((c) => (c.kind === 'survey-share' ? [c.surveyTheme] : [])));

/** A ward or venue with fewer responses than this is flagged "too few to say" (the same bar the theme scores use). */
export const TOO_FEW_RESPONSES = MIN_SURVEY_RESPONSES;

/** The by-ward row for responses with no place: counted, never put in a ward. */
export const NO_PLACE_LABEL = 'No place (online, phone, post…)';

/**
 * "42 of these responses have no place (online 30, phone 8, post 4): they count in the priorities and in who answered, but are not on the map or in any ward."
 * Null when every response has a place.
 */
export function placelessSentence(withoutPlace: number, channels: readonly { channel: string; responses: number }[]): string | null {
  if (withoutPlace <= 0) return null;
  const how = channels.length ? ` (${channels.map((c) => `${c.channel.toLowerCase()} ${c.responses.toLocaleString('en-GB')}`).join(', ')})` : '';
  const subject = withoutPlace === 1 ? '1 of these responses has' : `${withoutPlace.toLocaleString('en-GB')} of these responses have`;
  return `${subject} no place${how}: they count in the priorities and in who answered, but are not on the map or in any ward.`;
}

/** A share of responses with its Wilson 95 % interval (all 0–1; NaN with no responses) and the count behind it. */
export interface ShareWithInterval {
  share: number;
  low: number;
  high: number;
  count: number;
}

export interface ThemePriority {
  theme: string;
  first: ShareWithInterval;
  topThree: ShareWithInterval;
}

export function shareWithInterval(count: number, responses: number): ShareWithInterval {
  return { ...wilsonInterval(count, responses), count };
}

/**
 * Per theme, the share of responses ranking it first and having it in their
 * top three. Ordered by top-three share, then first-choice share, then the
 * survey's own order, so the list reads as a ranking.
 */
export function themePriorityRows(counts: readonly ThemeCount[]): ThemePriority[] {
  const rows = counts.map((c, order) => ({
    order,
    theme: c.theme,
    first: shareWithInterval(c.first_choice, c.responses),
    topThree: shareWithInterval(c.top_three, c.responses),
  }));
  // "Other" gathers unlike choices, so it is never ranked among the eleven themes: it comes last.
  const other = (t: string) => Number(t === OTHER_THEME);
  rows.sort((a, b) => other(a.theme) - other(b.theme) || b.topThree.count - a.topThree.count || b.first.count - a.first.count || a.order - b.order);
  return rows.map(({ theme, first, topThree }) => ({ theme, first, topThree }));
}

export interface GroupPriorityRow {
  /** Ward code or venue; null for responses with none. */
  code: string | null;
  label: string;
  responses: number;
  /** Fewer than TOO_FEW_RESPONSES: shown, but flagged "too few to say". */
  tooFew: boolean;
  /** Top-three share of each requested theme, in the order asked for. */
  topThree: ShareWithInterval[];
}

/** One row per ward or venue with the top-three share of the given themes (the highlighted three by default). */
export function groupPriorityRows(rows: readonly GroupThemeCount[], by: 'ward' | 'venue', themes: readonly string[] = HIGHLIGHTED_THEMES): GroupPriorityRow[] {
  const groups = new Map<string | null, GroupThemeCount[]>();
  for (const r of rows) groups.set(r.group_code, [...(groups.get(r.group_code) ?? []), r]);
  return [...groups.entries()].map(([code, list]) => {
    const responses = list[0]?.responses ?? 0;
    const name = list[0]?.group_name ?? null;
    return {
      code,
      label: code === null ? (by === 'ward' ? NO_PLACE_LABEL : 'No venue given') : (name ?? code),
      responses,
      tooFew: responses < TOO_FEW_RESPONSES,
      topThree: themes.map((theme) => shareWithInterval(list.find((r) => r.theme === theme)?.top_three ?? 0, responses)),
    };
  });
}

/** "38%", "<1%" for a sliver, "–" with no responses. */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** "31–45%": the 95 % interval alone, or '' with no responses. */
export function intervalText(s: Pick<ShareWithInterval, 'low' | 'high'>): string {
  if (!Number.isFinite(s.low) || !Number.isFinite(s.high)) return '';
  return `${percent(s.low).replace('%', '')}–${percent(s.high)}`;
}

/** "38% (31–45%)": a share and its 95 % interval, or "no responses". */
export function shareAndInterval(s: ShareWithInterval): string {
  if (!Number.isFinite(s.share)) return 'no responses';
  return `${percent(s.share)} (${intervalText(s)})`;
}

export interface WardCoverage {
  /** Wards with some but fewer than TOO_FEW_RESPONSES responses, fewest first. */
  tooFew: WardResponses[];
  /** Wards listed with no responses at all (only when a whole authority is in view). */
  none: WardResponses[];
  /** One sentence per ward in tooFew. */
  sentences: string[];
  /** "No responses from 3 wards: A, B, C." or null when every listed ward has some. */
  noneSentence: string | null;
}

/** Which wards have too few responses to say anything about, in plain English. */
export function wardCoverage(rows: readonly WardResponses[], min = TOO_FEW_RESPONSES): WardCoverage {
  const name = (w: WardResponses) => w.ward_name ?? w.ward_code;
  const tooFew = rows.filter((w) => w.responses > 0 && w.responses < min).sort((a, b) => a.responses - b.responses || name(a).localeCompare(name(b)));
  const none = rows.filter((w) => w.responses === 0);
  const sentences = tooFew.map((w) => `Too few responses in ${name(w)} (n = ${w.responses}) to say anything.`);
  const noneSentence =
    none.length === 0 ? null : none.length === 1 ? `No responses from ${name(none[0]!)}.` : `No responses from ${none.length} wards: ${none.map(name).join(', ')}.`;
  return { tooFew, none, sentences, noneSentence };
}

/** Respondents per canonical group, and how many gave no answer (or one outside the Census groups). */
export function respondentCounts(groups: readonly RespondentGroup[], dimension: Dimension): { counts: Record<string, number>; notStated: number } {
  const canonical: readonly string[] = dimension === 'age' ? AGE_BANDS : ETHNIC_GROUPS;
  const counts: Record<string, number> = {};
  let notStated = 0;
  for (const g of groups) {
    if (g.group !== null && canonical.includes(g.group)) counts[g.group] = (counts[g.group] ?? 0) + g.responses;
    else notStated += g.responses;
  }
  return { counts, notStated };
}

/**
 * Census 2021 residents of the covered areas per respondent group, or null
 * when no Census figures were found (areas outside the built-in data).
 */
export function residentCounts(covered: CoveredResidents, dimension: Dimension): Record<string, number> | null {
  if (covered.lsoas === 0 || covered.lsoas === covered.lsoas_without_census) return null;
  // The census readers take counts only: blank out the one text field.
  const numbers = { ...covered, basis: null };
  try {
    return dimension === 'age' ? residentsByAgeBand(numbers).residents : residentsByEthnicGroup(numbers);
  } catch {
    // A missing census column: say "no figures" rather than under-count residents.
    return null;
  }
}

/** Who answered versus who lives here for one dimension, or null with no Census figures to compare with. */
export function compareWithResidents(dimension: Dimension, groups: readonly RespondentGroup[], covered: CoveredResidents): RepresentativenessResult | null {
  const residents = residentCounts(covered, dimension);
  if (!residents) return null;
  const { counts, notStated } = respondentCounts(groups, dimension);
  return representativeness(dimension, counts, residents, notStated);
}

/**
 * The chi-square result in words: "The difference is statistically
 * significant (χ² = 123.4, 6 degrees of freedom, p < 0.001)". Null when there
 * is nothing to report (no test, too few responses, or no p).
 */
export function chiSquareSentence(result: Pick<RepresentativenessResult, 'chiSquare' | 'tooFew'>, alpha = 0.05): string | null {
  const chi: ChiSquareResult | null = result.chiSquare;
  if (!chi || result.tooFew || !Number.isFinite(chi.p)) return null;
  const statistic = Number.isFinite(chi.statistic) ? `χ² = ${chi.statistic.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}` : 'χ² is infinite';
  const df = `${chi.df} degree${chi.df === 1 ? '' : 's'} of freedom`;
  const verdict = chi.p < alpha ? 'The difference is statistically significant' : 'The difference is not statistically significant';
  return `${verdict} (${statistic}, ${df}, ${formatP(chi.p)}).`;
}

export interface CountShare {
  group: string;
  count: number;
  /** Of those who gave an answer; NaN when nobody did. */
  share: number;
}

/** Respondents by sex as counts and shares (no Census comparison: the built-in tables have no sex by small area). */
export function sexSummary(groups: readonly RespondentGroup[]): { rows: CountShare[]; notStated: number } {
  const given = groups.filter((g): g is RespondentGroup & { group: string } => g.group !== null);
  const total = given.reduce((a, g) => a + g.responses, 0);
  return {
    rows: given.map((g) => ({ group: g.group, count: g.responses, share: total > 0 ? g.responses / total : NaN })),
    notStated: groups.filter((g) => g.group === null).reduce((a, g) => a + g.responses, 0),
  };
}

/** "16-24" → "16–24" for display; other groups unchanged. */
export function groupDisplay(group: string): string {
  return /^\d+-\d+$/.test(group) ? group.replace('-', '–') : group;
}
