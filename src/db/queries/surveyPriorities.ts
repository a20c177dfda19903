import type { Database } from '../database.ts';
import { AGE_BANDS, ETHNIC_GROUPS, SURVEY_THEMES } from '../../ingest/schemas.ts';
import { optionalIn } from '../evidence/sqlFilters.ts';
import { OTHER_THEME } from '../../ingest/importProtocol.ts';
import { surveyWhere, type SurveyFilters } from './surveyFilters.ts';

export type { SurveyFilters } from './surveyFilters.ts';

export interface SurveyTotals {
  responses: number;
  with_age_band: number;
  with_sex: number;
  with_ethnicity: number;
  /** At least one of age band, sex, ethnicity given. */
  with_any_demographics: number;
  with_all_demographics: number;
  /** Placed in a small area (so on the map and in ward counts). */
  with_location: number;
  /** With no place at all (no coordinates, small area or ward: online, phone, post): counted everywhere but on the map and in ward rows. */
  without_place: number;
  /** Naming at least one theme. */
  with_choices: number;
  /** Whose choices are ticked boxes with no rank (a form's checkbox question): chosen, never a first choice. */
  with_unranked_choices: number;
  first_date: string | null;
  last_date: string | null;
  datasets: number;
}

/** How many responses match, and how many of them say who answered. */
export async function surveyTotals(db: Database, f: SurveyFilters): Promise<SurveyTotals> {
  const where = surveyWhere(f);
  const rows = await db.query<SurveyTotals>(
    `SELECT COUNT(*) AS responses,
            COUNT(r.age_band) AS with_age_band, COUNT(r.sex) AS with_sex, COUNT(r.ethnicity) AS with_ethnicity,
            COUNT(*) FILTER (WHERE r.age_band IS NOT NULL OR r.sex IS NOT NULL OR r.ethnicity IS NOT NULL) AS with_any_demographics,
            COUNT(*) FILTER (WHERE r.age_band IS NOT NULL AND r.sex IS NOT NULL AND r.ethnicity IS NOT NULL) AS with_all_demographics,
            COUNT(r.lsoa_code) AS with_location,
            COUNT(*) FILTER (WHERE r.lon IS NULL AND r.lat IS NULL AND r.lsoa_code IS NULL AND r.ward_code IS NULL) AS without_place,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM survey_choices c WHERE c.dataset = r.dataset AND c.response_id = r.id)) AS with_choices,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM survey_choices c WHERE c.dataset = r.dataset AND c.response_id = r.id AND c.rank IS NULL)) AS with_unranked_choices,
            MIN(r.collected_on) AS first_date, MAX(r.collected_on) AS last_date,
            COUNT(DISTINCT r.dataset) AS datasets
       FROM survey_responses r WHERE ${where.sql}`,
    where.params,
  );
  return rows[0] as SurveyTotals;
}

export interface ThemeCount {
  theme: string;
  /** Responses ranking the theme first. */
  first_choice: number;
  /** Responses ranking it first, second or third, or ticking it where choices have no rank. */
  top_three: number;
  /** Responses matching the filters: the denominator of both shares. */
  responses: number;
}

export interface GroupThemeCount extends ThemeCount {
  /** Ward code or venue; null for responses with no ward or no venue. */
  group_code: string | null;
  /** Ward name (from `areas`) or the venue itself. */
  group_name: string | null;
}

/**
 * Per theme, how many of the matching responses chose it first and in their
 * top three. Every one of the eleven themes is listed, with zeros, then any
 * other theme found in the data. A response naming a theme twice counts once,
 * at its better rank. A choice with no rank (ticked boxes, not a ranking)
 * counts as chosen, in the top three, but never as a first choice.
 */
export async function themeCounts(db: Database, f: SurveyFilters): Promise<ThemeCount[]> {
  const rows = await countThemes(db, f, 'none');
  if (rows.length === 0) return SURVEY_THEMES.map((theme) => ({ theme, first_choice: 0, top_three: 0, responses: 0 }));
  return rows.map(({ theme, first_choice, top_three, responses }) => ({ theme, first_choice, top_three, responses }));
}

