import { describe, expect, it } from 'vitest';
import { checkCoordinates, eastingNorthingToLonLat, lonLatToEastingNorthing } from '../../../../src/ingest/map/coordinates.ts';

/** Metres between two WGS84 points (equirectangular; fine over a few metres). */
function metres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const k = Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  return Math.hypot((lon2 - lon1) * 111_320 * k, (lat2 - lat1) * 111_320);
}

/**
 * Ordnance Survey's OSTN15 test points in England (developer pack,
 * OSTN15_OSGM15_TestInput/Output_ETRStoOSGB): ETRS89 latitude, longitude and
 * the exact OSGB36 easting, northing. The Helmert shift can't match OSTN15
 * exactly; OS quote about 5 m for it.
 */
const OS_TEST_POINTS: [string, number, number, number, number][] = [
  ['TP01 St Mary’s, Scilly', 49.9222639373, -6.29977752014, 91492.146, 11318.804],
  ['TP04 St Catherine’s Point', 50.57563665, -1.2978227724, 449816.371, 75335.861],
  ['TP09 Lambeth', 51.4893656495, -0.1199255718, 530624.974, 178388.464],
  ['TP13 Northampton', 52.2516095123, -0.9124895697, 474335.969, 262047.755],
  ['TP15 Nottingham', 52.9621910941, -1.19747655922, 454002.834, 340834.943],
  ['TP16 Daresbury', 53.3448028019, -2.6404932081, 357455.843, 383290.436],
  ['TP20 Pudsey', 53.8002151963, -1.66379168242, 422242.186, 433818.701],
  ['TP25 Newcastle University', 54.9791227366, -1.61657685184, 424639.355, 565012.703],
];

describe('eastingNorthingToLonLat', () => {
  it.each(OS_TEST_POINTS)('%s is within 5 m of the OS position', (_name, lat, lon, e, n) => {
    const got = eastingNorthingToLonLat(e, n);
    expect(metres(got, [lon, lat])).toBeLessThan(5);
  });

  it('round-trips through lonLatToEastingNorthing to the centimetre', () => {
    const [lon, lat] = eastingNorthingToLonLat(458732, 304492);
    const [e, n] = lonLatToEastingNorthing(lon, lat);
    expect(e).toBeCloseTo(458732, 2);
    expect(n).toBeCloseTo(304492, 2);
  });

  it('puts the grid reference given for Leicester Clock Tower in central Leicester', () => {
    // E 458,732 N 304,492 comes out at 52.6350, -1.1336: about 155 m south of
    // the tower's usual 52.6364, -1.1334 (whose grid reference is N ≈ 304,647),
    // so that pair is only good to a couple of hundred metres, not 10 m.
    const got = eastingNorthingToLonLat(458732, 304492);
    expect(got[0]).toBeCloseTo(-1.13360, 4);
    expect(got[1]).toBeCloseTo(52.63501, 4);
    expect(metres(got, [-1.1334, 52.6364])).toBeLessThan(200);
  });
});

describe('checkCoordinates', () => {
  it('spots latitude and longitude mapped the wrong way round', () => {
    const sample = [
      { a: 52.6364, b: -1.1334 },
      { a: 52.6201, b: -1.1502 },
      { a: 53.55, b: -2.63 },
      // Blank rows as Number('') gives them, and unreadable ones: ignored.
      { a: 0, b: 0 },
      { a: 0, b: 0 },
      { a: 0, b: 0 },
      { a: NaN, b: 52 },
    ];
    const check = checkCoordinates(sample, 'lonlat');
    expect(check.swapped).toBe(true);
    expect(check.message).toBe(
      'Latitude and longitude look swapped: the column mapped as latitude holds values around -1.1502 and the one mapped as longitude around 52.6364. In England latitude is about 50 to 55 and longitude about -6 to 2. Swap the two columns?',
    );
  });

  it('is quiet when they are the right way round', () => {
    expect(checkCoordinates([{ a: -1.1334, b: 52.6364 }, { a: -0.3, b: 51.41 }], 'lonlat')).toEqual({ swapped: false });
  });

  it('says when longitude/latitude columns hold eastings and northings', () => {
    const check = checkCoordinates([{ a: 458732, b: 304492 }, { a: 459001, b: 304100 }], 'lonlat');
    expect(check.swapped).toBe(false);
    expect(check.message).toContain('they look like eastings and northings in metres');
  });

  it('spots swapped eastings and northings with the spatial assignment, which the bounding box alone cannot', () => {
    // A stub "five areas": a box around central Leicester.
    const locate = (lon: number, lat: number): object | null => (lon > -1.2 && lon < -1.05 && lat > 52.58 && lat < 52.69 ? {} : null);
    const swapped = [
      { a: 304492, b: 458732 },
      { a: 304100, b: 459001 },
      { a: 305000, b: 457500 },
    ];
    // Read as mapped these land in the Yorkshire Dales: inside England, so the box can't object.
    expect(checkCoordinates(swapped, 'eastnorth')).toEqual({ swapped: false });
    expect(checkCoordinates(swapped, 'eastnorth', locate)).toEqual({
      swapped: true,
      message: 'Easting and northing look swapped: 3 of the first 3 rows fall in the five areas only with the two columns the other way round. Swap the two columns?',
    });
    expect(checkCoordinates(swapped.map(({ a, b }) => ({ a: b, b: a })), 'eastnorth', locate)).toEqual({ swapped: false });
    expect(checkCoordinates([{ a: 52.6364, b: -1.1334 }], 'lonlat', locate).swapped).toBe(true);
  });

  it('without the areas, only says when eastings and northings are off England altogether', () => {
    expect(checkCoordinates([{ a: 400_000, b: 1_100_000 }], 'eastnorth')).toEqual({
      swapped: false,
      message: 'Most eastings and northings in the first rows are outside England; check the columns chosen (they should be in metres on the British National Grid).',
    });
    expect(checkCoordinates([{ a: 458_732, b: 304_492 }], 'eastnorth')).toEqual({ swapped: false });
  });
});
