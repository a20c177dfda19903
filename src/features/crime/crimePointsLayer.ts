import type { Table } from 'apache-arrow';
import type { FeatureCollection, Point } from 'geojson';
import { CATEGORY_COLOURS, OTHER_CATEGORY_COLOUR } from '../../map/palette.ts';

/** The commonest types get a colour of their own; the rest share "other". */
const OWN_COLOURS = CATEGORY_COLOURS.length - 1;

/** Index of a crime type's colour in CATEGORY_COLOURS, or -1 for "other". */
export function crimeTypeCategory(type: string, typeOrder: readonly string[]): number {
  const i = typeOrder.indexOf(type);
  return i >= 0 && i < OWN_COLOURS ? i : -1;
}

/** The dot colour of a crime type (as the map draws it). */
export function crimeTypeColour(type: string, typeOrder: readonly string[]): string {
  const i = crimeTypeCategory(type, typeOrder);
  return i < 0 ? OTHER_CATEGORY_COLOUR : CATEGORY_COLOURS[i]!;
}

/** Crime types with a colour of their own in the map's key, commonest first. */
export const typesWithOwnColour = (typeOrder: readonly string[]): readonly string[] => typeOrder.slice(0, OWN_COLOURS);

/** Crime points as GeoJSON for the map, each with the index of its type's colour (the commonest types get their own). */
export function crimePointsLayer(table: Table, typeOrder: readonly string[]): FeatureCollection<Point, { category: number }> {
  const lon = table.getChild('lon')!.toArray() as Float64Array;
  const lat = table.getChild('lat')!.toArray() as Float64Array;
  const type = table.getChild('crime_type')!;
  const category = new Map(typesWithOwnColour(typeOrder).map((t, i) => [t, i]));
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
