import { classify, type ClassMethod, type Classification } from '../stats/classify.ts';
import { NO_DATA_COLOUR, severityColour } from '../map/palette.ts';
import type { AreaIndicatorValue } from '../db/queries/valuesForPlace.ts';
import type { Indicator } from '../db/queries/indicatorCatalogue.ts';
import { formatValue } from './format.ts';

export interface ChoroplethModel {
  indicator: Indicator;
  classification: Classification;
  /** Area code → fill colour, for every area in the place (no-data areas in grey). */
  colours: Map<string, string>;
  /** Rows for the ranked table, worst first; areas with no value last. */
  ranked: RankedRow[];
  /** Colour per legend class, same order as classification.classes. */
  legendColours: string[];
}

export interface RankedRow extends AreaIndicatorValue {
  position: number | null;
  colour: string;
  classLabel: string | null;
}

/**
 * Turn one indicator's values for a place into map colours, a legend and a
 * ranked list. Pure: the numbers come from db/queries, the classes from stats/.
 */
export function buildChoropleth(
  indicator: Indicator,
  rows: readonly AreaIndicatorValue[],
  method: ClassMethod,
  nationalThresholds: readonly number[] | null,
): ChoroplethModel {
  const classification = classify(rows, {
    method,
    higherIsWorse: indicator.higher_is_worse,
    nationalThresholds,
    format: (v) => formatValue(v, indicator.unit),
    deprivationScale: indicator.decile_column !== null,
  });
  const legendColours = classification.classes.map((c) => severityColour(c.severity));
  const colours = new Map<string, string>();
  for (const r of rows) {
    const cls = classification.classByCode.get(r.code);
    colours.set(r.code, cls === undefined ? NO_DATA_COLOUR : (legendColours[cls] as string));
  }
  // Worst first: highest values when higher is worse, lowest (rank 1) when lower is worse.
  const sign = indicator.higher_is_worse === false ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.name.localeCompare(b.name) : 1) : -1;
    return sign * (a.value - b.value) || a.name.localeCompare(b.name);
  });
  const ranked = sorted.map((r, i) => {
    const cls = classification.classByCode.get(r.code);
    return {
      ...r,
      position: r.value === null ? null : i + 1,
      colour: colours.get(r.code) ?? NO_DATA_COLOUR,
      classLabel: cls === undefined ? null : (classification.classes[cls]?.shortLabel ?? null),
    };
  });
  return { indicator, classification, colours, ranked, legendColours };
}
