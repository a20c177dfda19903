import { csvDocument } from '../../export/csv.ts';
import type { HotspotRun } from './runHotspots.ts';

export const HOTSPOT_CSV_COLUMNS = [
  'area_code',
  'area_name',
  'ward_name',
  'measure',
  'value',
  'z',
  'p',
  'p_permutation',
  'p_fdr',
  'significant_fdr',
  'class',
  'cluster',
  'status',
  'statistic',
  'weights_used',
  'permutations',
  'seed',
  'generated_at',
] as const;

export interface HotspotCsvMeta {
  /** What the values are: a theme ("Safety theme score") or an indicator label. */
  measure: string;
  /** How neighbours were defined, e.g. "queen contiguity, binary". */
  neighbours: string;
  /** A theme's weights, in the order shown to the user. */
  themeWeights?: readonly { shortLabel: string; weight: number }[];
  generatedAt: Date | string;
  /** Each small area's ward name, by code (every small-area list names its ward); blank for wards or when not known. */
  wardOf?: ReadonlyMap<string, string | null>;
}

/** Significant after false discovery rate control at the loosest level shown (90 %). */
const FDR_LEVEL = 0.1;

/**
 * The hotspot table as CSV (export/csv.ts: UTF-8 with BOM, RFC 4180, text
 * cells safe from formula injection; header first, no comment lines): one row
 * per area, with the settings repeated on every row so any row quoted alone
 * still says how it was made. z and p are rounded to 6 decimal places.
 */
export function hotspotCsv(run: HotspotRun, meta: HotspotCsvMeta): string {
  return csvDocument(HOTSPOT_CSV_COLUMNS, hotspotCsvRows(run, meta));
}

/** The rows of hotspotCsv, one per area, for the CSV and the Excel file alike. */
export function hotspotCsvRows(run: HotspotRun, meta: HotspotCsvMeta): (string | number | null)[][] {
  const inWeights = run.summary.tested + run.summary.islands;
  let weightsUsed = `${meta.neighbours}, ${inWeights} areas, ${run.summary.islands} island${run.summary.islands === 1 ? '' : 's'}`;
  if (meta.themeWeights && meta.themeWeights.length > 0) {
    weightsUsed += `; theme weights: ${meta.themeWeights.map((w) => `${w.shortLabel} ${round(w.weight)}`).join('; ')}`;
  }
  const generatedAt = typeof meta.generatedAt === 'string' ? meta.generatedAt : meta.generatedAt.toISOString();
  return run.areas.map((a) => [
    a.code,
    a.name,
    meta.wardOf?.get(a.code) ?? '',
    meta.measure,
    round(a.value),
    round(a.z),
    round(a.p),
    round(a.pSim),
    round(a.pFdr),
    a.pFdr === null ? '' : a.pFdr <= FDR_LEVEL ? 'yes' : 'no',
    a.class ?? '',
    a.cluster ?? '',
    a.status,
    run.statistic,
    weightsUsed,
    run.permutations,
    run.seed,
    generatedAt,
  ]);
}

/** Six decimal places; null (an empty cell) for a missing value. A number, so a negative z stays numeric in Excel. */
function round(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const r = Number(v.toFixed(6));
  return Object.is(r, -0) ? 0 : r;
}
