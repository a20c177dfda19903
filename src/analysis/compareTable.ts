/**
 * The comparison as rows of a table (rows = measures, columns = areas), each
 * row with the source line shown beneath it and written into the CSV. Pure:
 * the loaded numbers in, cells out; the view only draws them.
 */
import { formatValue } from './format.ts';
import { DOMAIN_LABELS, gradeShares, type AreaCrimeRate } from './compareMeasures.ts';
import { compareSentences, type SentenceArea } from './compareSentences.ts';
import type { CsvValue } from '../export/csv.ts';

export interface ColumnInfo {
  code: string;
  name: string;
  reference: boolean;
  level: string;
  population: number | null;
  lsoas: number;
}

export interface DomainCell {
  lsoas: number;
  in_10pct: number;
  in_20pct: number;
  score: number | null;
}

export interface Comparison {
  columns: ColumnInfo[];
  /** PROFILE_DOMAINS order. */
  domains: readonly string[];
  /** column code → domain → counts. */
  domainCells: ReadonlyMap<string, ReadonlyMap<string, DomainCell>>;
  themes: { id: string; label: string; values: ReadonlyMap<string, number | null> }[];
  /** Which place the theme scores were standardised across, in words. */
  themePlace: string;
  crime: ReadonlyMap<string, AreaCrimeRate>;
  crimeWords: string;
  /** False when the areas chosen lie in authorities whose police data cover different months (then no sentence compares their rates). */
  crimeComparable: boolean;
  /** When comparable, the months the rates count, in words ("over the 4 months with data: Jan–Apr 2024"). */
  crimePeriod: string | null;
  survey: ReadonlyMap<string, { responses: number; top: { theme: string; top_three: number }[] }>;
  grades: ReadonlyMap<string, { a: number; b: number; c: number; d: number; sites: number; first_visit: string | null; last_visit: string | null }>;
  /** Set when the survey or street-rep figures include the made-up sample. */
  sampleLabel: string | null;
}

export interface TableCell {
  text: string;
  /** The number behind the text, for the CSV (null for text-only cells). */
  value: number | null;
}

export interface TableRow {
  id: string;
  group: string;
  label: string;
  source: string;
  cells: TableCell[];
}

