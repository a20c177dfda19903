import { useState } from 'react';
import { Legend } from '../../map/Legend.tsx';
import { NO_DATA_COLOUR, severityColour } from '../../map/palette.ts';
import type { ChoroplethModel } from '../../analysis/choropleth.ts';
import { placeName } from '../../geo/places.ts';
import { LEVELS } from '../../geo/levels.ts';
import { useSession } from '../../session/SessionContext.tsx';

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

export interface MapKeyProps {
  /** The model for the view's spec, or null before the database answers. */
  model: ChoroplethModel | null;
}

/** Legend with notes on method, geography and source. */
export function MapKey({ model }: MapKeyProps) {
  const view = useSession();
  // The key can fold away, so it never hides the map (zoomed in, or on a small screen).
  const [folded, setFolded] = useState(false);
  const officialWards = view.officialWards;
  const notes: string[] = [];
  if (officialWards && view.place !== 'england') notes.push('Dashed orange lines: official ward boundaries (ONS).');
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
    notes.push(`Source: ${model.indicator.source}.`);
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
        ...model.classification.classes.map((c, i) => ({ ...c, colour: model.legendColours[i] as string })),
        ...(model.noData > 0 ? [{ label: 'No data', shortLabel: 'No data', colour: NO_DATA_COLOUR, count: model.noData }] : []),
      ]
    : FIRST_PAINT_CLASSES;
  // Before the database answers, the map shows small areas' (or wards') first colours, whatever the level.
  const shownLevel = model || view.level !== 'locality' ? view.level : 'lsoa';
  if (folded) {
    return (
      <div className="map-key folded">
        <button type="button" className="key-toggle" aria-expanded="false" onClick={() => setFolded(false)} data-testid="key-show">
          Show the key
        </button>
      </div>
    );
  }
  return (
    <div className="map-key">
      <button type="button" className="key-toggle" aria-expanded="true" onClick={() => setFolded(true)} data-testid="key-hide">
        Hide the key
      </button>
      <Legend
        title={model ? model.indicator.label : 'Overall deprivation (IMD 2025)'}
        subtitle={`${shownLevel === 'lsoa' ? 'Small areas (LSOAs)' : LEVELS[shownLevel].plural.replace(/^./, (c) => c.toUpperCase())} in ${placeName(view.place)}${model ? ` · ${model.indicator.unit}` : ''}`}
        classes={classes}
        notes={notes}
      />
    </div>
  );
}
