import { safeIdentifier } from '../database.ts';
import type { Indicator } from './indicatorCatalogue.ts';

/**
 * SQL fragments reading one indicator straight from its wide source table
 * (much faster than filtering the long view). Identifiers come from the
 * committed catalogue and pass safeIdentifier; values are always bound.
 */
export function indicatorColumns(
  ind: Pick<Indicator, 'table_name' | 'value_column' | 'rank_column' | 'decile_column'> & Partial<Pick<Indicator, 'weight_column'>>,
) {
  const col = (c: string | null, type: string) => (c ? `CAST(t.${safeIdentifier(c)} AS ${type})` : `CAST(NULL AS ${type})`);
  return {
    table: safeIdentifier(ind.table_name),
    value: col(ind.value_column, 'DOUBLE'),
    rank: col(ind.rank_column, 'INTEGER'),
    decile: col(ind.decile_column, 'INTEGER'),
    /** What a ward mean is weighted by: the measure's own denominator, else Census 2021 residents (areas alias a). */
    weight: ind.weight_column ? col(ind.weight_column, 'DOUBLE') : 'CAST(a.population AS DOUBLE)',
  };
}
