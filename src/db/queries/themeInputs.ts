import { safeIdentifier, type Database } from '../database.ts';
import { areaNames, placeScope, type Place } from './places.ts';
import { indicatorCatalogue } from './indicatorCatalogue.ts';
import { valuesForPlace } from './valuesForPlace.ts';
import type {
  CrimeRateComponent,
  IndicatorComponent,
  StreetRepComponent,
  SurveyShareComponent,
  ThemeComponent,
} from '../../analysis/themes/definitions.ts';
import { SAMPLE_LABEL, STREET_REP_HEADINGS, type DatasetKind } from '../../ingest/schemas.ts';
import { monthLabel } from '../../analysis/format.ts';
import type { AreaLevel } from '../../geo/levels.ts';

/**
 * Small areas and wards only, on purpose. A theme score is standardised
 * across the areas in view (each component against the others' spread);
 * across the 3–5 localities a person usually draws that spread is two or
 * three numbers, so a locality's "score" would mostly say which of its
 * neighbours it was drawn beside. A locality's theme score is instead the
 * population-weighted mean of its small areas' scores across the whole place
 * (analysis/localityHotspots.ts localityThemeScore), and the profile says so.
 */
export interface ThemeInputsOptions {
  place: Place;
  level: AreaLevel;
  components: readonly ThemeComponent[];
}

/** One component's values for every area in the place, aligned with ThemeInputs.codes. */
export interface ComponentValues {
  id: string;
  values: (number | null)[];
  /** Survey responses or street-rep sites behind each value (null for official data). */
  counts: (number | null)[] | null;
  /** Why a value is missing, in plain English; null where there is a value. */
  reasons: (string | null)[];
  /** What the values are built from (periods, caveats), in plain English. */
  notes: string[];
}

export interface ThemeInputs {
  place: Place;
  level: AreaLevel;
  codes: string[];
  names: string[];
  components: ComponentValues[];
}

/** A small area with what its values are built from. */
interface LsoaRow {
  code: string;
  ward_code: string | null;
  lad_code: string | null;
  lad_name: string | null;
  population: number | null;
}

/**
 * The raw values behind a theme: for every LSOA or ward in a place, one value
 * per component, or null (with the reason) where that source has nothing for
 * the area. IoD scores come through valuesForPlace (wards: population-weighted
 * means); police rates and residents' evidence are counted per LSOA, then
 * summed over a ward's LSOAs before dividing, so a ward's value is exactly
 * the aggregate of the small areas drawn inside it.
 */
export async function themeInputs(db: Database, options: ThemeInputsOptions): Promise<ThemeInputs> {
  const { place, level } = options;
  const areas = (await areaNames(db, place, level)).sort((a, b) => cmp(a.code, b.code));
  const codes = areas.map((a) => a.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const scope = placeScope(place);
  const lsoas = await db.query<LsoaRow>(
    `SELECT a.code, a.ward_code, a.lad_code, a.lad_name, a.population FROM areas a WHERE a.level = 'lsoa' AND ${scope.sql}`,
    scope.params,
  );
  const tables = await tablesPresent(db);
  const ctx: Context = { db, place, level, codes, index, lsoas, tables };
  const components: ComponentValues[] = [];
  for (const c of options.components) components.push(await componentValues(ctx, c));
  return { place, level, codes, names: areas.map((a) => a.name), components };
}

interface Context {
  db: Database;
  place: Place;
  level: AreaLevel;
  codes: string[];
  index: Map<string, number>;
  lsoas: LsoaRow[];
  /** Tables and views holding at least one row. */
  tables: Set<string>;
}

function componentValues(ctx: Context, c: ThemeComponent): Promise<ComponentValues> {
  switch (c.kind) {
    case 'indicator':
      return indicatorValues(ctx, c);
    case 'crime-rate':
      return crimeRates(ctx, c);
    case 'survey-share':
      return surveyShares(ctx, c);
    case 'street-rep':
      return streetRepGrades(ctx, c);
  }
}

/** Names of the non-empty tables and views (evidence tables exist only after an import). */
async function tablesPresent(db: Database): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'");
  const wanted = ['all_crimes', 'crimes', 'crime_coverage', 'datasets', 'survey_responses', 'survey_choices', 'street_rep_sites', 'street_rep_visits', 'street_rep_grades'];
  const present = new Set<string>();
  for (const { name } of rows) {
    if (!wanted.includes(name)) continue;
    const [row] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${safeIdentifier(name)}) AS "any"`);
    if (row?.any) present.add(name);
  }
  return present;
}

function emptyComponent(ctx: Context, id: string, reason: string | null, withCounts: boolean): ComponentValues {
  const n = ctx.codes.length;
  return { id, values: new Array(n).fill(null), counts: withCounts ? new Array(n).fill(null) : null, reasons: new Array(n).fill(reason), notes: [] };
}

/** IoD scores through the app's own indicator query (population-weighted for wards). */
async function indicatorValues(ctx: Context, c: IndicatorComponent): Promise<ComponentValues> {
  const indicator = (await indicatorCatalogue(ctx.db)).find((i) => i.code === c.indicatorCode);
  if (!indicator) throw new Error(`Theme component ${c.id} names an indicator missing from the catalogue: ${c.indicatorCode}`);
  const out = emptyComponent(ctx, c.id, `No ${indicator.source.replace(/,.*$/, '')} value`, false);
  for (const row of await valuesForPlace(ctx.db, indicator, ctx.place, ctx.level)) {
    const i = ctx.index.get(row.code);
    if (i === undefined || row.value === null || !Number.isFinite(row.value)) continue;
    out.values[i] = row.value;
    out.reasons[i] = null;
  }
  if (ctx.level === 'ward') out.notes.push(`${indicator.label}: ward values are population-weighted means of their small areas' scores.`);
  return out;
}

