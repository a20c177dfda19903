import type { Database } from '../database.ts';
import { surveyWhere, type SurveyFilters } from './surveyFilters.ts';

/**
 * The small areas of one local authority where matching responses fall,
 * ignoring filters on who answered. Passed back as `lsoaCodes`, it limits the
 * survey to that authority and makes "residents of the covered areas" the
 * residents of those small areas only (not the whole authority). Responses
 * not placed in a small area cannot be put in an authority and are left out.
 */
export async function surveyLsoasInAuthority(db: Database, f: SurveyFilters, ladCode: string): Promise<string[]> {
  const where = surveyWhere(f, { demographics: false });
  const rows = await db.query<{ code: string }>(
    `SELECT DISTINCT r.lsoa_code AS code
       FROM survey_responses r JOIN areas a ON a.level = 'lsoa' AND a.code = r.lsoa_code
      WHERE a.lad_code = ? AND ${where.sql}
      ORDER BY code`,
    [ladCode, ...where.params],
  );
  return rows.map((r) => r.code);
}

/** An area's name from the built-in areas (ward or small area), or null if unknown. */
export async function areaNameOf(db: Database, code: string): Promise<string | null> {
  const rows = await db.query<{ name: string | null }>('SELECT name FROM areas WHERE code = ? LIMIT 1', [code]);
  return rows[0]?.name ?? null;
}
