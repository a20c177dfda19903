import type { MapLegend } from '../../map/legendSpec.ts';

/**
 * One key for a view whose areas are coloured by one section and whose points
 * come from another (crime rates with each crime as a dot): the fill's title,
 * then every class, note and source of both.
 */
export function combineLegends(fill: MapLegend | null, points: MapLegend | null): MapLegend | null {
  if (!fill || !points) return fill ?? points;
  const unique = (xs: readonly string[]) => [...new Set(xs)];
  return {
    title: fill.title,
    subtitle: fill.subtitle,
    classes: [...fill.classes, ...points.classes.map((c) => ({ ...c, shape: c.shape ?? 'dot' }))],
    notes: unique([...(points.title !== fill.title ? [`Dots: ${points.title}.`] : []), ...fill.notes, ...points.notes]),
    sources: unique([...fill.sources, ...points.sources]),
    sample: fill.sample || points.sample,
  };
}

/** The key of a view that colours no areas: the boundaries drawn. */
export function boundariesLegend(placeWords: string, areaWords: string): MapLegend {
  return {
    title: `Boundaries in ${placeWords}`,
    subtitle: `${areaWords}; no measure is coloured in this view`,
    classes: [
      { label: 'Local authority boundary', colour: '#1b1b1b', shape: 'line' },
      { label: 'Ward boundary', colour: '#333333', shape: 'line' },
    ],
    notes: [],
    sources: ['Boundaries: Office for National Statistics, Open Government Licence v3.0; contains OS data © Crown copyright and database right.'],
    sample: false,
  };
}

/** The view's title: what is shown, where (unless the key's title says where already). */
export function viewTitle(legend: MapLegend, placeWords: string): string {
  return legend.title.includes(placeWords) ? legend.title : `${legend.title} — ${placeWords}`;
}
