import { firstPaintColours } from '../../../../src/analysis/firstPaint.ts';
import { authorityLineLayer, boundarySource, fillLayer, focusLayers, lineLayer } from '../../../../src/map/boundaryLayers.ts';
import { areaLabelsOf, labelPoints, labelSortKey, LABEL_LAYERS, LABEL_SOURCES, placeFilter, placeLabelFilter, placeLabelLayer, wardLabelLayer } from '../../../../src/map/labelLayers.ts';
import { sourceId } from '../../../../src/map/mapStyle.ts';
import { fillStates, KINGSTON, kingston, NORBITON, styleWith, type RenderCase } from '../renderCase.ts';

/**
 * A labelled ward view: Kingston's wards by first-paint decile, their names as the app's
 * symbol layers (Norbiton selected: outlined and its name placed first), OS place names under them (none named like a ward).
 */
export function build(): RenderCase {
  const k = kingston();
  const [ward, lad] = [sourceId('five', 'ward'), sourceId('five', 'lad')];
  const norbiton = k.ward.features.find((f) => f.properties?.code === NORBITON)!;
  return {
    description: 'Labelled wards: Kingston ward names (symbol layers), Norbiton selected, OS Open Names places',
    width: 520,
    height: 600,
    style: styleWith(
      {
        [ward]: boundarySource('five', k.ward),
        [lad]: boundarySource('five', k.lad),
        focus: { type: 'geojson', data: { type: 'FeatureCollection', features: [{ ...norbiton, properties: { kind: 'selected' } }] } },
        [LABEL_SOURCES.ward]: { type: 'geojson', data: labelPoints(areaLabelsOf(k.ward)) },
        [LABEL_SOURCES.places]: { type: 'geojson', data: k.places },
      },
      [
        fillLayer(`${ward}-fill`, ward, true),
        lineLayer(`${ward}-line`, ward, 'five', 'ward', true),
        authorityLineLayer(`${lad}-line`, lad, 'five', true),
        ...focusLayers(),
        placeLabelLayer(LABEL_LAYERS.places, LABEL_SOURCES.places),
        wardLabelLayer(LABEL_LAYERS.ward, LABEL_SOURCES.ward),
      ],
    ),
    operations: [
      { type: 'fitBounds', bounds: k.bounds, padding: 12 },
      { type: 'setFeatureState', source: ward, states: fillStates(firstPaintColours(Object.fromEntries(k.ward.features.map((f) => [f.properties!.code, k.firstPaint.ward[f.properties!.code]!])))) },
      { type: 'setFilter', layer: LABEL_LAYERS.ward, filter: placeFilter(KINGSTON) },
      { type: 'setFilter', layer: LABEL_LAYERS.places, filter: placeLabelFilter(k.ward.features.map((f) => String(f.properties!.name))) },
      { type: 'setLayoutProperty', layer: LABEL_LAYERS.ward, name: 'symbol-sort-key', value: labelSortKey(NORBITON) },
    ],
  };
}
