import { safeIdentifier, type Database } from '../database.ts';
import { allOf, compare, optionalIn, type SqlPart } from '../evidence/sqlFilters.ts';
import { surveyWhere, type SurveyFilters } from './surveyFilters.ts';

export interface RespondentGroup {
  /** The age band, sex or ethnic group as collected; null = not given. */
  group: string | null;
  responses: number;
}

/** Matching responses by the given field (fixed column names, chosen here). */
function respondentsBy(db: Database, f: SurveyFilters, column: 'age_band' | 'sex' | 'ethnicity'): Promise<RespondentGroup[]> {
  const where = surveyWhere(f);
  const col = `r.${safeIdentifier(column)}`;
  return db.query<RespondentGroup>(
    `SELECT ${col} AS "group", COUNT(*) AS responses FROM survey_responses r WHERE ${where.sql}
      GROUP BY ${col} ORDER BY ${col} NULLS LAST`,
    where.params,
  );
}

export const respondentsByAgeBand = (db: Database, f: SurveyFilters) => respondentsBy(db, f, 'age_band');
export const respondentsBySex = (db: Database, f: SurveyFilters) => respondentsBy(db, f, 'sex');
export const respondentsByEthnicity = (db: Database, f: SurveyFilters) => respondentsBy(db, f, 'ethnicity');

/** The census table's five-year age bands, youngest first. */
export const CENSUS_AGE_COLUMNS = [
  'age_00_04', 'age_05_09', 'age_10_14', 'age_15_19', 'age_20_24', 'age_25_29', 'age_30_34', 'age_35_39', 'age_40_44',
  'age_45_49', 'age_50_54', 'age_55_59', 'age_60_64', 'age_65_69', 'age_70_74', 'age_75_79', 'age_80_84', 'age_85_plus',
] as const;
/** The census table's five high-level ethnic groups, and their total. */
export const CENSUS_ETHNIC_COLUMNS = ['ethnic_asian', 'ethnic_black', 'ethnic_mixed', 'ethnic_white', 'ethnic_other', 'ethnic_total'] as const;

type CensusCounts = Record<(typeof CENSUS_AGE_COLUMNS)[number] | (typeof CENSUS_ETHNIC_COLUMNS)[number], number | null>;

export interface CoveredResidents extends CensusCounts {
  /** Which areas were summed: a ward's small areas, the listed small areas, or those where responses fall. */
  basis: 'ward' | 'lsoas' | 'responses';
  /** Small areas summed. */
  lsoas: number;
  /** Of those, small areas with no Census 2021 row (outside the five built-in authorities). */
  lsoas_without_census: number;
  population: number | null;
}

/**
 * Census 2021 residents of the areas the responses speak for, raw five-year
 * bands and ethnic groups, summed over: the selected ward's small areas (if a
 * ward is chosen), else the listed small areas, else every small area where a
 * matching response falls. Filters on who answered (age band, sex, ethnicity)
 * do not change the areas: they are what is being compared.
 */
export async function residentsOfCoveredAreas(db: Database, f: SurveyFilters): Promise<CoveredResidents> {
  const { basis, scope } = coveredAreas(f);
  const sums = [...CENSUS_AGE_COLUMNS, ...CENSUS_ETHNIC_COLUMNS, 'population'].map((c) => `CAST(SUM(c.${safeIdentifier(c)}) AS BIGINT) AS ${safeIdentifier(c)}`);
  const rows = await db.query<Omit<CoveredResidents, 'basis'>>(
    `SELECT COUNT(*) AS lsoas, COUNT(*) FILTER (WHERE c.lsoa_code IS NULL) AS lsoas_without_census, ${sums.join(', ')}
       FROM areas a LEFT JOIN census c ON c.lsoa_code = a.code
      WHERE a.level = 'lsoa' AND ${scope.sql}`,
    scope.params,
  );
  return { basis, ...(rows[0] as Omit<CoveredResidents, 'basis'>) };
}

function coveredAreas(f: SurveyFilters): { basis: CoveredResidents['basis']; scope: SqlPart } {
  if (f.wardCode !== undefined || f.lsoaCodes !== undefined) {
    return {
      basis: f.wardCode !== undefined ? 'ward' : 'lsoas',
      scope: allOf([compare('a.ward_code', '=', f.wardCode), optionalIn('a.code', f.lsoaCodes)]),
    };
  }
  const where = surveyWhere(f, { demographics: false });
  return {
    basis: 'responses',
    scope: { sql: `a.code IN (SELECT r.lsoa_code FROM survey_responses r WHERE ${where.sql})`, params: where.params },
  };
}

export interface WardResponses {
  ward_code: string;
  ward_name: string | null;
  lad_code: string | null;
  responses: number;
  /** Census 2021 residents: the sum over the ward's small areas. */
  population: number | null;
}

/**
 * Matching responses per ward beside the ward's residents, for "too few
 * responses" flags. With an authority given, every ward in it is listed
 * (zeros included); otherwise only wards with responses.
 */
export function responsesPerWard(db: Database, f: SurveyFilters, ladCode?: string): Promise<WardResponses[]> {
  const where = surveyWhere(f);
  const wards: SqlPart =
    ladCode === undefined
      ? { sql: 'w.code IN (SELECT ward_code FROM n)', params: [] }
      : { sql: 'w.lad_code = ?', params: [ladCode] };
  return db.query<WardResponses>(
    `WITH n AS (
       SELECT r.ward_code, COUNT(*) AS responses FROM survey_responses r
        WHERE r.ward_code IS NOT NULL AND ${where.sql} GROUP BY r.ward_code
     ), pop AS (
       SELECT ward_code, CAST(SUM(population) AS BIGINT) AS population FROM areas WHERE level = 'lsoa' GROUP BY ward_code
     )
     SELECT w.code AS ward_code, w.name AS ward_name, w.lad_code, COALESCE(n.responses, 0) AS responses, pop.population
       FROM areas w LEFT JOIN n ON n.ward_code = w.code LEFT JOIN pop ON pop.ward_code = w.code
      WHERE w.level = 'ward' AND ${wards.sql}
      ORDER BY w.name, w.code`,
    [...where.params, ...wards.params],
  );
}
