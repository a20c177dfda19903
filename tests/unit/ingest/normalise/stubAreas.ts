import type { LocatedArea, NormaliseOptions, PlacedCode } from '../../../../src/ingest/normalise/createNormaliser.ts';

/**
 * Two pretend small areas side by side in Leicester, in one ward: A west of
 * longitude -1.1, B east of it, both between latitudes 52.6 and 52.7.
 * Anything else is outside every area.
 */
export function stubLocate(lon: number, lat: number): LocatedArea | null {
  if (lat < 52.6 || lat >= 52.7 || lon < -1.2 || lon >= -1.0) return null;
  return lon < -1.1 ? { lsoa_code: 'E01000001', ward_code: 'E05000001', lad_code: 'E06000016' } : { lsoa_code: 'E01000002', ward_code: 'E05000001', lad_code: 'E06000016' };
}

const CODES: Record<string, PlacedCode> = {
  E01000001: { lsoa_code: 'E01000001', ward_code: 'E05000001', lad_code: 'E06000016', lon: -1.15, lat: 52.65 },
  E01000002: { lsoa_code: 'E01000002', ward_code: 'E05000001', lad_code: 'E06000016', lon: -1.05, lat: 52.65 },
  E05000001: { lsoa_code: null, ward_code: 'E05000001', lad_code: 'E06000016', lon: -1.1, lat: 52.66 },
};

export function stubAreaOfCode(code: string): PlacedCode | null {
  return CODES[code] ?? null;
}

export const STUB_AREAS: Pick<NormaliseOptions, 'locate' | 'areaOfCode'> = { locate: stubLocate, areaOfCode: stubAreaOfCode };
