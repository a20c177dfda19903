import { safeIdentifier, type Database } from '../database.ts';

export interface AreaInfo {
  code: string;
  name: string;
  level: 'lsoa' | 'ward' | 'lad';
  parent_code: string | null;
  lad_code: string | null;
  lad_name: string | null;
  ward_code: string | null;
  ward_name: string | null;
  population: number | null;
  /** Small areas in a ward (1 for an LSOA). */
  lsoas: number;
}

/** Name, codes, parents and Census 2021 population of one LSOA or ward. */
export async function areaInfo(db: Database, code: string): Promise<AreaInfo | null> {
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
  /** LSOA score, or the ward's population-weighted score. */
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
  /** England's LSOA decile cut points for this score (10 %, 20 %, … 90 %), to place a ward's score. */
  england_cuts: number[] | null;
}

/**
 * IMD 2025 and each domain for one area, beside its authority and England
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
              SUM(${v} * a.population) / SUM(a.population) AS lad_value
         FROM lsoa a JOIN iod2025 t ON t.lsoa_code = a.code LEFT JOIN iod2019 p ON p.lsoa_code = a.code`;
  });
  // An area's LSOAs all lie in its authority, so only the authority's rows are scanned.
  const [rows, england] = await Promise.all([
    db.query<Omit<DomainProfileRow, EnglandFields>>(
      `WITH lsoa AS (
         SELECT code, ward_code, lad_code, population, (code = $1 OR ward_code = $1) AS mine
           FROM areas WHERE level = 'lsoa' AND lad_code = $2
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
