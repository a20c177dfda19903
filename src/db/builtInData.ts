import { safeIdentifier, type Database } from './database.ts';

/** Tables every view needs; for England-wide tables, only the five authorities' rows. */
export const STARTUP_TABLES = ['catalogue', 'areas', 'iod2025', 'iod2019', 'iod2015', 'census', 'crime_coverage'] as const;
/** The rest of England's rows, appended in the background after start-up. */
export const ENGLAND_TABLES = ['areas', 'iod2025', 'iod2019', 'iod2015'] as const;

export type FetchBytes = (path: string) => Promise<Uint8Array>;
export type StartupFiles = (readonly [string, Uint8Array])[];

/** Fetch the start-up tables (can run while DuckDB is still starting). */
export function fetchStartupTables(fetchBytes: FetchBytes): Promise<StartupFiles> {
  return Promise.all(STARTUP_TABLES.map(async (t) => [t, await fetchBytes(`data/tables/${t}.arrows`)] as const));
}

/** Insert fetched start-up tables. */
export async function insertStartupTables(db: Database, files: StartupFiles): Promise<void> {
  for (const [name, bytes] of files) await db.insertArrowIPC(name, bytes);
}

export async function loadStartupTables(db: Database, fetchBytes: FetchBytes): Promise<void> {
  await insertStartupTables(db, await fetchStartupTables(fetchBytes));
}

/** Everything after start-up: England's rows, then the long indicator view for cross-measure SQL. */
export async function loadBackgroundTables(db: Database, fetchBytes: FetchBytes): Promise<void> {
  await loadEnglandTables(db, fetchBytes);
  await createIndicatorValuesView(db);
}

/**
 * Append the rest of England (33,755 LSOAs in all) to the start-up tables.
 * Needed for the England view, national decile cut points and England averages.
 */
export async function loadEnglandTables(db: Database, fetchBytes: FetchBytes): Promise<void> {
  const files = await Promise.all(ENGLAND_TABLES.map(async (t) => [t, await fetchBytes(`data/tables/${t}.england.arrows`)] as const));
  for (const [name, bytes] of files) {
    const part = `${name}_england_part`;
    await db.insertArrowIPC(part, bytes);
    await db.exec(`INSERT INTO ${safeIdentifier(name)} SELECT * FROM ${safeIdentifier(part)}`);
    await db.exec(`DROP TABLE ${safeIdentifier(part)}`);
  }
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
 * long table; the view keeps cross-indicator queries simple. All identifiers
 * come from the committed catalogue and are checked by safeIdentifier.
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