interface AuthorityWindow {
  lad_code: string;
  first_month: string;
  last_month: string;
  months: number;
  types: string;
}

/**
 * Police-recorded crimes of the component's types per 1,000 residents a year,
 * over each authority's latest 12 months of data (fewer months are scaled up
 * to a year, and the note says so). Population: Census 2021.
 */
async function crimeRates(ctx: Context, c: CrimeRateComponent): Promise<ComponentValues> {
  const source = ctx.tables.has('all_crimes') ? 'all_crimes' : ctx.tables.has('crimes') ? 'crimes' : null;
  if (!source) return { ...emptyComponent(ctx, c.id, 'No police data loaded', false), notes: ['No police crime data is loaded.'] };
  const scope = placeScope(ctx.place);
  const inWindow = `WITH c AS (
       SELECT a.lad_code, c.lsoa_code, left(CAST(c.month AS VARCHAR), 7) AS "month", c.crime_type
         FROM ${safeIdentifier(source)} c JOIN areas a ON a.level = 'lsoa' AND a.code = c.lsoa_code
        WHERE ${scope.sql}
     ), w AS (
       SELECT lad_code, strftime(CAST(MAX("month") || '-01' AS DATE) - INTERVAL 11 MONTH, '%Y-%m') AS first_month
         FROM c GROUP BY lad_code
     ), inwin AS (SELECT c.* FROM c JOIN w USING (lad_code) WHERE c."month" >= w.first_month)`;
  const windows = await ctx.db.query<AuthorityWindow>(
    `${inWindow}
     SELECT lad_code, MIN("month") AS first_month, MAX("month") AS last_month, COUNT(DISTINCT "month") AS months,
            string_agg(DISTINCT crime_type, '|') AS types
       FROM inwin GROUP BY lad_code`,
    scope.params,
  );
  const typeMarks = c.crimeTypes.map(() => '?').join(', ');
  const counted = await ctx.db.query<{ code: string; n: number }>(
    `${inWindow}
     SELECT lsoa_code AS code, COUNT(*) AS n FROM inwin WHERE crime_type IN (${typeMarks}) GROUP BY lsoa_code`,
    [...scope.params, ...c.crimeTypes],
  );
  const covered = ctx.tables.has('crime_coverage')
    ? new Set((await ctx.db.query<{ lad_code: string }>('SELECT lad_code FROM crime_coverage')).map((r) => r.lad_code))
    : new Set<string>();

  const windowOf = new Map(windows.map((w) => [w.lad_code, w]));
  const counts = new Map(counted.map((r) => [r.code, r.n]));
  const noTypes = new Set<string>();
  const notes: string[] = [];
  for (const w of windows) {
    const present = new Set(w.types.split('|'));
    const absent = c.crimeTypes.filter((t) => !present.has(t));
    const name = ladName(ctx, w.lad_code);
    if (absent.length === c.crimeTypes.length) noTypes.add(w.lad_code);
    else if (absent.length > 0) {
      notes.push(`${name}'s police data has no ${absent.map((t) => t.toLowerCase()).join(' or ')} records, so its rate counts the other crime types only.`);
    }
  }

  // Sum counts and residents over the LSOAs of each output area, then divide.
  const n = ctx.codes.length;
  const sumCount: number[] = new Array(n).fill(0);
  const sumPop: number[] = new Array(n).fill(0);
  const months: (number | null)[] = new Array(n).fill(null);
  const reasons: (string | null)[] = new Array(n).fill(null);
  for (const l of ctx.lsoas) {
    const i = ctx.index.get(ctx.level === 'ward' ? (l.ward_code ?? '') : l.code);
    if (i === undefined || reasons[i] !== null) continue;
    const w = l.lad_code ? windowOf.get(l.lad_code) : undefined;
    if (!w) reasons[i] = l.lad_code && covered.has(l.lad_code) ? `No police data for ${l.lad_name ?? l.lad_code}` : 'No police data loaded for this authority';
    else if (noTypes.has(w.lad_code)) reasons[i] = `${l.lad_name ?? l.lad_code}'s police data has none of these crime types`;
    else if (!(l.population !== null && l.population > 0)) reasons[i] = 'No Census 2021 population';
    else {
      sumCount[i] = (sumCount[i] as number) + (counts.get(l.code) ?? 0);
      sumPop[i] = (sumPop[i] as number) + l.population;
      months[i] = w.months;
    }
  }
  const values = months.map((m, i) => (reasons[i] === null && m !== null ? (((sumCount[i] as number) / (sumPop[i] as number)) * 1000 * 12) / m : null));
  return { id: c.id, values, counts: null, reasons, notes: [periodNote(ctx, windows), ...notes] };
}

