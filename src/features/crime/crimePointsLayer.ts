import type { Table } from 'apache-arrow';
import type { FeatureCollection, Point } from 'geojson';
import { CATEGORY_COLOURS } from '../../map/palette.ts';

/** Crime points as GeoJSON for the map, each with the index of its type's colour (the commonest types get their own). */
export function crimePointsLayer(table: Table, typeOrder: readonly string[]): FeatureCollection<Point, { category: number }> {
  const lon = table.getChild('lon')!.toArray() as Float64Array;
  const lat = table.getChild('lat')!.toArray() as Float64Array;
  const type = table.getChild('crime_type')!;
  const category = new Map(typeOrder.slice(0, CATEGORY_COLOURS.length - 1).map((t, i) => [t, i]));
  const features: FeatureCollection<Point, { category: number }>['features'] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    features[i] = {
      type: 'Feature',
      properties: { category: category.get(String(type.get(i))) ?? -1 },
      geometry: { type: 'Point', coordinates: [lon[i]!, lat[i]!] },
    };
  }
  return { type: 'FeatureCollection', features };
}
