import { useLayoutEffect, useMemo } from 'react';
import type { LayerSpec } from '../../session/layers.ts';
import type { LayerData } from '../../ui/layerData.tsx';
import type { MapLegend } from '../../map/legendSpec.ts';
import type { ChoroplethModel } from '../../analysis/choropleth.ts';
import { placeName } from '../../geo/places.ts';
import { LEVELS } from '../../geo/levels.ts';
import { publishView, viewKeyOf } from '../../export/viewImage.ts';
import { boundariesLegend, combineLegends, viewTitle } from '../../export/mapImage/legends.ts';

/** A section that publishes colours or points without a key of its own still gets one for the exports. */
const untitled = (title: string): MapLegend => ({ title, classes: [], notes: [], sources: [], sample: false });

/**
 * Register what the map draws for the exports: the view's key, title and
 * selected area once the data for exactly this spec has arrived (null until
 * then). `indicator` is the indicator key (null while its model is on its
 * way), or undefined when a section colours the map.
 */
export function useViewDrawing(
  spec: LayerSpec,
  indicator: MapLegend | null | undefined,
  fill: LayerData | null,
  points: LayerData | null,
  model: ChoroplethModel | null,
): void {
  const place = placeName(spec.place);
  const drawing = useMemo(() => {
    const levelWords = spec.level === 'lsoa' ? 'Small areas (LSOAs)' : LEVELS[spec.level].plural.replace(/^./, (c) => c.toUpperCase());
    const fillLegend =
      indicator !== undefined
        ? indicator
        : spec.fill.source === 'none'
          ? spec.points.source === 'none'
            ? boundariesLegend(place, levelWords)
            : null
          : fill
            ? (fill.legend ?? untitled('Areas coloured by this section'))
            : null;
    const pointsLegend = spec.points.source === 'none' ? null : points ? (points.legend ?? untitled('Points')) : null;
    const fillWaiting = spec.fill.source !== 'none' && !fillLegend;
    const pointsWaiting = spec.points.source !== 'none' && !pointsLegend;
    const legend = fillWaiting || pointsWaiting ? null : combineLegends(fillLegend, pointsLegend);
    const selected = spec.selected ? (model?.names.get(spec.selected)?.name ?? spec.selected) : null;
    return {
      key: viewKeyOf(spec),
      fillKey: spec.fill.key,
      title: legend ? viewTitle(legend, place) : place,
      place,
      legend,
      selected,
      waitingFor: fillWaiting ? 'the colours for this view to be worked out' : pointsWaiting ? 'the points for this view' : 'the map',
    };
  }, [spec, indicator, fill, points, model, place]);
  // Before the browser paints, after the map panel (a child) has handed the map its colours.
  useLayoutEffect(() => publishView(drawing), [drawing]);
  useLayoutEffect(() => () => publishView(null), []);
}
