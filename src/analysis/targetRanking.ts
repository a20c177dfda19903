import type { ThemeDefinition } from './themes/definitions.ts';
import { MIN_SURVEY_RESPONSES } from './themes/definitions.ts';
import { topDrivers, type AreaBreakdown, type Contribution, type ThemeScores } from './themes/composeTheme.ts';
import type { Driver, HotspotRun } from './hotspots/runHotspots.ts';
import type { HotColdClass } from '../stats/hotspots/hotColdClass.ts';
import type { DeprivationCount, TargetEvidence, WorseningSummary } from '../db/queries/target.ts';
import { LEVELS, countOf, type MapLevel } from '../geo/levels.ts';
import { listWords } from './format.ts';

/**
 * "Where to target" (issue 9): the wards, localities or small areas of a
 * place ranked by need for one theme, each with the evidence behind its rank
 * and one plain-English reason built only from evidence that is there. Pure.
 */

/** Need classes on the map: quintiles of the need rank, 0 = the fifth most in need. */
export const NEED_CLASSES = 5;

export interface TargetRankingInput {
  level: MapLevel;
  theme: Pick<ThemeDefinition, 'id' | 'label' | 'components'>;
  /** "Cheshire West and Chester". */
  placeName: string;
  evidence: TargetEvidence;
  /** The small-area theme scores (every level's score is population-weighted from these). */
  lsoaScores: ThemeScores;
  /** The small-area hot spot run (null while it has not finished or failed). */
  lsoaRun: HotspotRun | null;
  /** The ward-level run, for wards' own hot spot class (null for other levels, or not ready). */
  wardRun?: HotspotRun | null;
}

export interface TargetHotspot {
  /** The row's own class: a small area's, or a ward's in the ward-level test; null for localities or not tested. */
  own: HotColdClass | null;
  /** Of its small areas: how many were tested, and how many are hot spots (any confidence). */
  lsoasTested: number;
  lsoasHot: number;
}

export interface TargetRow {
  /** 1 = most in need; null when the row has no theme score. */
  rank: number | null;
  /** 0 (most in need) … NEED_CLASSES − 1; null without a rank. */
  needClass: number | null;
  code: string;
  name: string;
  /** The ward of a small area (every small-area list names its ward); null for other levels. */
  wardName: string | null;
  population: number | null;
  /** Population-weighted mean of its small areas' theme scores (a small area: its own). */
  score: number | null;
  lsoas: number;
  /** Small areas with a theme score and a population (what the score rests on). */
  lsoasScored: number;
  /** What pushes the score up, biggest first (weighted like the score, so they add up to it). */
  drivers: Driver[];
  hotspot: TargetHotspot;
  deprivation: DeprivationCount[];
  /** Residents placed here: responses and their most chosen first choice(s); null when no survey is loaded. */
  survey: { responses: number; top: { theme: string; n: number }[] } | null;
  /** Street-rep issues getting worse at its sites, most sites first (all headings). */
  worsening: WorseningSummary[];
  reason: string;
}

export function rankForTarget(input: TargetRankingInput): TargetRow[] {
  const { evidence, lsoaScores, level } = input;
  const index = new Map(lsoaScores.codes.map((c, i) => [c, i]));
  const lsoaClass = new Map((input.lsoaRun?.areas ?? []).map((a) => [a.code, a]));
  const wardClass = new Map((input.wardRun?.areas ?? []).map((a) => [a.code, a.class]));

  const groups = new Map<string, { name: string; wardName: string | null; lsoas: { code: string; population: number | null }[] }>();
  for (const m of evidence.members) {
    const g = groups.get(m.area_code) ?? { name: m.area_name, wardName: level === 'lsoa' ? m.ward_name : null, lsoas: [] };
    g.lsoas.push({ code: m.lsoa_code, population: m.population });
    groups.set(m.area_code, g);
  }

  const rows: Omit<TargetRow, 'rank' | 'needClass' | 'reason'>[] = [];
  for (const [code, g] of groups) {
    const breakdowns: { b: AreaBreakdown; w: number }[] = [];
    let population = 0;
    let anyPopulation = false;
    for (const l of g.lsoas) {
      if (l.population !== null) {
        population += l.population;
        anyPopulation = true;
      }
      const i = index.get(l.code);
      if (i === undefined || lsoaScores.scores[i] === null || lsoaScores.scores[i] === undefined) continue;
      // A single small area needs no weight; in a group, one without a population cannot be weighted and is left out.
      const w = g.lsoas.length === 1 ? 1 : (l.population ?? 0);
      if (w > 0) breakdowns.push({ b: lsoaScores.breakdown(i), w });
    }
    const combined = combineBreakdowns(code, breakdowns);
    const tested = g.lsoas.map((l) => lsoaClass.get(l.code)).filter((a) => a && a.status === 'tested');
    const own = level === 'lsoa' ? (lsoaClass.get(code)?.class ?? null) : level === 'ward' ? (wardClass.get(code) ?? null) : null;
    const survey = evidence.surveyLoaded ? surveySummary(evidence.survey.get(code)) : null;
    rows.push({
      code,
      name: g.name,
      wardName: g.wardName,
      population: anyPopulation ? population : null,
      score: combined?.score ?? null,
      lsoas: g.lsoas.length,
      lsoasScored: breakdowns.length,
      drivers: combined ? topDrivers(combined, 'up').map(({ shortLabel, contribution }) => ({ shortLabel, contribution })) : [],
      hotspot: { own, lsoasTested: tested.length, lsoasHot: tested.filter((a) => a?.class?.startsWith('hot-')).length },
      deprivation: evidence.deprivation.get(code) ?? [],
      survey,
      worsening: evidence.worsening.get(code) ?? [],
    });
  }

  rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ranked = rows.filter((r) => r.score !== null).length;
  return rows.map((r, i) => {
    const rank = r.score === null ? null : i + 1;
    const needClass = rank === null ? null : Math.min(NEED_CLASSES - 1, Math.floor(((rank - 1) * NEED_CLASSES) / ranked));
    const row = { ...r, rank, needClass, reason: '' };
    return { ...row, reason: reasonFor(row, input, ranked) };
  });
}

