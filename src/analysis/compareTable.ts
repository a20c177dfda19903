/**
 * The comparison as rows of a table (rows = measures, columns = areas), each
 * row with the source line shown beneath it and written into the CSV. Pure:
 * the loaded numbers in, cells out; the view only draws them.
 */
import { formatValue } from './format.ts';
import { gradeShares, type AreaCrimeRate } from './compareMeasures.ts';
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
  /** Domain id → the name the profile shows ("Low income", "People out of work"). */
  domainNames: ReadonlyMap<string, string>;
  /** Locality id → the wards (or small areas) it was made of, for the CSV's note rows. */
  localityMembers: ReadonlyMap<string, readonly { code: string; name: string }[]>;
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
  /** The number behind the text (null for text-only cells). */
  value: number | null;
  /** What the CSV holds: the number rounded for its kind, or the words. */
  csv: CsvValue;
  /** The full figure when the text is compact ("56.5 million" → "56,490,091"). */
  title?: string;
}

export interface TableRow {
  id: string;
  group: string;
  label: string;
  source: string;
  cells: TableCell[];
}

const IOD = 'English Indices of Deprivation 2025 (MHCLG), ranks and deciles in England; Census 2021 residents';
const roundTo = (v: number, dp: number) => Math.round(v * 10 ** dp) / 10 ** dp;
const NO_DATA: TableCell = { text: 'no data', value: null, csv: 'no data' };
/** "56.5 million", "357 thousand": words, not the locale's "M"/"m", so every browser prints the same and the column can wrap between them. */
function compactWords(v: number): string {
  if (v >= 1_000_000) return `${(Math.round(v / 100_000) / 10).toLocaleString('en-GB')} million`;
  return `${Math.round(v / 1000).toLocaleString('en-GB')} thousand`;
}

