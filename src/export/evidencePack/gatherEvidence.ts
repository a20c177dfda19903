/**
 * The evidence pack's residents' evidence and police sections for one area:
 * the survey's priorities with who answered versus who lives here, street-rep
 * sites getting worse with their grade histories, and crime month by month
 * with the missing months named. Queries from src/db/queries, words and
 * numbers from the analysis functions the survey, street-rep and crime
 * sections use. No React, no DOM.
 */
import type { Database } from '../../db/database.ts';
import type { AreaInfo } from '../../db/queries/areaProfile.ts';
import type { DatasetMeta } from '../../ingest/schemas.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { surveyTotals, themeCounts } from '../../db/queries/surveyPriorities.ts';
import { residentsOfCoveredAreas, respondentsByAgeBand, respondentsByEthnicity, respondentsBySex } from '../../db/queries/surveyRespondents.ts';
import { chiSquareSentence, compareWithResidents, HIGHLIGHTED_THEMES, sexSummary, themePriorityRows, type ThemePriority } from '../../analysis/surveyPriorities.ts';
import type { RepresentativenessResult } from '../../analysis/representativeness.ts';
import { countLine } from '../../features/survey/surveyModel.ts';
import { prioritiesHint, residentsBasis, topThreeSentence, unrankedSentence } from '../../features/survey/surveyWords.ts';
import { gettingWorse, siteHistory, sitesWithLatestGrades, type StreetRepFilters, type WorseningIssue } from '../../db/queries/streetReps.ts';
import { WORSENING_VISITS } from '../../db/queries/target.ts';
import { historyChart, recentVisits } from '../../features/streetReps/streetRepModel.ts';
import { gradeLetter, issueTrends, trendSentences, type HistoryChart } from '../../analysis/streetReps.ts';
import { monthlyCrimeCounts } from '../../db/queries/crimeCounts.ts';
import { monthlyTotals } from '../../analysis/crimeRates.ts';
import { calendarSeries, coverageSentence, gapWords, monthGaps, spanLabel } from '../../analysis/calendar.ts';
import { dayLabel, monthLabel } from '../../analysis/format.ts';

export interface SurveyPack {
  synthetic: boolean;
  files: string[];
  countLine: string;
  responses: number;
  hint: string;
  top: string | null;
  unranked: string | null;
  rows: ThemePriority[];
  highlight: readonly string[];
  basis: string | null;
  underRepresented: string[];
  comparisons: { label: string; result: RepresentativenessResult; chi: string | null }[];
  sex: string[];
  caveat: string;
}

export interface StreetRepPack {
  synthetic: boolean;
  files: string[];
  sites: number;
  visits: number;
  worsening: { site: string; issue: string; grades: string; between: string }[];
  /** Up to three sites with issues getting worse (or the most visited), each with its chart and sentences. */
  histories: { site: string; chart: HistoryChart; sentences: string[]; shownVisits: number; totalVisits: number }[];
}

export interface CrimePack {
  series: { month: string; value: number }[];
  coverage: string;
  /** "No data: Nov 2022 to Dec 2023" or null when no month is missing. */
  gaps: string | null;
  table: string[][];
}

const SURVEY_CAVEAT =
  'These are the people who chose to answer, not a random sample of residents: where a group is under-represented, its priorities count for less than its share of residents. Shares from fewer than 10 responses are not used in theme scores.';

/** Filters that place rows in the area: a ward by code, other areas by their small areas. */
function place(area: AreaInfo, lsoaCodes: readonly string[]): { wardCode?: string; lsoaCodes?: string[] } {
  return area.level === 'ward' ? { wardCode: area.code } : { lsoaCodes: [...lsoaCodes] };
}

