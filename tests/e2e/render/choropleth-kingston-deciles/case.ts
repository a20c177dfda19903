import { firstPaintColours } from '../../../../src/analysis/firstPaint.ts';
import { authorityLineLayer, boundarySource, fillLayer, lineLayer } from '../../../../src/map/boundaryLayers.ts';
import { sourceId } from '../../../../src/map/mapStyle.ts';
import { fillStates, kingston, styleWith, type RenderCase } from '../renderCase.ts';

/** Kingston's 99 small areas coloured by their official IMD 2025 national decile (viridis, decile 1 darkest), with ward and authority edges. */
export function build(): RenderCase {
  const k = kingston();
  const [lsoa, ward, lad] = [sourceId('five', 'lsoa'), sourceId('five', 'ward'), sourceId('five', 'lad')];
  return {
    description: 'Choropleth: Kingston small areas by IMD 2025 decile (feature-state fills)',
    width: 420,
    height: 480,
    style: styleWith(
      { [lsoa]: boundarySource('five', k.lsoa), [ward]: boundarySource('five', k.ward), [lad]: boundarySource('five', k.lad) },
      [fillLayer(`${lsoa}-fill`, lsoa, true), lineLayer(`${lsoa}-line`, lsoa, 'five', 'lsoa', true), lineLayer(`${ward}-line`, ward, 'five', 'ward', true), authorityLineLayer(`${lad}-line`, lad, 'five', true)],
    ),
    operations: [
      { type: 'fitBounds', bounds: k.bounds, padding: 16 },
      { type: 'setFeatureState', source: lsoa, states: fillStates(firstPaintColours(Object.fromEntries(k.lsoa.features.map((f) => [f.properties!.code, k.firstPaint.lsoa[f.properties!.code]!])))) },
    ],
  };
}
