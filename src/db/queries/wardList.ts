import type { Database } from '../database.ts';
import { placeScope, type Place } from './places.ts';

export interface WardListRow {
  code: string;
  name: string;
  lad_code: string;
  lad_name: string;
  /** Small areas whose best fit is this ward (the ones a locality made of it counts). */
  lsoas: number;
  population: number | null;
  lon: number | null;
  lat: number | null;
}

/**
 * Every ward in a place, by authority then name: the list a person picks a
 * locality's wards from, and the names a CSV of wards is matched against.
 * A ward's small areas are those whose best-fit ward it is (areas.ward_code).
 */
export function wardList(db: Database, place: Place): Promise<WardListRow[]> {
  const scope = placeScope(place);
  return db.query<WardListRow>(
    `SELECT a.code, a.name, a.lad_code, a.lad_name,
            (SELECT COUNT(*) FROM areas s WHERE s.level = 'lsoa' AND s.ward_code = a.code)::INTEGER AS lsoas,
            a.population, a.lon, a.lat
       FROM areas a
      WHERE a.level = 'ward' AND ${scope.sql}
      ORDER BY a.lad_name, a.name, a.code`,
    scope.params,
  );
}

/** The given wards (any in England once its rows are loaded), for naming a locality's members. */
export function wardsByCode(db: Database, codes: readonly string[]): Promise<WardListRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.query<WardListRow>(
    `SELECT a.code, a.name, a.lad_code, a.lad_name,
            (SELECT COUNT(*) FROM areas s WHERE s.level = 'lsoa' AND s.ward_code = a.code)::INTEGER AS lsoas,
            a.population, a.lon, a.lat
       FROM areas a
      WHERE a.level = 'ward' AND a.code IN (${codes.map(() => '?').join(', ')})
      ORDER BY a.lad_name, a.name`,
    [...codes],
  );
}

export interface SmallAreaRow {
  code: string;
  name: string;
  ward_code: string | null;
  ward_name: string | null;
  lad_name: string | null;
  population: number | null;
}

/** Names (with their ward) of the given small areas, for a locality's list of single small areas. */
export function smallAreasNamed(db: Database, codes: readonly string[]): Promise<SmallAreaRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.query<SmallAreaRow>(
    `SELECT code, name, ward_code, ward_name, lad_name, population FROM areas
      WHERE level = 'lsoa' AND code IN (${codes.map(() => '?').join(', ')})
      ORDER BY ward_name, name`,
    [...codes],
  );
}
