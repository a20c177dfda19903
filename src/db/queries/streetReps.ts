import type { Database } from '../database.ts';
import { numberList, optionalIn } from '../evidence/sqlFilters.ts';
import { streetRepCtes, type StreetRepFilters } from './streetRepScope.ts';

export type { StreetRepFilters } from './streetRepScope.ts';

/** Grades are stored 0–3 for A–D. */
export type Grade = 0 | 1 | 2 | 3;

export interface SiteLatest {
  site_id: string;
  name: string | null;
  lon: number | null;
  lat: number | null;
  lsoa_code: string | null;
  ward_code: string | null;
  ward_name: string | null;
  /** Visits in the date range. */
  visits: number;
  /** Date of the latest visit; null when the site has no visit in the range. */
  latest_visit: string | null;
  /** The worst (highest) grade given on the latest visit, over the chosen heading or all issues. */
  worst_grade: Grade | null;
  /** Worst grade on the latest visit under each heading graded then. */
  worst_by_heading: Record<string, Grade>;
}

/**
 * Every site in scope with its latest visit and the worst grade given then
 * (optionally only under one heading), and the worst per heading. Sites with
 * no visit in the range are listed with nulls.
 */
export async function sitesWithLatestGrades(
  db: Database,
  f: StreetRepFilters & { heading?: string },
): Promise<SiteLatest[]> {
  const ctes = streetRepCtes(f);
  const heading = f.heading === undefined ? { sql: 'TRUE', params: [] } : { sql: 'g.heading = ?', params: [f.heading] };
  const [sites, headings] = await Promise.all([
    db.query<Omit<SiteLatest, 'worst_by_heading'>>(
      `WITH ${ctes.sql}, counts AS (
         SELECT site_id, COUNT(*) AS visits, MAX(visited_on) FILTER (WHERE recency = 1) AS latest_visit FROM visit GROUP BY site_id
       ), worst AS (
         SELECT site_id, MAX(grade) AS worst_grade FROM grade g WHERE recency = 1 AND ${heading.sql} GROUP BY site_id
       )
       SELECT s.site_id, s.name, s.lon, s.lat, s.lsoa_code, s.ward_code, s.ward_name,
              COALESCE(c.visits, 0) AS visits, c.latest_visit, w.worst_grade
         FROM site s LEFT JOIN counts c ON c.site_id = s.site_id LEFT JOIN worst w ON w.site_id = s.site_id
        ORDER BY s.ward_name NULLS LAST, s.name, s.site_id`,
      [...ctes.params, ...heading.params],
    ),
    db.query<{ site_id: string; heading: string; worst: Grade }>(
      `WITH ${ctes.sql}
       SELECT site_id, heading, MAX(grade) AS worst FROM grade
        WHERE recency = 1 AND heading IS NOT NULL GROUP BY site_id, heading`,
      ctes.params,
    ),
  ]);
  const bySite = new Map<string, Record<string, Grade>>();
  for (const h of headings) {
    const record = bySite.get(h.site_id) ?? {};
    record[h.heading] = h.worst;
    bySite.set(h.site_id, record);
  }
  return sites.map((s) => ({ ...s, worst_by_heading: bySite.get(s.site_id) ?? {} }));
}

export interface SiteGrade {
  dataset: string;
  visit_id: string;
  visited_on: string;
  visit_time: string | null;
  rep: string | null;
  issue: string;
  heading: string | null;
  grade: Grade;
}

/** Every grade a site was given, oldest visit first, for its trend chart. */
export function siteHistory(db: Database, siteId: string, datasetIds?: readonly string[]): Promise<SiteGrade[]> {
  const ds = optionalIn('v.dataset', datasetIds) ?? { sql: 'TRUE', params: [] };
  return db.query<SiteGrade>(
    `SELECT v.dataset, v.id AS visit_id, v.visited_on, v.visit_time, v.rep, g.issue, g.heading, g.grade
       FROM street_rep_visits v JOIN street_rep_grades g ON g.dataset = v.dataset AND g.visit_id = v.id
      WHERE v.site_id = ? AND g.grade IS NOT NULL AND ${ds.sql}
      ORDER BY v.visited_on, v.visit_time NULLS FIRST, v.dataset, v.id, g.issue`,
    [siteId, ...ds.params],
  );
}

export interface WardGradeMix {
  ward_code: string | null;
  ward_name: string | null;
  issue: string;
  heading: string | null;
  /** Sites graded A, B, C, D for this issue on their latest visit. */
  a: number;
  b: number;
  c: number;
  d: number;
  sites: number;
}

/** Per ward and issue, how many sites got each grade on their latest visit (optionally one heading only). */
export function gradeMixByWard(db: Database, f: StreetRepFilters, heading?: string): Promise<WardGradeMix[]> {
  const ctes = streetRepCtes(f);
  const h = heading === undefined ? { sql: 'TRUE', params: [] } : { sql: 'g.heading = ?', params: [heading] };
  return db.query<WardGradeMix>(
    `WITH ${ctes.sql}
     SELECT s.ward_code, s.ward_name, g.issue, g.heading,
            COUNT(*) FILTER (WHERE g.grade = 0) AS a, COUNT(*) FILTER (WHERE g.grade = 1) AS b,
            COUNT(*) FILTER (WHERE g.grade = 2) AS c, COUNT(*) FILTER (WHERE g.grade = 3) AS d,
            COUNT(DISTINCT g.site_id) AS sites
       FROM grade g JOIN site s ON s.site_id = g.site_id
      WHERE g.recency = 1 AND ${h.sql}
      GROUP BY s.ward_code, s.ward_name, g.issue, g.heading
      ORDER BY s.ward_name NULLS LAST, s.ward_code, g.heading, g.issue`,
    [...ctes.params, ...h.params],
  );
}

