import type { AreaLevel } from '../geo/levels.ts';
import { classify, type ClassMethod, type Classification } from '../stats/classify.ts';
import { NO_DATA_COLOUR, severityColour } from '../map/palette.ts';
import type { AreaIndicatorValue } from '../db/queries/valuesForPlace.ts';
import type { AreaName } from '../db/queries/places.ts';
import type { Indicator } from '../db/queries/indicatorCatalogue.ts';
import { formatValue } from './format.ts';

export interface ChoroplethModel {
  indicator: Indicator;
  /** Plain-English caveats for the key (e.g. why wards have no value). */
  notes: string[];
  classification: Classification;
  /** Area code → fill colour, for every area in the place (no-data areas in grey). */
  colours: Map<string, string>;
  /** Colour per legend class, same order as classification.classes. */
  legendColours: string[];
  /** Areas in the place with no value (shown in the no-data grey). */
  noData: number;
  /** Every area, worst first; areas with no value last. Details via rankedRow(). */
  sorted: AreaIndicatorValue[];
  names: ReadonlyMap<string, AreaName>;
}

/** One row of the ranked table, as a person reads it. */
export interface RankedRow extends AreaIndicatorValue {
  name: string;
  ward_name: string | null;
  position: number | null;
  colour: string;
  classLabel: string | null;
}

export type Level = AreaLevel;

/** Where a map's "national deciles" come from for a measure at a level, or why there are none. */
export type DecileBasis = { kind: 'official' } | { kind: 'thresholds' } | { kind: 'none'; reason: string };

export function decileBasis(indicator: Indicator, level: Level): DecileBasis {
  if (level === 'lsoa' && indicator.decile_column) return { kind: 'official' };
  if (indicator.coverage !== 'england') {
    return { kind: 'none', reason: 'This measure covers only the five built-in authorities, so it has no national deciles.' };
  }
  if (level === 'ward' && indicator.aggregation === 'sum') {
    return { kind: 'none', reason: 'A ward total cannot be placed among small-area deciles.' };
  }
  if (level === 'ward' && indicator.aggregation === 'none') return { kind: 'none', reason: '' };
  return { kind: 'thresholds' };
}

/** Why a measure cannot be shown for wards at all, or null. */
export function wardUnavailable(indicator: Indicator, level: Level): string | null {
  if (level !== 'ward' || indicator.aggregation !== 'none') return null;
  return 'Ranks cannot be averaged into ward values (MHCLG advice). Choose small areas, or the 2025 score of the same measure.';
}

/**
 * Turn one indicator's values for a place into map colours, a legend and a
 * worst-first order. Pure: the numbers come from db/queries, the classes from
 * stats/. Table rows are built on demand (rankedRow), since a view shows a
 * hundred of England's 33,755 at a time.
 */
export function buildChoropleth(
  indicator: Indicator,
  rows: readonly AreaIndicatorValue[],
  names: ReadonlyMap<string, AreaName>,
  method: ClassMethod,
  nationalThresholds: readonly number[] | null,
  level: Level = 'lsoa',
): ChoroplethModel {
  const basis = decileBasis(indicator, level);
  const classification = classify(rows, {
    method,
    higherIsWorse: indicator.higher_is_worse,
    nationalThresholds,
    format: (v) => formatValue(v, indicator.unit),
    deprivationScale: indicator.decile_column !== null,
    noNationalReason: basis.kind === 'none' ? basis.reason : undefined,
  });
  const notes: string[] = [];
  const unavailable = wardUnavailable(indicator, level);
  if (unavailable) notes.push(unavailable);
  const short = rows.filter((r) => r.value === null && (r.missing ?? 0) > 0).length;
  if (indicator.aggregation === 'sum' && level === 'ward' && short > 0) {
    notes.push(`${short} ward${short === 1 ? ' has' : 's have'} a small area whose count is not published (too small to release), so no total is shown.`);
  }
  const legendColours = classification.classes.map((c) => severityColour(c.severity));
  const colours = new Map<string, string>();
  for (const r of rows) {
    const cls = classification.classByCode.get(r.code);
    colours.set(r.code, cls === undefined ? NO_DATA_COLOUR : (legendColours[cls] as string));
  }
  // Worst first: highest values when higher is worse (or neutral), lowest (rank 1) when lower is worse.
  const sign = indicator.higher_is_worse === false ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? cmp(a.code, b.code) : 1) : -1;
    return sign * (a.value - b.value) || cmp(a.code, b.code);
  });
  const noData = rows.length - classification.classByCode.size;
  return { indicator, notes, classification, colours, legendColours, noData, sorted, names };
}

/** The table row for the area at `index` in worst-first order. */
export function rankedRow(model: ChoroplethModel, index: number): RankedRow | null {
  const r = model.sorted[index];
  if (!r) return null;
  const cls = model.classification.classByCode.get(r.code);
  const n = model.names.get(r.code);
  return {
    ...r,
    name: n?.name ?? r.code,
    ward_name: n?.ward_name ?? null,
    position: r.value === null ? null : index + 1,
    colour: model.colours.get(r.code) ?? NO_DATA_COLOUR,
    classLabel: cls === undefined ? null : (model.classification.classes[cls]?.shortLabel ?? null),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
