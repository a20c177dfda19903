import { safeIdentifier, type Database, type SqlParam } from '../database.ts';
import { levelOfCode, type LevelId } from '../../geo/levels.ts';
import { PROFILE_DOMAINS, englandDomainSummary } from './areaProfile.ts';
import { monthlyCrimeCounts, type MonthlyCrimeCount } from './crimeCounts.ts';
import { themeCounts } from './surveyPriorities.ts';
import { streetRepCtes } from './streetRepScope.ts';
import type { Place } from './places.ts';
import { themeInputs } from './themeInputs.ts';
import { THEMES, type ThemeId } from '../../analysis/themes/definitions.ts';
import { themeScores } from '../../analysis/themes/themeScores.ts';

export type Domain = (typeof PROFILE_DOMAINS)[number];
export const ENGLAND_CODE = 'E92000001';

/** One column of the comparison: a compared area, or a reference (its authority, England). */
export interface CompareColumn {
  code: string;
  name: string;
  level: LevelId | 'england';
  /** True for the authority and England columns added beside the areas chosen. */
  reference: boolean;
  /** Census 2021 residents of its small areas. */
  population: number | null;
  lsoas: number;
}

/** A compared area's (or authority's) small areas, with their authority and residents. */
export interface CompareMember {
  column: string;
  lsoa_code: string;
  lad_code: string;
  population: number | null;
}

/**
 * The small areas of each code, as one bound-parameter UNION: a ward's are
 * the `areas` rows with its ward_code (best fit), a locality's come from
 * `locality_lsoas`, an authority's are all of its own. Other codes are skipped.
 */
function membersSql(codes: readonly string[]): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const code of codes) {
    const level = levelOfCode(code);
    if (level === 'ward') parts.push("SELECT ? AS col, a.code AS lsoa_code FROM areas a WHERE a.level = 'lsoa' AND a.ward_code = ?");
    else if (level === 'locality') parts.push('SELECT ? AS col, m.lsoa_code FROM locality_lsoas m WHERE m.locality_id = ?');
    else if (level === 'authority') parts.push("SELECT ? AS col, a.code AS lsoa_code FROM areas a WHERE a.level = 'lsoa' AND a.lad_code = ?");
    else continue;
    params.push(code, code);
  }
  if (parts.length === 0) return { sql: 'SELECT CAST(NULL AS VARCHAR) AS col, CAST(NULL AS VARCHAR) AS lsoa_code WHERE FALSE', params: [] };
  return { sql: parts.join('\nUNION ALL\n'), params };
}

/** Small areas of the given codes (wards, localities, authorities), with authority and residents. */
export function compareMembers(db: Database, codes: readonly string[]): Promise<CompareMember[]> {
  const m = membersSql(codes);
  return db.query<CompareMember>(
    `WITH members AS (${m.sql})
     SELECT m.col AS "column", m.lsoa_code, a.lad_code, a.population
       FROM members m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code
      ORDER BY m.col, m.lsoa_code`,
    m.params,
  );
}

/**
 * The columns for a comparison: the codes chosen (in the order chosen; an
 * authority among them is a reference column), then every authority the
 * areas lie in that was not itself chosen, then England.
 */
export async function compareColumns(db: Database, codes: readonly string[]): Promise<CompareColumn[]> {
  const chosen = [...new Set(codes)].filter((c) => levelOfCode(c) !== null && levelOfCode(c) !== 'lsoa');
  const members = await compareMembers(db, chosen);
  const lads = [...new Set(members.map((m) => m.lad_code))].filter((l) => !chosen.includes(l)).sort();
  const all = [...chosen, ...lads];
  const m = membersSql(all);
  const names = await db.query<{ code: string; name: string | null; population: number | null; lsoas: number }>(
    `WITH members AS (${m.sql}), sizes AS (
       SELECT m.col, CAST(SUM(a.population) AS DOUBLE) AS population, COUNT(*) AS lsoas
         FROM members m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code GROUP BY m.col
     ), codes AS (SELECT DISTINCT col FROM members)
     SELECT c.col AS code, COALESCE(l.name, a.name, lad.lad_name) AS name, s.population, COALESCE(s.lsoas, 0) AS lsoas
       FROM codes c
       LEFT JOIN sizes s ON s.col = c.col
       LEFT JOIN localities l ON l.id = c.col
       LEFT JOIN areas a ON a.code = c.col AND a.level IN ('ward', 'lad')
       LEFT JOIN (SELECT DISTINCT lad_code, lad_name FROM areas WHERE level = 'lsoa') lad ON lad.lad_code = c.col`,
    m.params,
  );
  const byCode = new Map(names.map((n) => [n.code, n]));
  const columns: CompareColumn[] = all.flatMap((code) => {
    const n = byCode.get(code);
    const level = levelOfCode(code);
    if (!level) return [];
    // An authority someone adds is an extra column beside the areas, like its own reference column, not one of the areas compared.
    const reference = !chosen.includes(code) || level === 'authority';
    return [{ code, name: n?.name ?? code, level, reference, population: n?.population ?? null, lsoas: n?.lsoas ?? 0 }];
  });
  const england = await englandSize(db);
  columns.push({ code: ENGLAND_CODE, name: 'England', level: 'england', reference: true, ...england });
  return columns;
}

