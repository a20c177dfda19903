/**
 * Real ward and LSOA boundaries, and points drawn inside them, so every
 * synthetic location sits on land inside the ward it claims to be in.
 */
import { readFileSync } from 'node:fs';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Random } from './random.ts';

export type Area = Feature<Polygon | MultiPolygon, { code: string; name: string; lad_code: string; ward_code?: string }>;

export interface Ward {
  code: string;
  name: string;
  ladCode: string;
  shape: Area;
  lsoas: Area[];
}

/** Coordinates are written to 5 decimal places (about a metre), which is plenty for a venue or a site. */
export const COORD_DECIMALS = 5;

export interface Point {
  lon: number;
  lat: number;
}

function readAreas(path: string): Area[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Area['properties']>).features;
}

/** Looks a ward up by name within an authority (names like "Central" repeat across authorities). */
export function loadWards(wardPath: string, lsoaPath: string, wanted: readonly { name: string; ladCode: string }[]): Ward[] {
  const wards = readAreas(wardPath);
  const lsoas = readAreas(lsoaPath);
  return wanted.map(({ name, ladCode }) => {
    const shape = wards.find((f) => f.properties.name === name && f.properties.lad_code === ladCode);
    if (!shape) throw new Error(`Ward "${name}" (${ladCode}) is not in ${wardPath}`);
    const code = shape.properties.code;
    const inWard = lsoas.filter((f) => f.properties.ward_code === code);
    if (inWard.length === 0) throw new Error(`No LSOAs for ward "${name}" (${code}) in ${lsoaPath}`);
    return { code, name, ladCode, shape, lsoas: inWard };
  });
}

function round(value: number): number {
  return Number(value.toFixed(COORD_DECIMALS));
}

/**
 * A point inside one LSOA and its ward, by rejection sampling in the LSOA's
 * bounding box. The test is repeated after rounding so the written
 * coordinates, not just the drawn ones, are inside.
 */
export function pointInLsoa(random: Random, lsoa: Area, ward: Ward): Point {
  const [minX, minY, maxX, maxY] = bbox(lsoa);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const lon = round(random.between(minX, maxX));
    const lat = round(random.between(minY, maxY));
    if (booleanPointInPolygon([lon, lat], lsoa) && booleanPointInPolygon([lon, lat], ward.shape)) return { lon, lat };
  }
  throw new Error(`Could not place a point inside ${lsoa.properties.code}`);
}

/**
 * Uneven weights for a ward's LSOAs: some small areas answer far more than
 * others, so the app has areas to flag as under-represented.
 */
export function lsoaWeights(random: Random, ward: Ward): number[] {
  return ward.lsoas.map(() => {
    const u = random.uniform();
    return 0.1 + u * u * 3;
  });
}

export function pointInWard(random: Random, ward: Ward, weights: readonly number[]): Point {
  return pointInLsoa(random, random.weightedPick(ward.lsoas, weights), ward);
}