/** Which months each authority's rate uses, and that periods differ. */
function periodNote(ctx: Context, windows: AuthorityWindow[]): string {
  if (windows.length === 0) return 'No police data is loaded for these areas.';
  const parts = [...windows]
    .sort((a, b) => cmp(ladName(ctx, a.lad_code), ladName(ctx, b.lad_code)))
    .map((w) => {
      const span = `${monthLabel(w.first_month)} to ${monthLabel(w.last_month)}`;
      return w.months < 12 ? `${ladName(ctx, w.lad_code)} ${span} (only ${w.months} months, scaled up to a year)` : `${ladName(ctx, w.lad_code)} ${span}`;
    });
  const differ = new Set(windows.map((w) => `${w.first_month}/${w.last_month}`)).size > 1;
  return `Police rates are crimes per 1,000 residents (Census 2021) a year, from each authority's latest 12 months of police.uk data: ${parts.join('; ')}.${
    differ ? ' The periods differ, so police rates compare best within one authority.' : ''
  }`;
}

/** Share of an area's survey responses that put a theme in their top three (unranked choices count). */
async function surveyShares(ctx: Context, c: SurveyShareComponent): Promise<ComponentValues> {
  if (!ctx.tables.has('survey_responses') || !ctx.tables.has('survey_choices')) {
    return { ...emptyComponent(ctx, c.id, "No residents' survey loaded", true), notes: ["No residents' survey is loaded."] };
  }
  const rows = await ctx.db.query<{ code: string | null; n: number; k: number }>(
    `WITH r AS (
       SELECT r.dataset, CAST(r.id AS VARCHAR) AS id, ${areaColumn(ctx, 'r')} AS code
         FROM survey_responses r LEFT JOIN areas l ON l.level = 'lsoa' AND l.code = r.lsoa_code
     ), picked AS (
       SELECT dataset, CAST(response_id AS VARCHAR) AS id,
              MAX(CASE WHEN theme = ? AND (rank IS NULL OR rank <= 3) THEN 1 ELSE 0 END) AS picked
         FROM survey_choices GROUP BY ALL
     )
     SELECT r.code, COUNT(*) AS n, SUM(p.picked) AS k FROM r JOIN picked p USING (dataset, id) GROUP BY r.code`,
    [c.surveyTheme],
  );
  const out = emptyComponent(ctx, c.id, 'No survey responses here', true);
  let responses = 0;
  for (const r of rows) {
    const i = r.code === null ? undefined : ctx.index.get(r.code);
    if (i === undefined) continue;
    out.values[i] = r.k / r.n;
    (out.counts as (number | null)[])[i] = r.n;
    out.reasons[i] = null;
    responses += r.n;
  }
  out.notes.push(
    `Survey shares: of each area's responses that chose any priority, the share with "${c.surveyTheme}" in their top three (${responses.toLocaleString('en-GB')} responses in these areas, all loaded surveys together).`,
  );
  out.notes.push(...(await syntheticNote(ctx, 'survey')));
  return out;
}

