import type { RawChunk } from './read/types.ts';

export interface VenueList {
  venues: [string, { lon: number; lat: number }][];
  problems: string[];
}

const find = (header: string[], names: RegExp) => header.findIndex((h) => names.test(h.trim()));

/**
 * A person's list of venues (name, latitude, longitude), used to place survey
 * responses that only name where they were collected.
 */
export function parseVenueList(chunk: RawChunk): VenueList {
  const name = find(chunk.header, /^(venue|name|venue name|place|location)$/i);
  const lat = find(chunk.header, /^(lat|latitude|y)$/i);
  const lon = find(chunk.header, /^(lon|lng|long|longitude|x)$/i);
  if (name < 0 || lat < 0 || lon < 0) {
    return { venues: [], problems: ['The venue list needs three columns: Venue, Latitude and Longitude.'] };
  }
  const venues: VenueList['venues'] = [];
  const problems: string[] = [];
  chunk.rows.forEach((r, i) => {
    const row = chunk.firstRow + i;
    const v = (r[name] ?? '').trim();
    const la = Number(r[lat]);
    const lo = Number(r[lon]);
    if (!v) return;
    if (!Number.isFinite(la) || !Number.isFinite(lo) || la < 49 || la > 56 || lo < -7 || lo > 2) {
      problems.push(`Row ${row}: “${v}” has no usable latitude and longitude in England.`);
      return;
    }
    venues.push([v, { lon: lo, lat: la }]);
  });
  return { venues, problems };
}