const IOD = 'English Indices of Deprivation 2025 (MHCLG), ranks and deciles in England; Census 2021 residents';
const n = (v: number | null): TableCell => ({ text: v === null ? 'no data' : v.toLocaleString('en-GB'), value: v });
const num = (v: number | null | undefined): TableCell => ({ text: formatValue(v ?? null), value: v ?? null });
const text = (t: string): TableCell => ({ text: t, value: null });
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Every measure, in the order the table shows them. */
export function compareRows(c: Comparison): TableRow[] {
  const cols = c.columns;
  const rows: TableRow[] = [
    { id: 'population', group: 'Who lives here', label: 'Residents', source: 'Census 2021 (ONS), summed over the small areas', cells: cols.map((col) => n(col.population)) },
    { id: 'lsoas', group: 'Who lives here', label: 'Small areas', source: 'LSOA 2021; wards by best-fit small areas', cells: cols.map((col) => n(col.lsoas)) },
  ];
  for (const d of c.domains) {
    const label = DOMAIN_LABELS[d] ?? d;
    const cell = (col: ColumnInfo) => c.domainCells.get(col.code)?.get(d);
    rows.push(
      { id: `${d}-10`, group: label, label: "Small areas in England's most deprived 10 %", source: `${IOD}; decile 1`, cells: cols.map((col) => n(cell(col)?.in_10pct ?? null)) },
      { id: `${d}-20`, group: label, label: "Small areas in England's most deprived 20 %", source: `${IOD}; deciles 1–2`, cells: cols.map((col) => n(cell(col)?.in_20pct ?? null)) },
      {
        id: `${d}-score`,
        group: label,
        label: 'Score (population-weighted, higher = more deprived)',
        source: 'IoD 2025 small-area scores, weighted by Census 2021 residents',
        cells: cols.map((col) => num(cell(col)?.score)),
      },
    );
  }
  for (const t of c.themes) {
    rows.push({
      id: `theme-${t.id}`,
      group: 'Theme scores',
      label: `${t.label} theme score`,
      source: `Population-weighted mean of the small areas' theme scores; scores are standardised across ${c.themePlace} (0 = its average, higher = worse), so England has none`,
      cells: cols.map((col) => (col.level === 'england' ? text('not worked out') : num(t.values.get(col.code)))),
    });
  }
  rows.push({
    id: 'crime-rate',
    group: 'Police-recorded crime',
    label: 'Crimes per 1,000 residents',
    source: c.crimeWords,
    cells: cols.map((col) => {
      const r = c.crime.get(col.code);
      if (col.level === 'england') return text('not built in');
      if (!r || r.rate === null) return text('no police data');
      const partial = r.covered < r.lsoas ? ` (${r.covered} of ${r.lsoas} small areas have police data)` : '';
      return { text: `${formatValue(r.rate)}${partial}`, value: r.rate };
    }),
  });
  rows.push({
    id: 'survey',
    group: "Residents' priorities",
    label: 'Top priorities (share of responses with the theme in their top three)',
    source: `Residents' surveys loaded, responses placed in the area's small areas${c.sampleLabel ? `. ${c.sampleLabel}` : ''}`,
    cells: cols.map((col) => {
      const s = c.survey.get(col.code);
      if (col.level === 'england') return text('not asked');
      if (!s || s.responses === 0) return text('no survey responses here');
      const top = s.top.map((t) => `${t.theme} ${percent(t.top_three / s.responses)}`).join('; ');
      return { text: `${top} (n = ${s.responses.toLocaleString('en-GB')} responses)`, value: s.responses };
    }),
  });
  rows.push({
    id: 'grades',
    group: 'Street-rep grades',
    label: 'Grades on each site’s latest visit (A no problem … D a really big issue)',
    source: `Street-rep monitoring loaded, every issue graded at each site's latest visit${c.sampleLabel ? `. ${c.sampleLabel}` : ''}`,
    cells: cols.map((col) => {
      const g = c.grades.get(col.code);
      const shares = g ? gradeShares(g) : null;
      if (col.level === 'england') return text('not monitored');
      if (!g || !shares) return text('no monitored sites here');
      const mix = `A ${percent(shares.a)} · B ${percent(shares.b)} · C ${percent(shares.c)} · D ${percent(shares.d)}`;
      return { text: `${mix} (n = ${shares.n.toLocaleString('en-GB')} grades, ${g.sites} site${g.sites === 1 ? '' : 's'})`, value: shares.n };
    }),
  });
  return rows;
}

/** The sentences above the table, about the areas chosen (not the reference columns). */
export function comparisonSentences(c: Comparison): string[] {
  const areas: SentenceArea[] = c.columns
    .filter((col) => !col.reference)
    .map((col) => ({
      name: col.name,
      counts: Object.fromEntries(c.domains.map((d) => [d, c.domainCells.get(col.code)?.get(d) ?? { in_10pct: 0, in_20pct: 0 }])),
      crimeRate: c.crimeComparable ? (c.crime.get(col.code)?.rate ?? null) : null,
    }));
  return compareSentences(areas, c.domains, c.crimePeriod ? { crimePeriod: c.crimePeriod } : {});
}

/** Header and rows for the CSV: numbers as numbers, text cells as their words. */
export function compareCsv(c: Comparison): { header: string[]; rows: CsvValue[][] } {
  const header = ['Group', 'Measure', ...c.columns.map((col) => `${col.name} (${col.code})`), 'Source'];
  const rows = compareRows(c).map((r) => [r.group, r.label, ...r.cells.map((cell) => (cell.value !== null && !/[a-z]/i.test(cell.text) ? cell.value : cell.text)), r.source]);
  return { header, rows };
}