/** The same counts per ward or per venue; each group's denominator is its own responses. */
export function themeCountsBy(db: Database, f: SurveyFilters, by: 'ward' | 'venue'): Promise<GroupThemeCount[]> {
  return countThemes(db, f, by);
}

const GROUPS = {
  none: { key: 'CAST(NULL AS VARCHAR)', name: 'CAST(NULL AS VARCHAR)', join: '' },
  ward: { key: 'r.ward_code', name: 'w.name', join: "LEFT JOIN areas w ON w.level = 'ward' AND w.code = n.grp" },
  venue: { key: 'r.venue', name: 'n.grp', join: '' },
} as const;

interface RawCount {
  group_code: string | null;
  group_name: string | null;
  responses: number;
  theme: string | null;
  first_choice: number | null;
  top_three: number | null;
}

async function countThemes(db: Database, f: SurveyFilters, by: keyof typeof GROUPS): Promise<GroupThemeCount[]> {
  const where = surveyWhere(f);
  const g = GROUPS[by];
  const rows = await db.query<RawCount>(
    `WITH r AS (
       SELECT r.dataset, r.id, ${g.key} AS grp FROM survey_responses r WHERE ${where.sql}
     ), n AS (
       SELECT grp, COUNT(*) AS responses FROM r GROUP BY grp
     ), best AS (
       SELECT c.dataset, c.response_id, c.theme, MIN(c.rank) AS best_rank
         FROM survey_choices c WHERE c.theme IS NOT NULL GROUP BY c.dataset, c.response_id, c.theme
     ), t AS (
       SELECT r.grp, b.theme,
              COUNT(*) FILTER (WHERE b.best_rank = 1) AS first_choice,
              COUNT(*) FILTER (WHERE b.best_rank IS NULL OR b.best_rank <= 3) AS top_three
         FROM r JOIN best b ON b.dataset = r.dataset AND b.response_id = r.id
        GROUP BY r.grp, b.theme
     )
     SELECT n.grp AS group_code, ${g.name} AS group_name, n.responses, t.theme, t.first_choice, t.top_three
       FROM n LEFT JOIN t ON t.grp IS NOT DISTINCT FROM n.grp ${g.join}`,
    where.params,
  );
  return withEveryTheme(rows);
}

/** One row per group and theme, zeros included, groups by name (unnamed last), themes in survey order. */
function withEveryTheme(rows: RawCount[]): GroupThemeCount[] {
  // Themes kept outside the eleven follow them; "Other" (kept by choice at import) comes last, never mixed in with the eleven.
  const extra = [...new Set(rows.map((r) => r.theme).filter((t): t is string => t !== null && !(SURVEY_THEMES as readonly string[]).includes(t)))].sort(
    (a, b) => Number(a === OTHER_THEME) - Number(b === OTHER_THEME) || a.localeCompare(b),
  );
  const themes = [...SURVEY_THEMES, ...extra];
  const groups = new Map<string | null, { name: string | null; responses: number; counts: Map<string, RawCount> }>();
  for (const r of rows) {
    let g = groups.get(r.group_code);
    if (!g) groups.set(r.group_code, (g = { name: r.group_name, responses: r.responses, counts: new Map() }));
    if (r.theme !== null) g.counts.set(r.theme, r);
  }
  const ordered = [...groups.entries()].sort(([ca, a], [cb, b]) => {
    if (ca === null || cb === null) return ca === null ? (cb === null ? 0 : 1) : -1;
    return (a.name ?? ca).localeCompare(b.name ?? cb);
  });
  return ordered.flatMap(([code, g]) =>
    themes.map((theme) => ({
      group_code: code,
      group_name: g.name,
      theme,
      first_choice: g.counts.get(theme)?.first_choice ?? 0,
      top_three: g.counts.get(theme)?.top_three ?? 0,
      responses: g.responses,
    })),
  );
}

