import { safeIdentifier, type Database } from '../database.ts';
import { levelOfCode, type MapLevel } from '../../geo/levels.ts';
import { listWords } from '../../analysis/format.ts';

export interface AreaInfo {
  code: string;
  name: string;
  level: MapLevel;
  parent_code: string | null;
  /** A locality's authority with the most residents (its "authority" comparison); see `authorities` for all. */
  lad_code: string | null;
  /** A locality's authorities, named together ("Barnsley and Wigan"). */
  lad_name: string | null;
  ward_code: string | null;
  ward_name: string | null;
  population: number | null;
  /** Small areas in a ward or locality (1 for an LSOA). */
  lsoas: number;
  /** Localities: how many of their members are whole wards. */
  wards?: number;
  /** Localities: every authority their small areas lie in, most residents first. */
  authorities?: { code: string; name: string; population: number }[];
}

/** Name, codes, parents and Census 2021 population of one LSOA, ward or locality. */
export async function areaInfo(db: Database, code: string): Promise<AreaInfo | null> {
  if (levelOfCode(code) === 'locality') return localityInfo(db, code);
  const rows = await db.query<AreaInfo>(
    `SELECT a.code, a.name, a.level, a.parent_code, a.lad_code, a.lad_name, a.ward_code, a.ward_name, a.population,
            CASE WHEN a.level = 'ward'
                 THEN (SELECT COUNT(*) FROM areas l WHERE l.level = 'lsoa' AND l.ward_code = a.code)
                 ELSE 1 END AS lsoas
       FROM areas a WHERE a.code = ? AND a.level IN ('lsoa', 'ward')`,
    [code],
  );
  return rows[0] ?? null;
}

/**
 * A locality as a profile sees it: its name, its authorities (the one with
 * the most residents is the one it is compared with), its residents (the sum
 * of its small areas') and how many small areas and whole wards it holds.
 */
async function localityInfo(db: Database, id: string): Promise<AreaInfo | null> {
  const [head] = await db.query<{ name: string; wards: number }>(
    `SELECT l.name,
            (SELECT COUNT(*) FROM locality_members m JOIN areas w ON w.level = 'ward' AND w.code = m.code WHERE m.locality_id = l.id) AS wards
       FROM localities l WHERE l.id = ?`,
    [id],
  );
  if (!head) return null;
  const authorities = await db.query<{ code: string; name: string; population: number; lsoas: number }>(
    `SELECT a.lad_code AS code, a.lad_name AS name, SUM(a.population) AS population, COUNT(*) AS lsoas
       FROM locality_lsoas m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code
      WHERE m.locality_id = ? GROUP BY a.lad_code, a.lad_name ORDER BY population DESC, code`,
    [id],
  );
  const main = authorities[0];
  return {
    code: id,
    name: head.name,
    level: 'locality',
    parent_code: main?.code ?? null,
    lad_code: main?.code ?? null,
    lad_name: authorities.length ? listWords(authorities.map((a) => a.name)) : null,
    ward_code: null,
    ward_name: null,
    population: authorities.reduce((sum, a) => sum + Number(a.population), 0),
    lsoas: authorities.reduce((sum, a) => sum + Number(a.lsoas), 0),
    wards: Number(head.wards),
    authorities: authorities.map(({ code, name, population }) => ({ code, name, population: Number(population) })),
  };
}

export interface LocalityWard {
  code: string;
  name: string;
  population: number | null;
  /** Its best-fit small areas (all of them are in the locality). */
  lsoas: number;
}

export interface LocalitySmallArea {
  code: string;
  name: string;
  ward_code: string | null;
  ward_name: string | null;
  population: number | null;
  /** True when the small area was added on its own, not with a whole ward. */
  own: boolean;
}

