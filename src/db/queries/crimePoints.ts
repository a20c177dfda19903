import type { Table } from 'apache-arrow';
import type { Database } from '../database.ts';
import { allOf, compare, optionalIn } from '../evidence/sqlFilters.ts';

export interface CrimePointFilters {
  ladCode?: string;
  /** One month 'YYYY-MM'. */
  month?: string;
  crimeTypes?: readonly string[];
  /** 'built-in' and/or imported dataset ids; all when omitted. */
  datasetIds?: readonly string[];
}

/**
 * Located police records for the map, built-in and imported: columns lon,
 * lat, crime_type. Returned as an Arrow table because it can run to 100,000+
 * rows: read the columns whole (getChild('lon').toArray()), not row by row.
 */
export function crimePoints(db: Database, f: CrimePointFilters = {}): Promise<Table> {
  const where = allOf([
    compare('lad_code', '=', f.ladCode),
    compare('month', '=', f.month),
    optionalIn('crime_type', f.crimeTypes),
    optionalIn('dataset', f.datasetIds),
  ]);
  return db.queryTable(
    `SELECT lon, lat, crime_type FROM all_crimes WHERE lon IS NOT NULL AND lat IS NOT NULL AND ${where.sql}`,
    where.params,
  );
}
