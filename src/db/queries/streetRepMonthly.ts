import type { Database } from '../database.ts';
import { allOf, compare } from '../evidence/sqlFilters.ts';
import { streetRepCtes, type StreetRepFilters } from './streetRepScope.ts';

/** Which sites, and which issues' grades, the monthly series covers. */
export interface StreetRepMonthlyFilters {
  datasetIds?: readonly string[];
  /** One authority (sites placed by their ward); omitted = every site. */
  ladCode?: string;
  wardCode?: string;
  /** One form heading (e.g. 'Green & clean'); omitted = every issue. */
  heading?: string;
  /** One issue (e.g. 'Fly-tipping'); omitted = every issue (of the heading, if one is given). */
  issue?: string;
}

export interface MonthlySite {
  site_id: string;
  name: string | null;
  lon: number | null;
  lat: number | null;
  ward_code: string | null;
  ward_name: string | null;
}

export interface SiteMonthGrade {
  site_id: string;
  /** 'YYYY-MM' of the visit date. */
  month: string;
  /** Mean grade (0 = A … 3 = D) over the chosen issues: each visit's mean, averaged over the month's visits. */
  grade: number;
  /** Graded visits to the site that month. */
  visits: number;
}

/**
 * Street-rep grades as a monthly series per site, for the emerging hot spot
 * test: every site in scope (with its place, graded or not) and, per site and
 * calendar month, the mean grade over the chosen heading's issues. A month
 * with two visits counts each visit equally, however many issues each graded.
 * Sites come in ward, name, id order; grades oldest month first.
 */
export async function streetRepMonthly(db: Database, f: StreetRepMonthlyFilters): Promise<{ sites: MonthlySite[]; grades: SiteMonthGrade[] }> {
  const scope: StreetRepFilters = { datasetIds: f.datasetIds, ladCode: f.ladCode, wardCode: f.wardCode };
  const ctes = streetRepCtes(scope);
  const heading = allOf([compare('heading', '=', f.heading), compare('issue', '=', f.issue)]);
  const [sites, grades] = await Promise.all([
    db.query<MonthlySite>(
      `WITH ${ctes.sql}
       SELECT site_id, name, lon, lat, ward_code, ward_name FROM site
        ORDER BY ward_name NULLS LAST, name, site_id`,
      ctes.params,
    ),
    db.query<SiteMonthGrade>(
      `WITH ${ctes.sql}, per_visit AS (
         SELECT site_id, dataset, visit_id, substr(visited_on, 1, 7) AS month, AVG(grade) AS mean_grade
           FROM grade
          WHERE visited_on IS NOT NULL AND ${heading.sql}
          GROUP BY site_id, dataset, visit_id, visited_on
       )
       SELECT site_id, month, AVG(mean_grade)::DOUBLE AS grade, COUNT(*)::INTEGER AS visits
         FROM per_visit GROUP BY site_id, month
        ORDER BY site_id, month`,
      [...ctes.params, ...heading.params],
    ),
  ]);
  return { sites, grades };
}

