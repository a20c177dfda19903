import { area, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Where to put an area's name: the centroid of its largest part if it lies inside, else a point surely inside. */
export function labelPoint(feature: Feature<Polygon | MultiPolygon>): Position {
  const g = feature.geometry;
  const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const rings of parts) {
    const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
    const a = area(f);
    if (a > bestArea) {
      best = f;
      bestArea = a;
    }
  }
  if (!best) return centroid(feature).geometry.coordinates;
  const c = centroid(best);
  return booleanPointInPolygon(c, best) ? c.geometry.coordinates : pointOnFeature(best).geometry.coordinates;
}