/** A locality's whole wards and every one of its small areas (each with its ward), in name order. */
export async function localityMembers(db: Database, id: string): Promise<{ wards: LocalityWard[]; lsoas: LocalitySmallArea[] }> {
  const [wards, lsoas] = await Promise.all([
    db.query<LocalityWard>(
      `SELECT w.code, w.name, w.population,
              (SELECT COUNT(*) FROM areas l WHERE l.level = 'lsoa' AND l.ward_code = w.code) AS lsoas
         FROM locality_members m JOIN areas w ON w.level = 'ward' AND w.code = m.code
        WHERE m.locality_id = ? ORDER BY w.name, w.code`,
      [id],
    ),
    db.query<LocalitySmallArea>(
      `SELECT a.code, a.name, a.ward_code, a.ward_name, a.population,
              EXISTS (SELECT 1 FROM locality_members o WHERE o.locality_id = m.locality_id AND o.code = a.code) AS own
         FROM locality_lsoas m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code
        WHERE m.locality_id = ? ORDER BY a.ward_name, a.name, a.code`,
      [id],
    ),
  ]);
  return {
    wards: wards.map((w) => ({ ...w, lsoas: Number(w.lsoas) })),
    lsoas: lsoas.map((l) => ({ ...l, own: Boolean(l.own) })),
  };
}

/** The IMD and its seven domains, in the order MHCLG publishes them. */
export const PROFILE_DOMAINS = [
  'imd',
  'income',
  'employment',
  'education',
  'health',
  'crime',
  'housing_services',
  'living_environment',
] as const;

export interface DomainProfileRow {
  code: string;
  label: string;
  value_column: string;
  /** LSOA score, or the ward's or locality's population-weighted score. */
  area_value: number | null;
  /** Official rank and decile in England (LSOAs only). */
  rank: number | null;
  decile: number | null;
  decile_2019: number | null;
  lsoas: number;
  in_10pct: number;
  in_20pct: number;
  in_10pct_2019: number;
  in_20pct_2019: number;
  lad_value: number | null;
  england_value: number | null;
  england_min: number | null;
  england_max: number | null;
  /** England's LSOA decile cut points for this score (10 %, 20 %, … 90 %), to place a ward's or locality's score. */
  england_cuts: number[] | null;
}

/**
 * IMD 2025 and each domain for one small area, ward or locality (`code`),
 * beside its authority (`ladCode`; a locality's is the one with most residents) and England
 * (population-weighted means of LSOA scores), with how many of its small areas
 * fall in England's most deprived 10 % and 20 % now and in IoD 2019. One
 * branch per domain, each reading its columns straight from the wide tables
 * (identifiers from PROFILE_DOMAINS, checked by safeIdentifier).
 */
export async function domainProfile(db: Database, code: string, ladCode: string): Promise<DomainProfileRow[]> {
  const branches = PROFILE_DOMAINS.map((d) => {
    const v = `t.${safeIdentifier(d)}`;
    const rank = `t.${safeIdentifier(`${d}_rank`)}`;
    const dec = `t.${safeIdentifier(`${d}_decile`)}`;
    const dec19 = `p.${safeIdentifier(`${d}_decile`)}`;
    return `SELECT 'iod25_${d}' AS code, '${d}' AS value_column,
              SUM(${v} * a.population) FILTER (WHERE mine) / SUM(a.population) FILTER (WHERE mine) AS area_value,
              MAX(${rank}) FILTER (WHERE a.code = $1) AS rank,
              MAX(${dec}) FILTER (WHERE a.code = $1) AS decile,
              MAX(${dec19}) FILTER (WHERE a.code = $1) AS decile_2019,
              COUNT(*) FILTER (WHERE mine) AS lsoas,
              COUNT(*) FILTER (WHERE mine AND ${dec} = 1) AS in_10pct,
              COUNT(*) FILTER (WHERE mine AND ${dec} <= 2) AS in_20pct,
              COUNT(*) FILTER (WHERE mine AND ${dec19} = 1) AS in_10pct_2019,
              COUNT(*) FILTER (WHERE mine AND ${dec19} <= 2) AS in_20pct_2019,
              SUM(${v} * a.population) FILTER (WHERE a.lad_code = $2) / SUM(a.population) FILTER (WHERE a.lad_code = $2) AS lad_value
         FROM lsoa a JOIN iod2025 t ON t.lsoa_code = a.code LEFT JOIN iod2019 p ON p.lsoa_code = a.code`;
  });
  // A small area's or ward's LSOAs all lie in its authority, so only the authority's rows are
  // scanned; a locality's may reach into a neighbouring one, so its own rows are added.
  const locality = levelOfCode(code) === 'locality';
  const mine = locality ? 'code IN (SELECT lsoa_code FROM locality_lsoas WHERE locality_id = $1)' : '(code = $1 OR ward_code = $1)';
  const [rows, england] = await Promise.all([
    db.query<Omit<DomainProfileRow, EnglandFields>>(
      `WITH lsoa AS (
         SELECT code, ward_code, lad_code, population, ${mine} AS mine
           FROM areas WHERE level = 'lsoa' AND (lad_code = $2${locality ? ` OR ${mine}` : ''})
       ), d AS (${branches.join('\nUNION ALL\n')})
       SELECT d.*, c.label FROM d JOIN catalogue c ON c.code = d.code`,
      [code, ladCode],
    ),
    englandDomainSummary(db),
  ]);
  return rows
    .map((r) => ({
      ...r,
      ...(england.get(r.value_column) ?? { england_value: null, england_min: null, england_max: null, england_cuts: null }),
    }))
    .sort((a, b) => order(a.value_column) - order(b.value_column));
}