/** A count: in full up to 99,999; above that in words ("357 thousand", "56.5 million") so the columns stay narrow, the full figure in the title and the CSV. */
export function countCell(v: number | null): TableCell {
  if (v === null) return NO_DATA;
  const full = Math.round(v).toLocaleString('en-GB');
  return v >= 100_000 ? { text: compactWords(v), value: v, csv: Math.round(v), title: full } : { text: full, value: v, csv: Math.round(v) };
}
/** A score: as the profile prints it; 3 decimal places in the CSV. */
const scoreCell = (v: number | null | undefined): TableCell => (v === null || v === undefined ? NO_DATA : { text: formatValue(v), value: v, csv: roundTo(v, 3) });
const words = (t: string): TableCell => ({ text: t, value: null, csv: t });
/** England has no figure here: a dash and, in plain words, why. */
const notForEngland = (why: string): TableCell => words(`— (${why})`);
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Every measure, in the order the table shows them. */
export function compareRows(c: Comparison): TableRow[] {
  const cols = c.columns;
  const rows: TableRow[] = [
    { id: 'population', group: 'Who lives here', label: 'Residents', source: 'Census 2021 (ONS), summed over the small areas', cells: cols.map((col) => countCell(col.population)) },
    { id: 'lsoas', group: 'Who lives here', label: 'Small areas', source: 'LSOA 2021; wards by best-fit small areas', cells: cols.map((col) => countCell(col.lsoas)) },
  ];
  for (const d of c.domains) {
    const label = c.domainNames.get(d) ?? d;
    const cell = (col: ColumnInfo) => c.domainCells.get(col.code)?.get(d);
    rows.push(
      { id: `${d}-10`, group: label, label: "Small areas in England's most deprived 10 %", source: `${IOD}; decile 1`, cells: cols.map((col) => countCell(cell(col)?.in_10pct ?? null)) },
      { id: `${d}-20`, group: label, label: "Small areas in England's most deprived 20 %", source: `${IOD}; deciles 1–2`, cells: cols.map((col) => countCell(cell(col)?.in_20pct ?? null)) },
      {
        id: `${d}-score`,
        group: label,
        label: 'Score (population-weighted, higher = more deprived)',
        source: 'IoD 2025 small-area scores, weighted by Census 2021 residents',
        cells: cols.map((col) => scoreCell(cell(col)?.score)),
      },
    );
  }
  for (const t of c.themes) {
    rows.push({
      id: `theme-${t.id}`,
      group: 'Theme scores',
      label: `${t.label} theme score`,
      source: `Population-weighted mean of the small areas' theme scores; scores are standardised across ${c.themePlace} (0 = its average, higher = worse), so England has none`,
      cells: cols.map((col) => (col.level === 'england' ? notForEngland(`theme scores are compared within ${c.themePlace}`) : scoreCell(t.values.get(col.code)))),
    });
  }
  rows.push({
    id: 'crime-rate',
    group: 'Police-recorded crime',
    label: 'Crimes per 1,000 residents',
    source: c.crimeWords,
    cells: cols.map((col) => {
      const r = c.crime.get(col.code);
      if (col.level === 'england') return notForEngland('police data is loaded for local areas only');
      if (!r || r.rate === null) return words('no police data');
      const rate = formatValue(r.rate);
      if (r.covered < r.lsoas) {
        const t = `${rate} (${r.covered} of ${r.lsoas} small areas have police data)`;
        return { text: t, value: r.rate, csv: `${roundTo(r.rate, 1)} (${r.covered} of ${r.lsoas} small areas have police data)` };
      }
      return { text: rate, value: r.rate, csv: roundTo(r.rate, 1) };
    }),
  });
  rows.push({
    id: 'survey',
    group: "Residents' priorities",
    label: 'Top priorities (share of responses with the theme in their top three)',
    source: `Residents' surveys loaded, responses placed in the area's small areas${c.sampleLabel ? `. ${c.sampleLabel}` : ''}`,
    cells: cols.map((col) => {
      const s = c.survey.get(col.code);
      if (col.level === 'england') return notForEngland('the surveys asked local residents only');
      if (!s || s.responses === 0) return words('no survey responses here');
      const top = s.top.map((t) => `${t.theme} ${percent(t.top_three / s.responses)}`).join('; ');
      return { ...words(`${top} (n = ${s.responses.toLocaleString('en-GB')} responses)`), value: s.responses };
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
      if (col.level === 'england') return notForEngland('street reps grade local sites only');
      if (!g || !shares) return words('no monitored sites here');
      const mix = `A ${percent(shares.a)} · B ${percent(shares.b)} · C ${percent(shares.c)} · D ${percent(shares.d)}`;
      return { ...words(`${mix} (n = ${shares.n.toLocaleString('en-GB')} grades, ${g.sites} site${g.sites === 1 ? '' : 's'})`), value: shares.n };
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
  return compareSentences(areas, c.domains, { names: c.domainNames, ...(c.crimePeriod ? { crimePeriod: c.crimePeriod } : {}) });
}

/** A column's CSV heading: a ward's or authority's name with its official code; a locality by name only (its id means nothing outside this browser). */
function csvHeading(col: ColumnInfo): string {
  return col.level === 'locality' ? col.name : `${col.name} (${col.code})`;
}

/**
 * Header and rows for the CSV: numbers as numbers (scores to 3 decimal
 * places, rates to 1, counts whole), text cells as their words, then one note
 * row per locality naming the wards it was made of.
 */
export function compareCsv(c: Comparison): { header: string[]; rows: CsvValue[][] } {
  const header = ['Group', 'Measure', ...c.columns.map(csvHeading), 'Source'];
  const rows: CsvValue[][] = compareRows(c).map((r) => [r.group, r.label, ...r.cells.map((cell) => cell.csv), r.source]);
  for (const col of c.columns) {
    const members = c.localityMembers.get(col.code);
    if (col.level !== 'locality' || !members) continue;
    const list = members.map((m) => `${m.name} (${m.code})`).join('; ');
    rows.push(['Note', `${col.name} is a locality made of`, ...c.columns.map((other) => (other.code === col.code ? list : null)), 'Localities drawn in Ward Insight']);
  }
  return { header, rows };
}

/** "compare-winsford-ellesmere-port-blacon.csv": the areas chosen by name, lower case, with hyphens. */
export function compareFileName(c: Pick<Comparison, 'columns'>): string {
  const slug = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const names = c.columns.filter((col) => !col.reference).map((col) => slug(col.name)).filter((s) => s !== '');
  return `compare-${names.join('-') || 'areas'}.csv`;
}