export async function gatherSurvey(db: Database, area: AreaInfo, lsoaCodes: readonly string[], datasets: readonly DatasetMeta[]): Promise<SurveyPack | null> {
  const surveys = datasets.filter((d) => d.kind === 'survey');
  if (surveys.length === 0) return null;
  const filters: SurveyFilters = { datasetIds: surveys.map((d) => d.id), ...place(area, lsoaCodes) };
  const [totals, counts, age, ethnicity, sex, covered] = await Promise.all([
    surveyTotals(db, filters),
    themeCounts(db, filters),
    respondentsByAgeBand(db, filters),
    respondentsByEthnicity(db, filters),
    respondentsBySex(db, filters),
    residentsOfCoveredAreas(db, filters),
  ]);
  const rows = themePriorityRows(counts);
  const responses = counts[0]?.responses ?? 0;
  const top = rows[0];
  const comparisons = (
    [
      ['Age', age.some((g) => g.group !== null) ? compareWithResidents('age', age, covered) : null],
      ['Ethnic group', ethnicity.some((g) => g.group !== null) ? compareWithResidents('ethnicity', ethnicity, covered) : null],
    ] as const
  ).flatMap(([label, result]) => (result ? [{ label, result, chi: chiSquareSentence(result) }] : []));
  const s = sexSummary(sex);
  return {
    synthetic: surveys.some((d) => d.synthetic),
    files: surveys.map((d) => d.fileName),
    countLine: countLine(totals),
    responses,
    hint: prioritiesHint(responses),
    top: top && Number.isFinite(top.topThree.share) ? topThreeSentence(top, responses) : null,
    unranked: unrankedSentence({ responses: totals.with_unranked_choices, withChoices: totals.with_choices }),
    rows,
    highlight: HIGHLIGHTED_THEMES,
    basis: covered.lsoas > 0 ? residentsBasis(covered) : null,
    underRepresented: comparisons.flatMap((c) => c.result.groups.filter((g) => g.flag === 'under-represented').map((g) => g.sentence)),
    comparisons,
    sex: [...s.rows.map((r) => `${r.group}: ${r.count.toLocaleString('en-GB')}`), ...(s.notStated > 0 ? [`Not given: ${s.notStated.toLocaleString('en-GB')}`] : [])],
    caveat: SURVEY_CAVEAT,
  };
}

const usualText = (g: number) => (Number.isInteger(g) ? gradeLetter(g) : `between ${gradeLetter(Math.floor(g))} and ${gradeLetter(Math.ceil(g))}`);
const worseWords = (r: WorseningIssue) =>
  `${r.rule === 'rising' ? `${gradeLetter(r.from_grade)} to ${gradeLetter(r.to_grade)}` : `Stayed up${r.usual_grade !== null ? `, usually ${usualText(r.usual_grade)}` : ''}`} (${r.grades.map(gradeLetter).join(', ')})`;

/** Visits a chart shows, as the site card does at first. */
const RECENT = 12;

export async function gatherStreetReps(db: Database, area: AreaInfo, lsoaCodes: readonly string[], datasets: readonly DatasetMeta[]): Promise<StreetRepPack | null> {
  const files = datasets.filter((d) => d.kind === 'street-rep');
  if (files.length === 0) return null;
  const ids = files.map((d) => d.id);
  const f: StreetRepFilters = { datasetIds: ids, ...place(area, lsoaCodes) };
  const [sites, worse] = await Promise.all([sitesWithLatestGrades(db, f), gettingWorse(db, f, { visits: WORSENING_VISITS })]);
  const names = new Map(sites.map((s) => [s.site_id, s.name ?? s.site_id]));
  const chosen = [...new Set(worse.map((w) => w.site_id))];
  for (const s of [...sites].sort((a, b) => b.visits - a.visits)) if (chosen.length < 3 && !chosen.includes(s.site_id) && s.visits > 1) chosen.push(s.site_id);
  const histories = await Promise.all(
    chosen.slice(0, 3).map(async (id) => {
      const chart = historyChart(await siteHistory(db, id, ids));
      return { site: names.get(id) ?? id, chart: recentVisits(chart, RECENT), sentences: trendSentences(issueTrends(chart)), shownVisits: Math.min(RECENT, chart.visits.length), totalVisits: chart.visits.length };
    }),
  );
  return {
    synthetic: files.some((d) => d.synthetic),
    files: files.map((d) => d.fileName),
    sites: sites.length,
    visits: sites.reduce((s, x) => s + x.visits, 0),
    worsening: worse.map((w) => ({ site: w.site_name ?? w.site_id, issue: w.issue, grades: worseWords(w), between: `${dayLabel(w.from_date)} and ${dayLabel(w.to_date)}` })),
    histories: histories.filter((h) => h.chart.visits.length > 0),
  };
}

export async function gatherCrime(db: Database, area: AreaInfo, lsoaCodes: readonly string[]): Promise<CrimePack> {
  const rows = await monthlyCrimeCounts(db, area.level === 'ward' ? { level: 'ward', codes: [area.code] } : { level: 'lsoa', codes: [...lsoaCodes] });
  const series = monthlyTotals(rows.filter((r) => r.count !== null).map((r) => ({ month: r.month, count: r.count! })));
  const gaps = monthGaps(series.map((s) => s.month));
  return {
    series,
    coverage: series.length ? `Police data for ${area.name}: ${coverageSentence(series.map((s) => s.month))}.` : `There is no street-level police data for ${area.name}.`,
    gaps: gaps.length ? `Missing months (a gap, not zero): ${gapWords(gaps).replace(/^none /, 'no data ')}.` : null,
    table: calendarSeries(series).map((e) => (e.kind === 'month' ? [monthLabel(e.month), e.value.toLocaleString('en-GB')] : [spanLabel(e.from, e.to), `no data (${e.months === 1 ? '1 month' : `${e.months} months`})`])),
  };
}