async function englandSize(db: Database): Promise<{ population: number | null; lsoas: number }> {
  const [row] = await db.query<{ population: number | null; lsoas: number }>(
    "SELECT CAST(SUM(population) AS DOUBLE) AS population, COUNT(*) AS lsoas FROM areas WHERE level = 'lsoa'",
  );
  return row ?? { population: null, lsoas: 0 };
}

export interface DomainCount {
  column: string;
  domain: Domain;
  /** Small areas with a score for the domain. */
  lsoas: number;
  /** Of them, in England's most deprived 10 % / 20 % for the domain (official IoD 2025 deciles 1 and 1–2, which come from the national ranks). */
  in_10pct: number;
  in_20pct: number;
  /** Population-weighted mean of the small areas' scores. */
  score: number | null;
}

/** One domain's counts and weighted score per column; identifiers from PROFILE_DOMAINS, checked by safeIdentifier. */
function domainSelect(d: Domain, from: string, column: string): string {
  const v = `t.${safeIdentifier(d)}`;
  const dec = `t.${safeIdentifier(`${d}_decile`)}`;
  return `SELECT ${column} AS "column", '${d}' AS domain,
            COUNT(${v}) AS lsoas,
            COUNT(*) FILTER (WHERE ${dec} = 1) AS in_10pct,
            COUNT(*) FILTER (WHERE ${dec} <= 2) AS in_20pct,
            SUM(${v} * a.population) / SUM(a.population) FILTER (WHERE ${v} IS NOT NULL) AS score
       ${from}`;
}

/** Every domain for the given codes (wards, localities, authorities), one SELECT per domain. */
export async function domainCounts(db: Database, codes: readonly string[]): Promise<DomainCount[]> {
  const m = membersSql(codes);
  const from = `FROM members m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code JOIN iod2025 t ON t.lsoa_code = m.lsoa_code GROUP BY m.col`;
  return db.query<DomainCount>(
    `WITH members AS (${m.sql})
     ${PROFILE_DOMAINS.map((d) => domainSelect(d, from, 'm.col')).join('\nUNION ALL\n')}`,
    m.params,
  );
}

const englandCounts = new WeakMap<Database, Promise<DomainCount[]>>();

/**
 * England's counts (about 3,400 small areas in each 10 %) and its
 * population-weighted scores (the profile's englandDomainSummary). Asked once
 * per database, and only after England's rows are loaded (the caller awaits
 * the database's `england` promise).
 */
export function englandDomainCounts(db: Database): Promise<DomainCount[]> {
  let cached = englandCounts.get(db);
  if (!cached) {
    const from = "FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa'";
    cached = Promise.all([
      db.query<DomainCount>(PROFILE_DOMAINS.map((d) => domainSelect(d, from, `'${ENGLAND_CODE}'`)).join('\nUNION ALL\n')),
      englandDomainSummary(db),
    ]).then(([rows, summary]) => rows.map((r) => ({ ...r, score: summary.get(r.domain)?.england_value ?? r.score })));
    englandCounts.set(db, cached);
  }
  return cached;
}

/** Police records per small area and month for each authority (the crime section's own query). */
export async function crimeByAuthority(db: Database, ladCodes: readonly string[]): Promise<MonthlyCrimeCount[]> {
  const parts = await Promise.all([...new Set(ladCodes)].map((ladCode) => monthlyCrimeCounts(db, { level: 'lsoa', ladCode })));
  return parts.flat();
}

export interface SurveyPriority {
  theme: string;
  /** Responses putting it in their top three (ticked boxes count). */
  top_three: number;
}

export interface AreaSurvey {
  column: string;
  /** Responses placed in the area's small areas. */
  responses: number;
  /** Themes by share of responses, highest first (top three kept). */
  top: SurveyPriority[];
}

