import { checkCoordinates } from './map/coordinates.ts';
import type { Mapping } from './map/guessMapping.ts';
import type { RawChunk } from './read/types.ts';

/**
 * Whether the columns mapped as longitude and latitude (or easting and
 * northing) look the wrong way round in the preview rows: the plain-English
 * question to put to the person, or null.
 */
export function swapWarningFor(mapping: Mapping, chunk: RawChunk): string | null {
  const pair = mapping.lon && mapping.lat ? ([mapping.lon, mapping.lat, 'lonlat'] as const) : mapping.easting && mapping.northing ? ([mapping.easting, mapping.northing, 'eastnorth'] as const) : null;
  if (!pair) return null;
  const [aCol, bCol, kind] = pair;
  const a = chunk.header.indexOf(aCol);
  const b = chunk.header.indexOf(bCol);
  if (a < 0 || b < 0) return null;
  const sample = chunk.rows.slice(0, 200).map((r) => ({ a: Number(r[a]), b: Number(r[b]) }));
  const check = checkCoordinates(sample, kind);
  return check.swapped ? (check.message ?? 'The two coordinate columns look swapped.') : null;
}
