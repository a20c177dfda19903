import { NEED_CLASSES, domainWords, type TargetRow } from '../../analysis/targetRanking.ts';
import type { TargetEvidence } from '../../db/queries/target.ts';
import type { HotColdClass } from '../../stats/hotspots/hotColdClass.ts';
import { MIN_SURVEY_RESPONSES } from '../../analysis/themes/definitions.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';
import type { CsvValue } from '../../export/csv.ts';
import { columnsFor, tableCsv, type ExportCell, type ExportTable } from '../../export/exportTable.ts';

/** How the table and the CSV word each piece of evidence (formatting only: the numbers come from targetRanking). */

const CLASS_WORDS: Record<HotColdClass, string> = {
  'hot-99': 'Hot spot (99 %)',
  'hot-95': 'Hot spot (95 %)',
  'hot-90': 'Hot spot (90 %)',
  'not-significant': 'Not a hot spot',
  'cold-90': 'Cold spot (90 %)',
  'cold-95': 'Cold spot (95 %)',
  'cold-99': 'Cold spot (99 %)',
};

/** "Blacon 003A (Blacon)" for a small area; the name alone otherwise. */
export const areaLabel = (r: Pick<TargetRow, 'name' | 'wardName'>): string => (r.wardName ? `${r.name} (${r.wardName})` : r.name);

export const scoreText = (score: number | null): string => (score === null ? 'No score' : score.toFixed(2));

const FIFTHS = ['highest need fifth', 'second fifth', 'middle fifth', 'fourth fifth', 'lowest need fifth'];

/** "housing score 1.23 (highest need fifth)": the row's headline after its name. */
export function headlineText(r: Pick<TargetRow, 'score' | 'needClass'>, themeLabel: string): string {
  const theme = themeLabel.toLowerCase();
  if (r.score === null) return `no ${theme} score`;
  const fifth = r.needClass === null || NEED_CLASSES !== FIFTHS.length ? '' : ` (${FIFTHS[r.needClass]})`;
  return `${theme} score ${scoreText(r.score)}${fifth}`;
}

export function driversText(r: Pick<TargetRow, 'drivers'>): string | null {
  return r.drivers.length ? r.drivers.map((d) => d.shortLabel).join(', ') : null;
}

/** A group's own class and its small areas' said together, so "not a hot spot" and "11 hot" never read as a contradiction. */
export function hotspotText(r: TargetRow, level: MapLevel): string {
  const own = r.hotspot.own;
  if (level === 'lsoa') return own ? CLASS_WORDS[own] : 'Not tested';
  const { lsoasHot: hot, lsoasTested: tested } = r.hotspot;
  const ofIts = `${hot} of its ${r.lsoas} small areas`;
  const verb = hot === 1 ? 'is' : 'are';
  const whole = `The ${LEVELS[level].singular} as a whole`;
  if (!own) {
    if (tested === 0) return 'Not tested';
    return hot === 0 ? `None of its ${r.lsoas} small areas is a hot spot.` : `${ofIts} ${verb} ${hot === 1 ? 'a hot spot' : 'hot spots'}.`;
  }
  const status = CLASS_WORDS[own].replace(/^Hot/, 'a hot').replace(/^Cold/, 'a cold').replace(/^Not/, 'not');
  if (tested === 0) return `${whole} is ${status}.`;
  if (own === 'not-significant') return hot === 0 ? `Neither the ${LEVELS[level].singular} as a whole nor any of its ${r.lsoas} small areas is a hot spot.` : `${whole} is not a hot spot, but ${ofIts} ${verb}.`;
  if (own.startsWith('hot-')) return hot === 0 ? `${whole} is ${status}, though none of its ${r.lsoas} small areas is on its own.` : `${whole} is ${status}, and ${ofIts} ${verb} too.`;
  return hot === 0 ? `${whole} is ${status}.` : `${whole} is ${status}, but ${ofIts} ${verb} ${hot === 1 ? 'a hot spot' : 'hot spots'}.`;
}

