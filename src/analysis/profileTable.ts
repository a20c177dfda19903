import type { AreaInfo, DomainProfileRow } from '../db/queries/areaProfile.ts';
import { decileAmong } from '../stats/classify.ts';

export interface ProfileTableRow {
  code: string;
  label: string;
  score: number | null;
  rank: number | null;
  /** Official decile (small areas), or the decile a ward's weighted score falls in (not official). */
  decile: number | null;
  decileIsOfficial: boolean;
  decile2019: number | null;
  /** "3 → 2" with a word for the direction; null when there is nothing to compare. */
  change: { text: string; words: string } | null;
  /** Wards: small areas in England's most deprived 10 % / 20 %, now and in 2019. */
  in10: number;
  in20: number;
  in20In2019: number;
  lsoas: number;
  authority: number | null;
  england: number | null;
}

function decileChange(before: number | null, now: number | null): ProfileTableRow['change'] {
  if (before === null || now === null) return null;
  const words = now < before ? 'relatively more deprived' : now > before ? 'relatively less deprived' : 'no change';
  return { text: `${before} → ${now}`, words };
}

/**
 * The profile's table, one row per IoD domain: every number comes from the
 * profile query; this only arranges them and places a ward's weighted score
 * among England's small-area deciles (labelled as not official).
 */
export function profileTable(area: AreaInfo, domains: readonly DomainProfileRow[]): ProfileTableRow[] {
  return domains.map((d) => {
    const isLsoa = area.level === 'lsoa';
    const wardDecile =
      !isLsoa && d.area_value !== null && d.england_cuts?.length === 9 ? decileAmong(d.area_value, d.england_cuts, true) : null;
    return {
      code: d.code,
      label: d.label,
      score: d.area_value,
      rank: isLsoa ? d.rank : null,
      decile: isLsoa ? d.decile : wardDecile,
      decileIsOfficial: isLsoa,
      decile2019: isLsoa ? d.decile_2019 : null,
      change: isLsoa ? decileChange(d.decile_2019, d.decile) : null,
      in10: d.in_10pct,
      in20: d.in_20pct,
      in20In2019: d.in_20pct_2019,
      lsoas: d.lsoas,
      authority: d.lad_value,
      england: d.england_value,
    };
  });
}
