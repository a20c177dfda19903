import { authorityLineLayer, boundarySource, fillLayer, lineLayer } from '../../../../src/map/boundaryLayers.ts';
import { sourceId } from '../../../../src/map/mapStyle.ts';
import { HOT_COLD_COLOURS } from '../../../../src/map/palette.ts';
import { queenContiguity, type PolygonCollection } from '../../../../src/stats/spatial/queenContiguity.ts';
import { getisOrdGiStar } from '../../../../src/stats/hotspots/getisOrd.ts';
import { hotColdClasses } from '../../../../src/stats/hotspots/hotColdClass.ts';
import { fillStates, kingston, styleWith, type RenderCase } from '../renderCase.ts';

/**
 * A hotspot map: Gi* (analytic, queen contiguity, no FDR) over Kingston's small areas on
 * deprivation (11 − IMD decile, so high = more deprived), each area in its class colour
 * from the app's hot/cold palette: hot, cold and not-significant areas all appear.
 */
export function build(): RenderCase {
  const k = kingston();
  const [lsoa, lad] = [sourceId('five', 'lsoa'), sourceId('five', 'lad')];
  const codes = k.lsoa.features.map((f) => String(f.properties!.code));
  const values = codes.map((c) => 11 - k.firstPaint.lsoa[c]!);
  const { z, p } = getisOrdGiStar(values, queenContiguity(k.lsoa as PolygonCollection));
  const classes = hotColdClasses(z, p, { fdr: false });
  const colours = new Map(codes.map((c, i) => [c, HOT_COLD_COLOURS[classes[i]!]]));
  return {
    description: `Hotspots: Kingston Gi* classes (${[...new Set(classes)].sort().join(', ')})`,
    width: 420,
    height: 480,
    style: styleWith(
      { [lsoa]: boundarySource('five', k.lsoa), [lad]: boundarySource('five', k.lad) },
      [fillLayer(`${lsoa}-fill`, lsoa, true), lineLayer(`${lsoa}-line`, lsoa, 'five', 'lsoa', true), authorityLineLayer(`${lad}-line`, lad, 'five', true)],
    ),
    operations: [
      { type: 'fitBounds', bounds: k.bounds, padding: 16 },
      { type: 'setFeatureState', source: lsoa, states: fillStates(colours) },
    ],
  };
}
