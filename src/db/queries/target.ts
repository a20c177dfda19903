import { safeIdentifier, type Database, type SqlParam } from '../database.ts';
import { placeScope, type Place } from './places.ts';
import { gettingWorse } from './streetReps.ts';
import { streetRepCtes } from './streetRepScope.ts';
import { tableExists } from '../evidence/tables.ts';
import type { MapLevel } from '../../geo/levels.ts';
import type { ThemeId } from '../../analysis/themes/definitions.ts';

/** An IoD 2025 domain column (iod2025.<domain>_decile) and its name in plain English. */
export interface TargetDomain {
  domain: 'imd' | 'crime' | 'housing_services' | 'living_environment' | 'sub_geographical_barriers';
  label: string;
}

const DOMAINS = {
  imd: { domain: 'imd', label: 'overall deprivation' },
  crime: { domain: 'crime', label: 'crime' },
  housing_services: { domain: 'housing_services', label: 'barriers to housing and services' },
  living_environment: { domain: 'living_environment', label: 'living environment' },
  // A sub-domain of Barriers to Housing and Services, counted so a reason can say when distance (often rural) is behind that domain's count.
  sub_geographical_barriers: { domain: 'sub_geographical_barriers', label: 'distance to local services' },
} as const satisfies Record<string, TargetDomain>;

/**
 * The IoD domains that hold each theme's official measures (definitions.ts):
 * housing uses Wider barriers (a sub-domain of Barriers to Housing and
 * Services) and Indoors (of Living Environment); safety the Crime domain;
 * communal areas only Outdoors (of Living Environment), as context. The
 * whole domain is counted (the official 10 %/20 % are for domains); housing
 * also counts the Geographical Barriers sub-domain (distance to services),
 * the other half of its domain, as context. The overall IMD is always last.
 */
export const THEME_DOMAINS: Readonly<Record<ThemeId, readonly TargetDomain[]>> = {
  housing: [DOMAINS.housing_services, DOMAINS.sub_geographical_barriers, DOMAINS.living_environment, DOMAINS.imd],
  safety: [DOMAINS.crime, DOMAINS.imd],
  communal: [DOMAINS.living_environment, DOMAINS.imd],
};

/** A small area and the row (itself, its ward, or a locality holding it) it counts towards. */
export interface TargetMember {
  lsoa_code: string;
  lsoa_name: string;
  area_code: string;
  area_name: string;
  ward_code: string | null;
  ward_name: string | null;
  /** Census 2021 residents. */
  population: number | null;
}

export interface DeprivationCount {
  domain: TargetDomain['domain'];
  label: string;
  /** Small areas with an IoD 2025 decile for this domain. */
  lsoas: number;
  /** In England's most deprived 10 % (decile 1) and 20 % (deciles 1–2). */
  in10: number;
  in20: number;
}

export interface AreaSurvey {
  /** Responses placed in the row's small areas. */
  responses: number;
  /** Responses ranking each theme first, most first. Unranked (ticked) choices are never a first choice. */
  firstChoices: { theme: string; n: number }[];
}

export interface WorseningSummary {
  issue: string;
  heading: string | null;
  /** Sites where this issue is getting worse. */
  sites: number;
}

export interface TargetEvidence {
  members: TargetMember[];
  /** By row code, in THEME_DOMAINS order. */
  deprivation: Map<string, DeprivationCount[]>;
  /** By row code; rows with no placed response are absent. */
  survey: Map<string, AreaSurvey>;
  /** By row code; rows with no issue getting worse are absent. */
  worsening: Map<string, WorseningSummary[]>;
  /** Whether any survey responses / street-rep visits are loaded at all (so "none here" can be told from "none loaded"). */
  surveyLoaded: boolean;
  streetRepsLoaded: boolean;
}

/** Visits the "getting worse" rule looks back over (as on the street-reps tab). */
export const WORSENING_VISITS = 3;

/**
 * `m`: every small area in the place with the row it counts towards. A
 * locality's small areas come from locality_lsoas (its wards' best-fit small
 * areas and any small area added on its own); only those inside the place count.
 */