/**
 * A group's breakdown from its small areas': each component's contribution
 * weighted by population, so the contributions still add up to the score
 * (a small area missing a component contributes nothing for it, as in its own score).
 */
function combineBreakdowns(code: string, parts: readonly { b: AreaBreakdown; w: number }[]): AreaBreakdown | null {
  const total = parts.reduce((s, p) => s + p.w, 0);
  if (parts.length === 0 || total <= 0) return null;
  if (parts.length === 1) return parts[0]!.b;
  const byId = new Map<string, Contribution & { valueWeight: number }>();
  let score = 0;
  for (const { b, w } of parts) {
    score += ((b.score ?? 0) * w) / total;
    for (const c of b.contributions) {
      const sum = byId.get(c.id) ?? { ...c, value: 0, z: 0, contribution: 0, valueWeight: 0 };
      sum.contribution += (c.contribution * w) / total;
      sum.value += c.value * w;
      sum.z += c.z * w;
      sum.valueWeight += w;
      byId.set(c.id, sum);
    }
  }
  const contributions = [...byId.values()].map(({ valueWeight, ...c }) => ({ ...c, value: c.value / valueWeight, z: c.z / valueWeight }));
  return { code, score, contributions, missing: [], weightShare: 1 };
}

function surveySummary(s: { responses: number; firstChoices: { theme: string; n: number }[] } | undefined): TargetRow['survey'] {
  if (!s) return { responses: 0, top: [] };
  const most = s.firstChoices[0]?.n ?? 0;
  return { responses: s.responses, top: most > 0 ? s.firstChoices.filter((c) => c.n === most) : [] };
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const CONFIDENCE: Partial<Record<HotColdClass, string>> = { 'hot-99': '99 %', 'hot-95': '95 %', 'hot-90': '90 %', 'cold-99': '99 %', 'cold-95': '95 %', 'cold-90': '90 %' };

/** The street-rep headings a theme reads; a theme with none (housing) takes every worsening issue as evidence. */
function relevantWorsening(row: Pick<TargetRow, 'worsening'>, theme: TargetRankingInput['theme']): WorseningSummary[] {
  const headings = theme.components.flatMap((c) => (c.kind === 'street-rep' ? [c.heading as string] : []));
  return headings.length ? row.worsening.filter((w) => w.heading !== null && headings.includes(w.heading)) : row.worsening;
}

/** The sub-domain counted only to explain the Barriers to Housing and Services domain (distance to services, high in rural areas). */
const DISTANCE = 'sub_geographical_barriers';

/**
 * How a count's domain is named beside its number: the official 10 %/20 % are
 * for a whole domain, and Barriers to Housing and Services also counts distance
 * to services, so say so rather than let it read as housing alone.
 */
export function domainWords(d: Pick<DeprivationCount, 'domain' | 'label'>): string {
  if (d.domain === 'housing_services') return 'the whole Barriers to Housing and Services domain (includes distance to services)';
  if (d.domain === DISTANCE) return `${d.label} alone`;
  return d.label;
}

/** The strongest deprivation count: the theme's own domains before the overall IMD, the 10 % before the 20 %. */
function deprivationClause(row: Pick<TargetRow, 'deprivation'>, level: MapLevel): string | null {
  const themeDomains = row.deprivation.filter((d) => d.domain !== 'imd' && d.domain !== DISTANCE);
  const overall = row.deprivation.filter((d) => d.domain === 'imd');
  const distance = row.deprivation.find((d) => d.domain === DISTANCE);
  for (const domains of [themeDomains, overall]) {
    for (const band of ['in10', 'in20'] as const) {
      const best = [...domains].sort((a, b) => b[band] - a[band])[0];
      if (!best || best[band] === 0) continue;
      const pct = band === 'in10' ? '10 %' : '20 %';
      const clause =
        level === 'lsoa'
          ? `in England's most deprived ${pct} for ${domainWords(best)}`
          : `${best[band]} of its ${best.lsoas} small areas in England's most deprived ${pct} for ${domainWords(best)}`;
      // Where distance is behind that domain (often rural), the reason says so, from its own count.
      if (best.domain !== 'housing_services' || !distance || distance[band] === 0) return clause;
      const far = level === 'lsoa' ? `it is in the most deprived ${pct} for distance to services alone` : `${distance[band]} of its ${distance.lsoas} are in the most deprived ${pct} for distance to services alone`;
      return `${clause}, and ${far}`;
    }
  }
  return null;
}

function reasonFor(row: Omit<TargetRow, 'reason'>, input: TargetRankingInput, ranked: number): string {
  const themeWords = input.theme.label.toLowerCase();
  const parts: string[] = [];
  if (row.rank === null) {
    parts.push(`no ${themeWords} score here (none of its small areas has a value for the theme's measures)`);
  } else {
    const position = row.rank === 1 ? 'highest' : row.rank === ranked ? 'lowest' : `${ordinal(row.rank)} highest`;
    const where = `${position} ${themeWords} score of ${countOf(ranked, input.level)} in ${input.placeName}`;
    const drivers = row.drivers.slice(0, 2).map((d) => d.shortLabel);
    parts.push(drivers.length ? `${where}, driven by ${listWords(drivers)}` : where);
  }

  const own = row.hotspot.own;
  if (own?.startsWith('hot-')) parts.push(`hot spot (${CONFIDENCE[own]})`);
  else if (own?.startsWith('cold-')) parts.push(`cold spot (${CONFIDENCE[own]})`);
  if (input.level !== 'lsoa' && row.hotspot.lsoasHot > 0) {
    parts.push(`${row.hotspot.lsoasHot} of its ${row.lsoas} small areas ${row.hotspot.lsoasHot === 1 ? 'is a hot spot' : 'are hot spots'}`);
  }

  const deprived = deprivationClause(row, input.level);
  if (deprived) parts.push(deprived);

  if (row.survey) {
    const { responses, top } = row.survey;
    if (responses === 0) parts.push('no survey responses here');
    else if (responses < MIN_SURVEY_RESPONSES) parts.push(`only ${responses} survey ${responses === 1 ? 'response' : 'responses'} here`);
    else if (top.length) parts.push(`residents put ${listWords(top.map((t) => t.theme))} first (${top[0]!.n} of ${responses} responses${top.length > 1 ? ' each' : ''})`);
  }

  const worse = relevantWorsening(row, input.theme).slice(0, 2);
  if (worse.length) {
    const sites = worse.reduce((s, w) => Math.max(s, w.sites), 0);
    parts.push(`street reps: ${listWords(worse.map((w) => w.issue.toLowerCase()))} getting worse${sites > 1 ? ` (up to ${sites} sites)` : ''}`);
  }

  const line = parts.join('; ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}

/** Where the numbers come from, for under the table. */
export function targetMethod(level: MapLevel, theme: Pick<ThemeDefinition, 'label'>, run: Pick<HotspotRun, 'permutations'> | null): string {
  const levelWords = level === 'lsoa' ? 'Small areas are ranked by their own' : `${LEVELS[level].plural.charAt(0).toUpperCase()}${LEVELS[level].plural.slice(1)} are ranked by the population-weighted mean (Census 2021 residents) of their small areas'`;
  return (
    `${levelWords} ${theme.label.toLowerCase()} score (higher = more need; scores are relative to the other small areas in view). ` +
    `Hot spots: Getis–Ord Gi*${run ? ` with ${run.permutations.toLocaleString('en-GB')} random permutations` : ''} and false discovery rate control. ` +
    "Most deprived 10 %/20 %: small areas' IoD 2025 deciles in England, by whole domain (Barriers to Housing and Services also counts distance to services, which is high in rural areas, so for housing its Geographical Barriers sub-domain is counted alone too). " +
    'Residents: first choices of survey responses placed in the area. Street reps: issues whose grade rose over the last 3 visits, or rose and stayed up.'
  );
}
