import type { TargetRow } from '../../analysis/targetRanking.ts';
import type { TargetEvidence } from '../../db/queries/target.ts';
import type { HotColdClass } from '../../stats/hotspots/hotColdClass.ts';
import { MIN_SURVEY_RESPONSES } from '../../analysis/themes/definitions.ts';
import type { MapLevel } from '../../geo/levels.ts';
import { csvDocument, type CsvValue } from '../../export/csv.ts';

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

export function hotspotText(r: TargetRow, level: MapLevel): string {
  const own = r.hotspot.own ? CLASS_WORDS[r.hotspot.own] : null;
  if (level === 'lsoa') return own ?? 'Not tested';
  const counts = r.hotspot.lsoasTested ? `${r.hotspot.lsoasHot} of ${r.lsoas} small areas hot` : null;
  return [own, counts].filter(Boolean).join('; ') || 'Not tested';
}

export function deprivationLines(r: TargetRow, level: MapLevel): string[] {
  return r.deprivation.map((d) => {
    if (level === 'lsoa') return `${d.label}: ${d.in10 ? 'most deprived 10 %' : d.in20 ? 'most deprived 20 %' : d.lsoas ? 'not in the most deprived 20 %' : 'no decile'}`;
    return `${d.label}: ${d.in20} of ${d.lsoas}${d.in10 ? ` (${d.in10} in the 10 %)` : ''}`;
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

/** The ranked table as CSV, numbers as numbers; small areas name their ward. */
export function targetCsv(rows: readonly TargetRow[], level: MapLevel, themeLabel: string, method: string, evidence: TargetEvidence): string {
  const domains = rows.find((r) => r.deprivation.length)?.deprivation ?? [];
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
  return csvDocument(header, [...body, [], [`Method: ${method}`]]);
}