/** One line per domain: a small area's own band, or how many of a group's small areas are in the 20 % (and 10 %). */
export function deprivationLines(r: TargetRow, level: MapLevel): string[] {
  return r.deprivation.map((d) => {
    const words = domainWords(d).replace(/^the whole /, 'whole ');
    const name = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
    if (level === 'lsoa') return `${name}: ${d.in10 ? 'most deprived 10 %' : d.in20 ? 'most deprived 20 %' : d.lsoas ? 'not in the most deprived 20 %' : 'no decile'}`;
    return `${name}: ${d.in20} of ${d.lsoas}${d.in10 ? ` (${d.in10} in the 10 %)` : ''}`;
  });
}

export function surveyText(r: TargetRow): string {
  if (!r.survey) return 'No survey loaded';
  const { responses, top } = r.survey;
  if (responses === 0) return 'No responses here';
  const few = responses < MIN_SURVEY_RESPONSES ? ', few responses' : '';
  if (!top.length) return `No first choices (${responses} responses${few})`;
  return `${top.map((t) => t.theme).join(' / ')} (${top[0]!.n} of ${responses}${few})`;
}

export function worseningText(r: TargetRow, evidence: Pick<TargetEvidence, 'streetRepsLoaded'>): string {
  if (!evidence.streetRepsLoaded) return 'No street-rep data';
  if (!r.worsening.length) return 'None';
  return r.worsening.map((w) => `${w.issue} (${w.sites} ${w.sites === 1 ? 'site' : 'sites'})`).join(', ');
}

/** What the ranking's file says about itself, beyond its cells. */
export type TargetAbout = Pick<ExportTable, 'title' | 'description' | 'place' | 'sources' | 'sample' | 'fileStem'>;

/** The ranked table as CSV, numbers as numbers; small areas name their ward. */
export function targetCsv(rows: readonly TargetRow[], level: MapLevel, themeLabel: string, method: string, evidence: TargetEvidence): string {
  return tableCsv(targetExportTable(rows, level, themeLabel, method, evidence, { title: '', description: '', sources: [], fileStem: '' }));
}

/** The ranked table as a file (CSV and Excel): its cells, and the method line, which the CSV keeps at its end. */
export function targetExportTable(rows: readonly TargetRow[], level: MapLevel, themeLabel: string, method: string, evidence: TargetEvidence, about: TargetAbout): ExportTable {
  // The distance sub-domain is only there to explain a reason; the CSV keeps its domain columns.
  const domains = (rows.find((r) => r.deprivation.length)?.deprivation ?? []).filter((d) => d.domain !== 'sub_geographical_barriers');
  const header = [
    'rank',
    'code',
    'name',
    ...(level === 'lsoa' ? ['ward'] : []),
    'residents (Census 2021)',
    `${themeLabel} score`,
    'what drives it',
    'small areas',
    'small areas scored',
    'hot spot status',
    'small areas hot',
    'small areas tested',
    ...domains.flatMap((d) => [`small areas in England's most deprived 10 %: ${d.label}`, `small areas in England's most deprived 20 %: ${d.label}`]),
    'survey responses',
    "residents' first choice",
    'first choices for it',
    'street-rep issues getting worse',
    'reason',
  ];
  const body = rows.map((r): CsvValue[] => [
    r.rank,
    r.code,
    r.name,
    ...(level === 'lsoa' ? [r.wardName] : []),
    r.population,
    r.score,
    r.drivers.map((d) => d.shortLabel).join('; '),
    r.lsoas,
    r.lsoasScored,
    r.hotspot.own ? CLASS_WORDS[r.hotspot.own] : null,
    level === 'lsoa' ? null : r.hotspot.lsoasHot,
    level === 'lsoa' ? null : r.hotspot.lsoasTested,
    ...domains.flatMap((d) => {
      const mine = r.deprivation.find((x) => x.domain === d.domain);
      return [mine?.in10, mine?.in20];
    }),
    r.survey?.responses ?? null,
    r.survey?.top.map((t) => t.theme).join(' / ') || null,
    r.survey?.top[0]?.n ?? null,
    evidence.streetRepsLoaded ? r.worsening.map((w) => `${w.issue} (${w.sites})`).join('; ') : null,
    r.reason,
  ]);
  const cells = body.map((r) => r.map((v): ExportCell => (v === undefined ? null : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v)));
  return { ...about, columns: columnsFor(header, cells), rows: cells, notes: [`Method: ${method}`], notesInCsv: true };
}