/** How the matching responses with no place came in, commonest first ('not given' for a blank channel). */
export function placelessChannels(db: Database, f: SurveyFilters): Promise<{ channel: string; responses: number }[]> {
  const where = surveyWhere(f);
  return db.query<{ channel: string; responses: number }>(
    `SELECT COALESCE(r.channel, 'not given') AS channel, COUNT(*)::INTEGER AS responses
       FROM survey_responses r
      WHERE r.lon IS NULL AND r.lat IS NULL AND r.lsoa_code IS NULL AND r.ward_code IS NULL AND ${where.sql}
      GROUP BY 1 ORDER BY responses DESC, channel`,
    where.params,
  );
}

export interface SurveyFilterOptions {
  venues: string[];
  age_bands: string[];
  sexes: string[];
  ethnicities: string[];
  wards: { code: string; name: string | null }[];
  first_date: string | null;
  last_date: string | null;
}

/** What the survey filters can offer: the values present in the loaded responses. */
export async function surveyFilterOptions(db: Database, datasetIds?: readonly string[]): Promise<SurveyFilterOptions> {
  const ds = optionalIn('r.dataset', datasetIds) ?? { sql: 'TRUE', params: [] };
  const [values, range] = await Promise.all([
    db.query<{ field: string; value: string; name: string | null }>(
      `WITH r AS (SELECT * FROM survey_responses r WHERE ${ds.sql})
       SELECT DISTINCT 'venue' AS field, venue AS value, NULL AS name FROM r WHERE venue IS NOT NULL
       UNION ALL SELECT DISTINCT 'age_band', age_band, NULL FROM r WHERE age_band IS NOT NULL
       UNION ALL SELECT DISTINCT 'sex', sex, NULL FROM r WHERE sex IS NOT NULL
       UNION ALL SELECT DISTINCT 'ethnicity', ethnicity, NULL FROM r WHERE ethnicity IS NOT NULL
       UNION ALL SELECT DISTINCT 'ward', r.ward_code, w.name FROM r
                 LEFT JOIN areas w ON w.level = 'ward' AND w.code = r.ward_code WHERE r.ward_code IS NOT NULL`,
      ds.params,
    ),
    db.query<{ first_date: string | null; last_date: string | null }>(
      `SELECT MIN(collected_on) AS first_date, MAX(collected_on) AS last_date FROM survey_responses r WHERE ${ds.sql}`,
      ds.params,
    ),
  ]);
  const of = (field: string) => values.filter((v) => v.field === field).map((v) => v.value);
  return {
    venues: of('venue').sort((a, b) => a.localeCompare(b)),
    age_bands: inOrder(of('age_band'), AGE_BANDS),
    sexes: of('sex').sort(),
    ethnicities: inOrder(of('ethnicity'), ETHNIC_GROUPS),
    wards: values
      .filter((v) => v.field === 'ward')
      .map((v) => ({ code: v.value, name: v.name }))
      .sort((a, b) => (a.name ?? a.code).localeCompare(b.name ?? b.code)),
    first_date: range[0]?.first_date ?? null,
    last_date: range[0]?.last_date ?? null,
  };
}

/** Known values in their canonical order, then anything else alphabetically. */
function inOrder(values: string[], canonical: readonly string[]): string[] {
  const rank = (v: string) => (canonical.includes(v) ? canonical.indexOf(v) : canonical.length);
  return values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface SurveyPoint {
  dataset: string;
  id: string | null;
  lon: number;
  lat: number;
  venue: string | null;
  collected_on: string | null;
  ward_code: string | null;
  /** The theme ranked first, if any. */
  first_choice: string | null;
}

/** Matching responses that have coordinates, for the map. */
export function surveyPoints(db: Database, f: SurveyFilters): Promise<SurveyPoint[]> {
  const where = surveyWhere(f);
  return db.query<SurveyPoint>(
    `WITH first AS (
       SELECT dataset, response_id, MIN(theme) AS theme FROM survey_choices WHERE rank = 1 GROUP BY dataset, response_id
     )
     SELECT r.dataset, r.id, r.lon, r.lat, r.venue, r.collected_on, r.ward_code, first.theme AS first_choice
       FROM survey_responses r
       LEFT JOIN first ON first.dataset = r.dataset AND first.response_id = r.id
      WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL AND ${where.sql}
      ORDER BY r.dataset, r.source_row`,
    where.params,
  );
}
