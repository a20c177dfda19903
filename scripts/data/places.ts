import { writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { field, num, readCsv, reqInt } from './csv.ts';
import { out } from './raw-paths.ts';
import { cmp } from './util.ts';

export const PLACES_RAW = 'places/os_open_names_populated_places_five_lads.csv';
export const PLACES_FILE = 'geo/places-five.geojson';

export interface PlaceProps {
  name: string;
  type: string;
  /** The map zoom from which the name shows. */
  minzoom: number;
  /** Placement order when names collide: lower goes first (bigger places). */
  rank: number;
}

/**
 * First zoom per OS Open Names type. OS's own display bands (least_detail_view_res) put towns
 * from 1:2,000,000, villages from 1:250,000, other settlements from 1:60,000, suburbs and hamlets
 * from 1:25,000; these zooms keep that order on this map, which has no streets to crowd them.
 */
const TYPE_ZOOM: Record<string, number> = { City: 8, Town: 9, Village: 10, 'Other Settlement': 11, 'Suburban Area': 11, Hamlet: 12 };
/** Below this most_detail_view_res OS treats a place as small for its type: it shows one zoom later. */
const SMALL_PLACE = 10_000;

export function placeMinZoom(type: string, mostDetailViewRes: number): number {
  const base = TYPE_ZOOM[type];
  if (base === undefined) throw new Error(`unknown OS Open Names type "${type}"`);
  return type === 'City' || type === 'Town' || type === 'Hamlet' || mostDetailViewRes >= SMALL_PLACE ? base : base + 1;
}

/** Cities and towns first, then by OS's own size (a larger most_detail_view_res is a bigger place). */
export const placeRank = (minzoom: number, mostDetailViewRes: number): number => minzoom * 1_000_000 - mostDetailViewRes;

export function buildPlaces(): FeatureCollection<Point, PlaceProps> {
  const features: Feature<Point, PlaceProps>[] = readCsv(PLACES_RAW).map((row) => {
    const lon = num(row, 'lon');
    const lat = num(row, 'lat');
    if (lon === null || lat === null) throw new Error(`place ${field(row, 'os_id')} has no position`);
    const type = field(row, 'local_type');
    const detail = reqInt(row, 'most_detail_view_res');
    const minzoom = placeMinZoom(type, detail);
    return {
      type: 'Feature',
      // 5 dp is about a metre: plenty for a name.
      geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
      properties: { name: field(row, 'name'), type, minzoom, rank: placeRank(minzoom, detail) },
    };
  });
  features.sort((a, b) => a.properties.rank - b.properties.rank || cmp(a.properties.name, b.properties.name));
  return { type: 'FeatureCollection', features };
}

export interface PlacesOutput {
  rows: number;
  bytes: number;
  byZoom: Record<number, number>;
}

/** Write data/geo/places-five.geojson, one feature per line (small diffs when OS data change). */
export function writePlaces(): PlacesOutput {
  const fc = buildPlaces();
  const text = `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync(out(PLACES_FILE), text);
  const byZoom: Record<number, number> = {};
  for (const f of fc.features) byZoom[f.properties.minzoom] = (byZoom[f.properties.minzoom] ?? 0) + 1;
  return { rows: fc.features.length, bytes: Buffer.byteLength(text), byZoom };
}

/** The data README's line for the file. */
export function placesDescription(p: PlacesOutput): string {
  const zooms = Object.entries(p.byZoom).map(([z, n]) => `${n} from zoom ${z}`).join(', ');
  return `OS Open Names populated places (city, town, village, hamlet, suburban area, other settlement) in and within about 3 km of the five authorities, 5 dp. Properties name, type (OS local_type), minzoom (first zoom the name shows: by type, one later for places OS marks small, most_detail_view_res < 10,000: ${zooms}), rank (placement order, bigger places first). Loaded by the map after its first paint.`;
}
