import type { Database } from '../database.ts';
import { surveyWhere, type SurveyFilters } from './surveyFilters.ts';

export interface SurveyComment {
  dataset: string;
  id: string | null;
  /** Spreadsheet row the response came from, to find it in the file. */
  source_row: number;
  collected_on: string | null;
  venue: string | null;
  channel: string | null;
  ward_name: string | null;
  /** As the resident wrote it: shown as text, never as HTML. */
  free_text: string;
}

export interface SurveyComments {
  /** Matching responses with a comment, before the search. */
  with_comment: number;
  /** Of those, how many contain the search words. */
  matching: number;
  /** The first `limit` of them, oldest response first. */
  comments: SurveyComment[];
}

/** `%` and `_` typed by a person are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Free-text comments of the responses matching the survey filters (venue,
 * dates, who answered, ward), optionally only those containing every word
 * of `search` (any case). The search words are bound parameters.
 */
export async function surveyComments(db: Database, f: SurveyFilters, options: { search?: string; limit?: number } = {}): Promise<SurveyComments> {
  const where = surveyWhere(f);
  const words = (options.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 12);
  const search = words.length ? words.map(() => "r.free_text ILIKE ? ESCAPE '\\'").join(' AND ') : 'TRUE';
  const limit = Math.max(1, Math.min(options.limit ?? 50, 5000));
  const base = `FROM survey_responses r WHERE r.free_text IS NOT NULL AND trim(r.free_text) <> '' AND ${where.sql}`;
  const [counts, comments] = await Promise.all([
    db.query<{ with_comment: number; matching: number }>(
      `SELECT COUNT(*)::INTEGER AS with_comment, COUNT(*) FILTER (WHERE ${search})::INTEGER AS matching ${base}`,
      [...words.map(likePattern), ...where.params],
    ),
    db.query<SurveyComment>(
      `SELECT r.dataset, r.id, r.source_row, r.collected_on, r.venue, r.channel, w.name AS ward_name, r.free_text
         FROM survey_responses r LEFT JOIN areas w ON w.level = 'ward' AND w.code = r.ward_code
        WHERE r.free_text IS NOT NULL AND trim(r.free_text) <> '' AND ${where.sql} AND ${search}
        ORDER BY r.collected_on NULLS LAST, r.dataset, r.source_row
        LIMIT ?`,
      [...where.params, ...words.map(likePattern), limit],
    ),
  ]);
  return { with_comment: counts[0]?.with_comment ?? 0, matching: counts[0]?.matching ?? 0, comments };
}
