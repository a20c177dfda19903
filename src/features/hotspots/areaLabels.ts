import type { AreaName } from '../../db/queries/places.ts';

/** "Name (Ward)" for a small area, so every small-area list names its ward; a ward (no ward of its own) as it is. */
export function nameWithWard(name: string, ward: string | null | undefined): string {
  return ward && ward !== name ? `${name} (${ward})` : name;
}

/** Each area's label as lists show it, by code. */
export function areaLabels(rows: readonly AreaName[]): Map<string, string> {
  return new Map(rows.map((a) => [a.code, nameWithWard(a.name, a.ward_name)]));
}

/** Each small area's ward name (null for a ward, or one not known), by code: for CSV ward columns. */
export function wardNames(rows: readonly AreaName[]): Map<string, string | null> {
  return new Map(rows.map((a) => [a.code, a.ward_name]));
}
