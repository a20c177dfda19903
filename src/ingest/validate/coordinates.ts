import { type ValueResult, quote } from './result.ts';

/**
 * A generous box around England (Isles of Scilly to Berwick, Cornwall to
 * Lowestoft). Points outside it are certainly wrong; points inside it can
 * still be outside the five areas, which only the spatial assignment knows.
 */
export const ENGLAND_BOX = { west: -6.5, east: 1.9, south: 49.8, north: 55.9 } as const;

/** The British National Grid's extent in metres (EPSG:27700). */
export const GRID_BOX = { east: 700_000, north: 1_300_000 } as const;

/** A number from a cell: blank is missing (null), anything unreadable is an error. */
export function parseNumber(text: string, what: string): ValueResult<number | null> {
  const t = text.trim();
  if (t === '') return { value: null };
  const n = Number(t);
  if (Number.isFinite(n)) return { value: n };
  return { error: `The ${what} ${quote(t)} isn't a number.` };
}

export function insideEnglandBox(lon: number, lat: number): boolean {
  return lon >= ENGLAND_BOX.west && lon <= ENGLAND_BOX.east && lat >= ENGLAND_BOX.south && lat <= ENGLAND_BOX.north;
}

/** Longitude and latitude (WGS84 degrees) that are in range and inside England's bounding box. */
export function checkLonLat(lon: number, lat: number): ValueResult<[number, number]> {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { error: 'The longitude or latitude isn\'t a number.' };
  if (lat < -90 || lat > 90) return { error: `Latitude ${lat} is out of range (it must be between -90 and 90).` };
  if (lon < -180 || lon > 180) return { error: `Longitude ${lon} is out of range (it must be between -180 and 180).` };
  if (!insideEnglandBox(lon, lat)) {
    if (insideEnglandBox(lat, lon)) return { error: `The point (longitude ${lon}, latitude ${lat}) is outside England, but would be inside it with latitude and longitude swapped.` };
    return { error: `The point (longitude ${lon}, latitude ${lat}) is outside England.` };
  }
  return { value: [lon, lat] };
}

/** An easting and northing in metres on the British National Grid. */
export function checkEastingNorthing(easting: number, northing: number): ValueResult<[number, number]> {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return { error: 'The easting or northing isn\'t a number.' };
  if (easting < 0 || easting > GRID_BOX.east) return { error: `Easting ${easting} is off the British National Grid (0 to 700,000 metres).` };
  if (northing < 0 || northing > GRID_BOX.north) return { error: `Northing ${northing} is off the British National Grid (0 to 1,300,000 metres).` };
  return { value: [easting, northing] };
}