export interface WorseningIssue {
  site_id: string;
  site_name: string | null;
  lon: number | null;
  lat: number | null;
  ward_code: string | null;
  ward_name: string | null;
  issue: string;
  heading: string | null;
  from_grade: Grade;
  to_grade: Grade;
  from_date: string;
  to_date: string;
  /** The grades in the window, oldest first. */
  grades: Grade[];
  /** 'rising': never fell and ended higher; 'above-usual': every grade in the window is at least one grade above the issue's usual grade before it. */
  rule: 'rising' | 'above-usual';
  /** The median grade of the site's earlier visits that graded the issue (null with fewer earlier visits than the window). */
  usual_grade: number | null;
}

/**
 * Issues getting worse. For each site and issue take the last `visits`
 * visits at which that issue was graded (at least 2; default 3), oldest to
 * newest. The issue is getting worse when the grade never falls from one of
 * those visits to the next AND the latest grade is higher than the oldest
 * (e.g. A→B→B or B→C→D, but not A→C→B and not B→B→B). It is also getting
 * worse when it has risen and stayed up: every grade in the window is at least
 * one grade above the issue's usual grade (the median of at least as many
 * earlier graded visits) — e.g. B B B B B B C D D D. Site–issue pairs with
 * fewer graded visits than the window are not judged. Biggest rises first.
 */
export async function gettingWorse(
  db: Database,
  f: StreetRepFilters,
  options: { visits?: number } = {},
): Promise<WorseningIssue[]> {
  const window = options.visits ?? 3;
  if (!Number.isInteger(window) || window < 2) throw new Error('Getting worse needs a window of at least 2 visits.');
  const ctes = streetRepCtes(f);
  const rows = await db.query<Omit<WorseningIssue, 'grades'> & { grades: unknown }>(
    `WITH ${ctes.sql}, ordered AS (
       SELECT g.*, row_number() OVER (PARTITION BY g.site_id, g.issue
                                      ORDER BY g.visited_on DESC, g.visit_time DESC NULLS LAST, g.dataset DESC, g.visit_id DESC) AS k
         FROM grade g
     ), recent AS (
       SELECT o.*, lag(o.grade) OVER (PARTITION BY o.site_id, o.issue ORDER BY o.k DESC) AS previous
         FROM ordered o WHERE o.k <= ?
     ), judged AS (
       SELECT site_id, issue, any_value(heading) AS heading, COUNT(*) AS n,
              arg_max(grade, k) AS from_grade, arg_min(grade, k) AS to_grade,
              arg_max(visited_on, k) AS from_date, arg_min(visited_on, k) AS to_date,
              bool_and(previous IS NULL OR grade >= previous) AS never_falls,
              MIN(grade) AS lowest,
              list(grade ORDER BY k DESC) AS grades
         FROM recent GROUP BY site_id, issue
     ), usual AS (
       SELECT site_id, issue, median(grade)::DOUBLE AS usual_grade, COUNT(*) AS earlier FROM ordered WHERE k > ? GROUP BY site_id, issue
     ), flagged AS (
       SELECT j.*, CASE WHEN u.earlier >= ? THEN u.usual_grade END AS usual_grade,
              j.never_falls AND j.to_grade > j.from_grade AS rising,
              u.earlier >= ? AND j.lowest >= u.usual_grade + 1 AS above_usual
         FROM judged j LEFT JOIN usual u ON u.site_id = j.site_id AND u.issue = j.issue
        WHERE j.n = ?
     )
     SELECT f.site_id, s.name AS site_name, s.lon, s.lat, s.ward_code, s.ward_name, f.issue, f.heading,
            f.from_grade, f.to_grade, f.from_date, f.to_date, f.grades,
            CASE WHEN f.rising THEN 'rising' ELSE 'above-usual' END AS rule, f.usual_grade
       FROM flagged f JOIN site s ON s.site_id = f.site_id
      WHERE f.rising OR COALESCE(f.above_usual, FALSE)
      ORDER BY CASE WHEN f.rising THEN f.to_grade - f.from_grade ELSE f.to_grade - f.usual_grade END DESC,
               f.to_grade DESC, s.ward_name NULLS LAST, s.name, f.issue`,
    [...ctes.params, window, window, window, window, window],
  );
  return rows.map((r) => ({ ...r, grades: numberList(r.grades) as Grade[] }));
}

export interface FormSite {
  site_id: string;
  name: string | null;
  lon: number | null;
  lat: number | null;
  lsoa_code: string | null;
}

/** A ward's sites (from every loaded file), for the printable blank monitoring form. */
export async function sitesForForm(db: Database, wardCode: string): Promise<FormSite[]> {
  const ctes = streetRepCtes({ wardCode });
  return db.query<FormSite>(
    `WITH ${ctes.sql}
     SELECT site_id, name, lon, lat, lsoa_code FROM site ORDER BY name, site_id`,
    ctes.params,
  );
}