function membersCte(place: Place, level: MapLevel): { sql: string; params: SqlParam[] } {
  const scope = placeScope(place);
  const row =
    level === 'lsoa'
      ? { code: 'a.code', name: 'a.name', join: '' }
      : level === 'ward'
        ? { code: 'a.ward_code', name: 'w.name', join: "JOIN areas w ON w.level = 'ward' AND w.code = a.ward_code" }
        : { code: 'l.id', name: 'l.name', join: 'JOIN locality_lsoas ll ON ll.lsoa_code = a.code JOIN localities l ON l.id = ll.locality_id' };
  return {
    sql: `m AS (
       SELECT a.code AS lsoa_code, a.name AS lsoa_name, ${row.code} AS area_code, ${row.name} AS area_name,
              a.ward_code, a.ward_name, a.population
         FROM areas a ${row.join}
        WHERE a.level = 'lsoa' AND ${scope.sql}
     )`,
    params: scope.params,
  };
}

/**
 * The evidence beside each row of "Where to target": per ward, locality or
 * small area in the place, how many of its small areas are in England's most
 * deprived 10 % and 20 % for the theme's IoD domains and overall, what the
 * residents placed there put first, and which street-rep issues are getting
 * worse at its sites. All counted from small areas, so a ward is exactly the
 * sum of the small areas drawn inside it.
 */
export async function targetEvidence(db: Database, q: { place: Place; level: MapLevel; theme: ThemeId }): Promise<TargetEvidence> {
  if (q.level === 'locality' && !(await tableExists(db, 'locality_lsoas'))) {
    return { members: [], deprivation: new Map(), survey: new Map(), worsening: new Map(), surveyLoaded: false, streetRepsLoaded: false };
  }
  const m = membersCte(q.place, q.level);
  const members = await db.query<TargetMember>(`WITH ${m.sql} SELECT * FROM m ORDER BY area_code, lsoa_code`, m.params);
  const [deprivation, survey, worsening] = await Promise.all([
    deprivationCounts(db, m, THEME_DOMAINS[q.theme]),
    surveyFirstChoices(db, m, q.level),
    worseningIssues(db, q.place, q.level, members),
  ]);
  return { members, deprivation, survey: survey.byArea, worsening: worsening.byArea, surveyLoaded: survey.loaded, streetRepsLoaded: worsening.loaded };
}

async function deprivationCounts(db: Database, m: { sql: string; params: SqlParam[] }, domains: readonly TargetDomain[]): Promise<Map<string, DeprivationCount[]>> {
  // Column names come from THEME_DOMAINS, never from the user, and are checked anyway.
  const columns = domains.map((d, i) => {
    const dec = `t.${safeIdentifier(`${d.domain}_decile`)}`;
    return `COUNT(${dec}) AS n${i}, COUNT(*) FILTER (WHERE ${dec} = 1) AS d10_${i}, COUNT(*) FILTER (WHERE ${dec} <= 2) AS d20_${i}`;
  });
  const rows = await db.query<Record<string, number | string>>(
    `WITH ${m.sql}
     SELECT m.area_code, ${columns.join(', ')}
       FROM m LEFT JOIN iod2025 t ON t.lsoa_code = m.lsoa_code
      GROUP BY m.area_code`,
    m.params,
  );
  return new Map(
    rows.map((r) => [
      String(r.area_code),
      domains.map((d, i) => ({ domain: d.domain, label: d.label, lsoas: Number(r[`n${i}`]), in10: Number(r[`d10_${i}`]), in20: Number(r[`d20_${i}`]) })),
    ]),
  );
}

