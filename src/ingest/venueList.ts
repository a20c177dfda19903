import type { RawChunk } from './read/types.ts';
import { withoutBrackets } from './reconcile/keys.ts';
import { normaliseKey } from './validate/text.ts';

export interface VenueList {
  venues: [string, { lon: number; lat: number }][];
  problems: string[];
}

/** A column by its name, ignoring case, punctuation and bracketed notes ('Latitude (WGS84)', 'Venue name:'). */
const find = (header: string[], names: RegExp) => header.findIndex((h) => names.test(normaliseKey(withoutBrackets(h))));

/**
 * A person's list of venues (name, latitude, longitude), used to place survey
 * responses that only name where they were collected.
 */
export function parseVenueList(chunk: RawChunk): VenueList {
  const name = find(chunk.header, /^(venue|name|venue name|name of venue|place|place name|location|location name|site|site name|event venue)$/);
  const lat = find(chunk.header, /^(lat|latitude|y|lat wgs84|latitude wgs84)$/);
  const lon = find(chunk.header, /^(lon|lng|long|longitude|x|lon wgs84|longitude wgs84)$/);
  if (name < 0 || lat < 0 || lon < 0) {
    return { venues: [], problems: ['The venue list needs three columns: Venue, Latitude and Longitude.'] };
  }
  const venues: VenueList['venues'] = [];
  const problems: string[] = [];
  const seen = new Map<string, { lon: number; lat: number }>();
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
    const earlier = seen.get(v.toLowerCase());
    if (earlier) {
      if (earlier.lon !== lo || earlier.lat !== la) problems.push(`Row ${row}: “${v}” is listed again with a different place; the first one is used.`);
      return;
    }
    seen.set(v.toLowerCase(), { lon: lo, lat: la });
    venues.push([v, { lon: lo, lat: la }]);
  });
  return { venues, problems };
}