/** Mean of the latest grade (A = 0 … D = 3) of each site's issues under a heading. */
async function streetRepGrades(ctx: Context, c: StreetRepComponent): Promise<ComponentValues> {
  if (!['street_rep_sites', 'street_rep_visits', 'street_rep_grades'].every((t) => ctx.tables.has(t))) {
    return { ...emptyComponent(ctx, c.id, 'No street-rep monitoring loaded', true), notes: ['No street-rep monitoring is loaded.'] };
  }
  const issues = STREET_REP_HEADINGS[c.heading];
  const rows = await ctx.db.query<{ code: string | null; value: number; n: number; first_visit: string | null; last_visit: string | null }>(
    `WITH latest AS (
       SELECT g.dataset, v.site_id, g.grade, CAST(v.visited_on AS VARCHAR) AS visited_on,
              ROW_NUMBER() OVER (PARTITION BY g.dataset, v.site_id, g.issue
                                 ORDER BY v.visited_on DESC, v.visit_time DESC NULLS LAST, v.id DESC) AS newest
         FROM street_rep_grades g
         JOIN street_rep_visits v ON v.dataset = g.dataset AND CAST(v.id AS VARCHAR) = CAST(g.visit_id AS VARCHAR)
        WHERE g.grade IS NOT NULL AND (g.heading = ? OR g.issue IN (${issues.map(() => '?').join(', ')}))
     ), s AS (
       SELECT s.dataset, s.site_id, ${areaColumn(ctx, 's')} AS code
         FROM street_rep_sites s LEFT JOIN areas l ON l.level = 'lsoa' AND l.code = s.lsoa_code
     )
     SELECT s.code, AVG(latest.grade) AS value, COUNT(DISTINCT latest.site_id) AS n,
            MIN(latest.visited_on) AS first_visit, MAX(latest.visited_on) AS last_visit
       FROM latest JOIN s ON s.dataset = latest.dataset AND CAST(s.site_id AS VARCHAR) = CAST(latest.site_id AS VARCHAR)
      WHERE latest.newest = 1 GROUP BY s.code`,
    [c.heading, ...issues],
  );
  const out = emptyComponent(ctx, c.id, 'No monitored street-rep sites here', true);
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    const i = r.code === null ? undefined : ctx.index.get(r.code);
    if (i === undefined) continue;
    out.values[i] = r.value;
    (out.counts as (number | null)[])[i] = r.n;
    out.reasons[i] = null;
    if (r.first_visit && (first === null || r.first_visit < first)) first = r.first_visit;
    if (r.last_visit && (last === null || r.last_visit > last)) last = r.last_visit;
  }
  out.notes.push(
    `Street-rep grades: the latest grade (A = 0 to D = 3) of each ${c.heading} issue at each site, averaged over the sites in an area${first && last ? ` (latest visits ${first} to ${last})` : ''}.`,
  );
  out.notes.push(...(await syntheticNote(ctx, 'street-rep')));
  return out;
}

/** The bundled synthetic sample must be labelled wherever its numbers appear. */
async function syntheticNote(ctx: Context, kind: DatasetKind): Promise<string[]> {
  if (!ctx.tables.has('datasets')) return [];
  const [row] = await ctx.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM datasets WHERE synthetic AND kind = ?', [kind]);
  const what = kind === 'survey' ? ['survey', "residents' answers"] : ['street-rep', 'street-rep visits'];
  return row && row.n > 0 ? [`${SAMPLE_LABEL}: these ${what[0]} figures include the made-up sample, not real ${what[1]}.`] : [];
}

/** The output area of a located row: its LSOA, or for wards the LSOA's ward (else the ward given). */
function areaColumn(ctx: Context, alias: 'r' | 's'): string {
  return ctx.level === 'ward' ? `COALESCE(l.ward_code, ${alias}.ward_code)` : `${alias}.lsoa_code`;
}

function ladName(ctx: Context, ladCode: string): string {
  return ctx.lsoas.find((l) => l.lad_code === ladCode)?.lad_name ?? ladCode;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
