import { safeIdentifier, type Database } from './database.ts';

/** Tables every view needs, loaded as soon as the app starts (Arrow IPC streams in data/tables/). */
export const STARTUP_TABLES = ['catalogue', 'areas', 'iod2025', 'iod2019', 'iod2015', 'census', 'crime_coverage'] as const;
/** Large tables fetched only when a view asks for them. */
export const LAZY_TABLES = ['crimes'] as const;
export type BuiltInTable = (typeof STARTUP_TABLES)[number] | (typeof LAZY_TABLES)[number];

export const tablePath = (name: BuiltInTable) => `data/tables/${name}.arrows`;

export type FetchBytes = (path: string) => Promise<Uint8Array>;

/** Fetch all start-up tables at once, then insert them one by one into DuckDB. */
export async function loadStartupTables(db: Database, fetchBytes: FetchBytes): Promise<void> {
  const files = await Promise.all(STARTUP_TABLES.map(async (t) => [t, await fetchBytes(tablePath(t))] as const));
  for (const [name, bytes] of files) await db.insertArrowIPC(name, bytes);
  await createIndicatorValuesView(db);
}

interface CatalogueColumns {
  code: string;
  table_name: string;
  value_column: string;
  rank_column: string | null;
  decile_column: string | null;
  edition: number;
}

/**
 * `indicator_values(area_code, indicator_code, period, value, rank, decile)`:
 * the long view DESIGN.md describes, built from the catalogue over the wide
 * source tables. Keeping the tables wide makes the files ~5× smaller than a
 * long table; the view keeps every query simple. All identifiers come from the
 * committed catalogue and are checked by safeIdentifier.
 */
export async function createIndicatorValuesView(db: Database): Promise<void> {
  const entries = await db.query<CatalogueColumns>(
    'SELECT code, table_name, value_column, rank_column, decile_column, edition FROM catalogue ORDER BY code',
  );
  const branches = entries.map((e) => {
    const code = safeIdentifier(e.code).replaceAll('"', "'");
    const col = (c: string | null, type: string) => (c ? `CAST(${safeIdentifier(c)} AS ${type})` : `CAST(NULL AS ${type})`);
    return `SELECT lsoa_code AS area_code, ${code} AS indicator_code, ${Number(e.edition)} AS period, ${col(e.value_column, 'DOUBLE')} AS value, ${col(e.rank_column, 'INTEGER')} AS rank, ${col(e.decile_column, 'INTEGER')} AS decile FROM ${safeIdentifier(e.table_name)}`;
  });
  await db.exec(`CREATE OR REPLACE VIEW indicator_values AS ${branches.join('\nUNION ALL\n')}`);
}
