import type { Database } from '../database.ts';

export interface WardLabelRow {
  code: string;
  name: string;
  lon: number;
  lat: number;
  population: number | null;
}

/**
 * England's wards whose label point lies in a map view, most populous first:
 * the names shown when someone zooms into the England map (the five
 * authorities' names come from their boundary file instead).
 */
export function wardsInView(db: Database, [west, south, east, north]: readonly number[], limit: number): Promise<WardLabelRow[]> {
  return db.query<WardLabelRow>(
    `SELECT code, name, lon, lat, population FROM areas
      WHERE level = 'ward' AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?
      ORDER BY population DESC NULLS LAST, code LIMIT ?`,
    [west ?? 0, east ?? 0, south ?? 0, north ?? 0, limit],
  );
}