async function surveyFirstChoices(db: Database, m: { sql: string; params: SqlParam[] }, level: MapLevel): Promise<{ loaded: boolean; byArea: Map<string, AreaSurvey> }> {
  const byArea = new Map<string, AreaSurvey>();
  if (!(await tableExists(db, 'survey_responses')) || !(await tableExists(db, 'survey_choices'))) return { loaded: false, byArea };
  const [any] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses');
  if (!any?.n) return { loaded: false, byArea };
  // A ward also takes responses placed in the ward but in no small area, as its theme score does (themeInputs).
  const placed =
    level === 'ward'
      ? `SELECT r.dataset, r.id, COALESCE(l.ward_code, r.ward_code) AS area_code
           FROM survey_responses r LEFT JOIN areas l ON l.level = 'lsoa' AND l.code = r.lsoa_code
          WHERE COALESCE(l.ward_code, r.ward_code) IN (SELECT area_code FROM m)`
      : 'SELECT r.dataset, r.id, m.area_code FROM survey_responses r JOIN m ON m.lsoa_code = r.lsoa_code';
  // The same rule as the survey tab: a theme named twice counts once, at its better rank.
  const rows = await db.query<{ area_code: string; responses: number; theme: string | null; first_choice: number | null }>(
    `WITH ${m.sql}, r AS (${placed}), n AS (
       SELECT area_code, COUNT(*) AS responses FROM r GROUP BY area_code
     ), best AS (
       SELECT c.dataset, c.response_id, c.theme, MIN(c.rank) AS best_rank
         FROM survey_choices c WHERE c.theme IS NOT NULL GROUP BY c.dataset, c.response_id, c.theme
     ), f AS (
       SELECT r.area_code, b.theme, COUNT(*) AS first_choice
         FROM r JOIN best b ON b.dataset = r.dataset AND b.response_id = r.id
        WHERE b.best_rank = 1 GROUP BY r.area_code, b.theme
     )
     SELECT n.area_code, n.responses, f.theme, f.first_choice FROM n LEFT JOIN f ON f.area_code = n.area_code
      ORDER BY n.area_code, f.first_choice DESC NULLS LAST, f.theme`,
    m.params,
  );
  for (const r of rows) {
    const s = byArea.get(r.area_code) ?? { responses: Number(r.responses), firstChoices: [] };
    if (r.theme !== null && r.first_choice) s.firstChoices.push({ theme: r.theme, n: Number(r.first_choice) });
    byArea.set(r.area_code, s);
  }
  return { loaded: true, byArea };
}

/** Issues getting worse (gettingWorse, the street-reps tab's rule) at the sites in each row's small areas. */
async function worseningIssues(db: Database, place: Place, level: MapLevel, members: readonly TargetMember[]): Promise<{ loaded: boolean; byArea: Map<string, WorseningSummary[]> }> {
  const byArea = new Map<string, WorseningSummary[]>();
  if (!(await tableExists(db, 'street_rep_visits')) || !(await tableExists(db, 'street_rep_sites'))) return { loaded: false, byArea };
  const [any] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM street_rep_visits');
  if (!any?.n) return { loaded: false, byArea };
  const filters = place === 'england' || place === 'five' ? {} : { ladCode: place };
  const ctes = streetRepCtes(filters);
  const [issues, sites] = await Promise.all([
    gettingWorse(db, filters, { visits: WORSENING_VISITS }),
    db.query<{ site_id: string; lsoa_code: string | null; ward_code: string | null }>(`WITH ${ctes.sql} SELECT site_id, lsoa_code, ward_code FROM site`, ctes.params),
  ]);
  const siteOf = new Map(sites.map((s) => [s.site_id, s]));
  const areasOf = new Map<string, string[]>();
  for (const mem of members) areasOf.set(mem.lsoa_code, [...(areasOf.get(mem.lsoa_code) ?? []), mem.area_code]);
  const wards = new Set(level === 'ward' ? members.map((mem) => mem.area_code) : []);
  /** The rows a site counts towards: through its small area, or (wards only, as the theme score does) its own ward when it has no small area. */
  const rowsOf = (siteId: string): string[] => {
    const site = siteOf.get(siteId);
    if (!site) return [];
    if (site.lsoa_code && areasOf.has(site.lsoa_code)) return areasOf.get(site.lsoa_code) as string[];
    return !site.lsoa_code && site.ward_code && wards.has(site.ward_code) ? [site.ward_code] : [];
  };
  const counted = new Map<string, Map<string, WorseningSummary>>();
  for (const w of issues) {
    for (const area of rowsOf(w.site_id)) {
      const list = counted.get(area) ?? new Map<string, WorseningSummary>();
      const s = list.get(w.issue) ?? { issue: w.issue, heading: w.heading, sites: 0 };
      s.sites++;
      list.set(w.issue, s);
      counted.set(area, list);
    }
  }
  for (const [area, list] of counted) byArea.set(area, [...list.values()].sort((a, b) => b.sites - a.sites || (a.issue < b.issue ? -1 : 1)));
  return { loaded: true, byArea };
}