type EnglandFields = 'england_value' | 'england_min' | 'england_max' | 'england_cuts';
const englandCache = new WeakMap<Database, Promise<Map<string, Pick<DomainProfileRow, EnglandFields>>>>();

/**
 * England's population-weighted mean, lowest and highest LSOA score for the
 * IMD and each domain. The same for every area, so asked once per session.
 */
export function englandDomainSummary(db: Database): Promise<Map<string, Pick<DomainProfileRow, EnglandFields>>> {
  let cached = englandCache.get(db);
  if (!cached) {
    const branches = PROFILE_DOMAINS.map((d) => {
      const v = `t.${safeIdentifier(d)}`;
      return `SELECT '${d}' AS value_column, SUM(${v} * a.population) / SUM(a.population) AS england_value,
                     MIN(${v}) AS england_min, MAX(${v}) AS england_max,
                     quantile_cont(${v}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS england_cuts
                FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa'`;
    });
    cached = db
      .query<Pick<DomainProfileRow, EnglandFields | 'value_column'>>(branches.join('\nUNION ALL\n'))
      .then((rows) => new Map(rows.map(({ value_column, england_cuts, ...rest }) => [value_column, { ...rest, england_cuts: listOf(england_cuts) }])));
    englandCache.set(db, cached);
  }
  return cached;
}

/** DuckDB LIST columns arrive as Arrow vectors: make them plain arrays. */
function listOf(v: unknown): number[] | null {
  if (v === null || v === undefined) return null;
  return Array.from(v as ArrayLike<number>, Number);
}

const order = (col: string) => PROFILE_DOMAINS.indexOf(col as (typeof PROFILE_DOMAINS)[number]);

export interface CrimeCoverage {
  lad_code: string;
  lad_name: string;
  first_month: string | null;
  last_month: string | null;
  months: number | null;
  rows: number;
  source: string | null;
  note: string | null;
  /** Months ('YYYY-MM', oldest first) of police data imported for the authority; the profile's sentence adds them to the built-in months. */
  imported_months: string[];
}

/**
 * Which months of street-level police data exist for an authority: the
 * built-in coverage (none, for Wigan) and the months of any imported
 * police.uk files, so the profile follows the data actually loaded.
 */
export async function crimeCoverage(db: Database, ladCode: string): Promise<CrimeCoverage | null> {
  const [rows, hasImports] = await Promise.all([
    db.query<Omit<CrimeCoverage, 'imported_months'>>(
      'SELECT lad_code, lad_name, first_month, last_month, months, rows, source, note FROM crime_coverage WHERE lad_code = ?',
      [ladCode],
    ),
    db.query<{ n: number }>("SELECT COUNT(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'imported_crimes'"),
  ]);
  const built = rows[0];
  if (!built) return null;
  const imported = hasImports[0]?.n
    ? await db.query<{ month: string }>('SELECT DISTINCT month FROM imported_crimes WHERE lad_code = ? AND month IS NOT NULL ORDER BY month', [ladCode])
    : [];
  return { ...built, imported_months: imported.map((r) => r.month) };
}