/** Residents' priorities in each column's small areas: the survey section's own counts. */
export async function surveyByArea(db: Database, members: readonly CompareMember[], datasetIds?: readonly string[]): Promise<AreaSurvey[]> {
  const byColumn = groupLsoas(members);
  return Promise.all(
    [...byColumn].map(async ([column, lsoaCodes]) => {
      const counts = await themeCounts(db, { lsoaCodes, ...(datasetIds ? { datasetIds } : {}) });
      const responses = counts[0]?.responses ?? 0;
      const top = counts
        .filter((c) => c.top_three > 0)
        .sort((a, b) => b.top_three - a.top_three || a.theme.localeCompare(b.theme))
        .slice(0, 3)
        .map(({ theme, top_three }) => ({ theme, top_three }));
      return { column, responses, top };
    }),
  );
}

export interface AreaGrades {
  column: string;
  /** Grades given on each site's latest visit (every issue), A to D. */
  a: number;
  b: number;
  c: number;
  d: number;
  sites: number;
  first_visit: string | null;
  last_visit: string | null;
}

/** Street-rep grades from each site's latest visit, in each column's small areas. */
export async function streetRepGradesByArea(db: Database, members: readonly CompareMember[]): Promise<AreaGrades[]> {
  return Promise.all(
    [...groupLsoas(members)].map(async ([column, lsoaCodes]) => {
      const ctes = streetRepCtes({ lsoaCodes });
      const [row] = await db.query<Omit<AreaGrades, 'column'>>(
        `WITH ${ctes.sql}
         SELECT COUNT(*) FILTER (WHERE grade = 0) AS a, COUNT(*) FILTER (WHERE grade = 1) AS b,
                COUNT(*) FILTER (WHERE grade = 2) AS c, COUNT(*) FILTER (WHERE grade = 3) AS d,
                COUNT(DISTINCT site_id) AS sites,
                CAST(MIN(visited_on) AS VARCHAR) AS first_visit, CAST(MAX(visited_on) AS VARCHAR) AS last_visit
           FROM grade WHERE recency = 1`,
        ctes.params,
      );
      return { column, ...(row ?? { a: 0, b: 0, c: 0, d: 0, sites: 0, first_visit: null, last_visit: null }) };
    }),
  );
}

/** Theme scores of every small area in a place (standardised within the place), per theme. */
export async function smallAreaThemeScores(
  db: Database,
  place: Place,
  weights: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
): Promise<{ theme: ThemeId; label: string; scores: Map<string, number>; notes: string[] }[]> {
  const components = THEMES.flatMap((t) => t.components);
  const unique = [...new Map(components.map((c) => [c.id, c])).values()];
  const inputs = await themeInputs(db, { place, level: 'lsoa', components: unique });
  return THEMES.map((theme) => {
    const result = themeScores(theme, inputs, weights[theme.id] ?? {});
    const scores = new Map<string, number>();
    result.codes.forEach((code, i) => {
      const s = result.scores[i];
      if (s !== null && s !== undefined) scores.set(code, s);
    });
    return { theme: theme.id, label: theme.label, scores, notes: result.notes };
  });
}

/** The catalogue's label of each domain ("Low income (IoD 2025 score)"), the same rows the profile names its domains from. */
export async function domainCatalogueLabels(db: Database): Promise<Map<Domain, string>> {
  const codes = PROFILE_DOMAINS.map((d) => `iod25_${d}`);
  const rows = await db.query<{ code: string; label: string }>(
    `SELECT code, label FROM catalogue WHERE code IN (${codes.map(() => '?').join(', ')})`,
    codes,
  );
  const byCode = new Map(rows.map((r) => [r.code, r.label]));
  return new Map(PROFILE_DOMAINS.flatMap((d) => (byCode.has(`iod25_${d}`) ? [[d, byCode.get(`iod25_${d}`)!] as const] : [])));
}

export interface LocalityMemberName {
  locality_id: string;
  code: string;
  name: string;
}

/** The wards (or small areas) each locality was made of, named, for the CSV's note rows (locality ids stay out of the file). */
export function localityMemberNames(db: Database, ids: readonly string[]): Promise<LocalityMemberName[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query<LocalityMemberName>(
    `SELECT m.locality_id, m.code, COALESCE(MIN(a.name), m.code) AS name
       FROM locality_members m LEFT JOIN areas a ON a.code = m.code
      WHERE m.locality_id IN (${ids.map(() => '?').join(', ')})
      GROUP BY m.locality_id, m.code ORDER BY m.locality_id, name`,
    [...ids],
  );
}

function groupLsoas(members: readonly CompareMember[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of members) out.set(m.column, [...(out.get(m.column) ?? []), m.lsoa_code]);
  return out;
}
