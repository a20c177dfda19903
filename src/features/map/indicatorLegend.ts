import type { MapLegend } from '../../map/legendSpec.ts';
import { NO_DATA_COLOUR, severityColour } from '../../map/palette.ts';
import type { ChoroplethModel } from '../../analysis/choropleth.ts';
import { placeName } from '../../geo/places.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';

// Before the database answers there are no counts to show, only the classes.
const FIRST_PAINT_CLASSES = Array.from({ length: 10 }, (_, i) => ({
  label: i === 0 ? '1 — most deprived 10% in England' : i === 9 ? '10 — least deprived 10% in England' : String(i + 1),
  colour: severityColour(1 - i / 9),
  count: null,
}));

const METHOD_WORDS = {
  deciles: 'Coloured by national decile: each group is a tenth of England’s small areas.',
  quantiles: 'Coloured in five groups with equal numbers of areas in the place shown.',
  jenks: 'Coloured in five groups split at natural gaps in the values (Jenks).',
} as const;

/** The parts of the view the indicator key depends on. */
export interface IndicatorKeyView {
  place: string;
  level: MapLevel;
  officialWards: boolean;
}

/**
 * The indicator choropleth's key as data: the on-screen key (MapKey) and every
 * export draw this, so they cannot disagree. `model` null = the first paint
 * (official IMD 2025 deciles, before the database answers).
 */
export function indicatorLegend(model: ChoroplethModel | null, view: IndicatorKeyView): MapLegend {
  const notes: string[] = [];
  if (view.officialWards && view.place !== 'england') notes.push('Dashed orange lines: official ward boundaries (ONS).');
  if (model) {
    notes.push(...model.notes);
    notes.push(model.classification.note ?? METHOD_WORDS[model.classification.method]);
    if (view.level === 'locality') {
      if (model.classification.method === 'deciles') {
        notes.push('Each locality is placed among the deciles of England’s small areas by its population-weighted value.');
      }
      notes.push(
        model.indicator.aggregation === 'sum'
          ? 'Locality values are the sum of their small areas. Localities are your own groups of wards; outlined in purple.'
          : 'Locality values are population-weighted averages of their small areas (Census 2021 population). Localities are your own groups of wards; outlined in purple.',
      );
    }
    if (view.level === 'ward') {
      if (model.classification.method === 'deciles') {
        notes.push('Each ward is placed among the deciles of England’s small areas by its population-weighted value.');
      }
      notes.push(
        model.indicator.aggregation === 'sum'
          ? 'Ward values are the sum of their small areas. Wards approximated by best-fit LSOAs.'
          : 'Ward values are population-weighted averages of their small areas (Census 2021 population). Wards approximated by best-fit LSOAs.',
      );
    }
    if (model.indicator.coverage === 'five' && view.place === 'england') {
      notes.push('This measure is built in only for the five authorities; other areas are grey (no data).');
    }
  } else {
    notes.push(
      view.level === 'locality'
        ? 'Small areas’ official IMD 2025 deciles, shown until the data engine has worked out the localities’ values.'
        : view.level === 'ward'
          ? 'IMD 2025: each ward placed among the national deciles of small areas by its population-weighted score (not an official ward decile), shown while the data engine starts.'
          : 'Official IMD 2025 national deciles, shown while the data engine starts.',
    );
  }
  const classes = model
    ? [
        ...model.classification.classes.map((c, i) => ({ label: c.label, colour: model.legendColours[i] as string, count: c.count })),
        ...(model.noData > 0 ? [{ label: 'No data', colour: NO_DATA_COLOUR, count: model.noData }] : []),
      ]
    : FIRST_PAINT_CLASSES;
  // Before the database answers, the map shows small areas' (or wards') first colours, whatever the level.
  const shownLevel = model || view.level !== 'locality' ? view.level : 'lsoa';
  const areas = shownLevel === 'lsoa' ? 'Small areas (LSOAs)' : LEVELS[shownLevel].plural.replace(/^./, (c) => c.toUpperCase());
  return {
    title: model ? model.indicator.label : 'Overall deprivation (IMD 2025)',
    subtitle: `${areas} in ${placeName(view.place)}${model ? ` · ${model.indicator.unit}` : ''}`,
    classes,
    notes,
    sources: [`Source: ${model ? model.indicator.source : 'English Indices of Deprivation 2025 (MHCLG)'}.`],
    sample: false,
  };
}
