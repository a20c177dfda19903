import proj4 from 'proj4';
import { ENGLAND_BOX, GRID_BOX, insideEnglandBox } from '../validate/coordinates.ts';

/**
 * EPSG:27700 (OSGB36 / British National Grid) as Ordnance Survey publishes it
 * for proj4, with the 7-parameter Helmert shift to WGS84. Without the OSTN15
 * grid (not available offline) this is good to about 5 m: against the OS's
 * OSTN15 test points in England it is within 1–5 m (worst at the Isles of
 * Scilly). That is well inside a small area and far below police.uk's own
 * location anonymisation, so it is accurate enough for placing points in LSOAs
 * except right on a boundary.
 */
export const OSGB36_PROJ4 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const gridToWgs84 = proj4(OSGB36_PROJ4, 'EPSG:4326');

/** Easting and northing (metres, EPSG:27700) → [longitude, latitude] (WGS84 degrees). */
export function eastingNorthingToLonLat(easting: number, northing: number): [number, number] {
  const [lon, lat] = gridToWgs84.forward([easting, northing]);
  return [lon!, lat!];
}

/** [longitude, latitude] (WGS84) → [easting, northing] on the British National Grid. */
export function lonLatToEastingNorthing(lon: number, lat: number): [number, number] {
  const [e, n] = gridToWgs84.inverse([lon, lat]);
  return [e!, n!];
}

export interface CoordinateCheck {
  /** True when the two columns look the wrong way round; the message offers the fix. */
  swapped: boolean;
  message?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function round(value: number, digits: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/**
 * Look at a sample of coordinate pairs and say whether the two columns seem
 * swapped. `a` is the value from the column mapped as longitude (or easting),
 * `b` the one mapped as latitude (or northing). A majority of rows must fit
 * only the other way round before a swap is suggested. Given `locate` (the
 * spatial assignment), "fit" means landing in the five areas; without it,
 * England's bounding box, which can tell swapped longitude and latitude
 * apart but not swapped eastings and northings.
 */
export function checkCoordinates(
  sample: { a: number; b: number }[],
  kind: 'lonlat' | 'eastnorth',
  locate?: (lon: number, lat: number) => unknown,
): CoordinateCheck {
  // Blank cells read with Number() come through as 0, 0: leave them out.
  const pairs = sample.filter((p) => Number.isFinite(p.a) && Number.isFinite(p.b) && !(p.a === 0 && p.b === 0));
  if (pairs.length === 0) return { swapped: false };
  if (locate) {
    const byAreas = checkAgainstAreas(pairs, kind, locate);
    if (byAreas) return byAreas;
  }
  return kind === 'lonlat' ? checkLonLatPairs(pairs) : checkGridPairs(pairs);
}

/**
 * With the spatial assignment at hand, the strongest test: do more points
 * land in the five areas read the other way round? This is the only way to
 * catch swapped eastings and northings, which overlap in range across England.
 */
function checkAgainstAreas(pairs: { a: number; b: number }[], kind: 'lonlat' | 'eastnorth', locate: (lon: number, lat: number) => unknown): CoordinateCheck | null {
  const toLonLat = (x: number, y: number): [number, number] => (kind === 'lonlat' ? [x, y] : insideGrid(x, y) ? eastingNorthingToLonLat(x, y) : [NaN, NaN]);
  let asMapped = 0;
  let asSwapped = 0;
  for (const { a, b } of pairs) {
    if (locate(...toLonLat(a, b))) asMapped++;
    else if (locate(...toLonLat(b, a))) asSwapped++;
  }
  if (!(asSwapped > pairs.length / 2 && asSwapped > asMapped)) return null;
  return {
    swapped: true,
    message: `${kind === 'lonlat' ? 'Latitude and longitude' : 'Easting and northing'} look swapped: ${asSwapped} of the first ${pairs.length} rows fall in the five areas only with the two columns the other way round. Swap the two columns?`,
  };
}

function checkLonLatPairs(pairs: { a: number; b: number }[]): CoordinateCheck {
  let asMapped = 0;
  let asSwapped = 0;
  let gridLike = 0;
  for (const { a, b } of pairs) {
    if (insideEnglandBox(a, b)) asMapped++;
    else if (insideEnglandBox(b, a)) asSwapped++;
    else if (Math.abs(a) > 1000 && Math.abs(b) > 1000 && a <= GRID_BOX.east && b <= GRID_BOX.north) gridLike++;
  }
  const lonText = round(median(pairs.map((p) => p.a)), 4);
  const latText = round(median(pairs.map((p) => p.b)), 4);
  if (asSwapped > pairs.length / 2 && asSwapped > asMapped) {
    return {
      swapped: true,
      message: `Latitude and longitude look swapped: the column mapped as latitude holds values around ${latText} and the one mapped as longitude around ${lonText}. In England latitude is about 50 to 55 and longitude about -6 to 2. Swap the two columns?`,
    };
  }
  if (gridLike > pairs.length / 2) {
    return {
      swapped: false,
      message: `The columns mapped as longitude and latitude hold large numbers (around ${lonText} and ${latText}); they look like eastings and northings in metres. Map them as easting and northing instead.`,
    };
  }
  if (asMapped < pairs.length / 2) {
    return {
      swapped: false,
      message: `Most coordinates in the first rows are outside England (longitude ${ENGLAND_BOX.west} to ${ENGLAND_BOX.east}, latitude ${ENGLAND_BOX.south} to ${ENGLAND_BOX.north}); check the columns chosen.`,
    };
  }
  return { swapped: false };
}

function insideGrid(e: number, n: number): boolean {
  return e >= 0 && e <= GRID_BOX.east && n >= 0 && n <= GRID_BOX.north;
}

/**
 * Without the areas, a swap can't be seen: a northing read as an easting
 * still lands in England (or, above 660 km, leaves England either way round),
 * so only points off England altogether are reported.
 */
function checkGridPairs(pairs: { a: number; b: number }[]): CoordinateCheck {
  let inEngland = 0;
  for (const { a, b } of pairs) if (insideGrid(a, b) && insideEnglandBox(...eastingNorthingToLonLat(a, b))) inEngland++;
  if (inEngland < pairs.length / 2) {
    return { swapped: false, message: 'Most eastings and northings in the first rows are outside England; check the columns chosen (they should be in metres on the British National Grid).' };
  }
  return { swapped: false };
}
