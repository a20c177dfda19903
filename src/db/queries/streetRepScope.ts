import { allOf, compare, optionalIn, type SqlPart } from '../evidence/sqlFilters.ts';

/**
 * Which street-rep sites and visits a view covers. Omitted fields do not
 * filter; an empty list matches nothing. Dates are ISO 'YYYY-MM-DD',
 * inclusive: with `to` set, "latest" means latest on or before that date.
 */
export interface StreetRepFilters {
  datasetIds?: readonly string[];
  wardCode?: string;
  ladCode?: string;
  lsoaCodes?: readonly string[];
  from?: string;
  to?: string;
}

/**
 * Common table expressions every street-rep query starts from:
 * - `site`: one row per site_id. A site is identified by its site_id across
 *   all loaded files, so monitoring rounds imported as separate files form
 *   one history; its name and place come from the most recently loaded file
 *   that lists it.
 * - `visit`: the sites' visits within the dates, with `recency` 1 = latest
 *   (ties broken by time of day, then file and visit id, so it is stable).
 * - `grade`: every grade given on those visits.
 */
export function streetRepCtes(f: StreetRepFilters): SqlPart {
  const siteDataset = allOf([optionalIn('s.dataset', f.datasetIds)]);
  const sitePlace = allOf([
    compare('l.ward_code', '=', f.wardCode),
    compare('l.lad_code', '=', f.ladCode),
    optionalIn('l.lsoa_code', f.lsoaCodes),
  ]);
  const visitWhere = allOf([
    optionalIn('v.dataset', f.datasetIds),
    compare('v.visited_on', '>=', f.from),
    compare('v.visited_on', '<=', f.to),
  ]);
  const sql = `latest_site AS (
       SELECT s.site_id, s.name, s.lon, s.lat, s.lsoa_code, s.ward_code, w.name AS ward_name, w.lad_code
         FROM street_rep_sites s
         JOIN datasets d ON d.id = s.dataset
         LEFT JOIN areas w ON w.level = 'ward' AND w.code = s.ward_code
        WHERE s.site_id IS NOT NULL AND ${siteDataset.sql}
      QUALIFY row_number() OVER (PARTITION BY s.site_id ORDER BY d.loaded_at DESC, s.dataset DESC) = 1
     ), site AS (
       SELECT * FROM latest_site l WHERE ${sitePlace.sql}
     ), visit AS (
       SELECT v.dataset, v.id, v.site_id, v.visited_on, v.visit_time, v.rep,
              row_number() OVER (PARTITION BY v.site_id
                                 ORDER BY v.visited_on DESC, v.visit_time DESC NULLS LAST, v.dataset DESC, v.id DESC) AS recency
         FROM street_rep_visits v
        WHERE v.site_id IN (SELECT site_id FROM site) AND ${visitWhere.sql}
     ), grade AS (
       SELECT v.site_id, v.dataset, v.id AS visit_id, v.visited_on, v.visit_time, v.recency, g.issue, g.heading, g.grade
         FROM visit v JOIN street_rep_grades g ON g.dataset = v.dataset AND g.visit_id = v.id
        WHERE g.grade IS NOT NULL
     )`;
  return { sql, params: [...siteDataset.params, ...sitePlace.params, ...visitWhere.params] };
}
