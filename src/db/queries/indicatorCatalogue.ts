import type { Database } from '../database.ts';

export interface Indicator {
  code: string;
  label: string;
  theme: string;
  source: string;
  edition: number;
  unit: string;
  higher_is_worse: boolean | null;
  description: string;
  attribution: string;
  table_name: string;
  value_column: string;
  rank_column: string | null;
  decile_column: string | null;
  /** How ward values are built from LSOAs; 'none' for ranks, which must never be averaged. */
  aggregation: 'weighted_mean' | 'sum' | 'none';
  /** Column (same table) to weight a mean by, e.g. households for household shares; null = Census 2021 population. */
  weight_column: string | null;
  coverage: 'england' | 'five';
}

/** Every indicator the app can map, with its source line. */
export function indicatorCatalogue(db: Database): Promise<Indicator[]> {
  return db.query<Indicator>(
    `SELECT code, label, theme, source, edition, unit, higher_is_worse, description, attribution,
            table_name, value_column, rank_column, decile_column, aggregation, weight_column, coverage
       FROM catalogue ORDER BY theme, edition DESC, label`,
  );
}
