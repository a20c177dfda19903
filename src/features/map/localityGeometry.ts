import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Locality } from '../../localities/locality.ts';

/**
 * Which locality each small area belongs to (the first, where localities
 * overlap), from the small areas' own ward codes: a ward member stands for its
 * best-fit small areas, exactly as in the database (db/queries/localities.ts).
 */
export function localityOfLsoa(localities: readonly Locality[], lsoas: FeatureCollection): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of localities) {
    const wards = new Set(l.wards);
    const own = new Set(l.lsoas);
    for (const f of lsoas.features) {
      const code = String(f.properties?.code);
      if (!out.has(code) && (own.has(code) || wards.has(String(f.properties?.ward_code)))) out.set(code, l.id);
    }
  }
  return out;
}

/** Spread a colour per locality onto its small areas (how the map draws localities). */
export function lsoaColours(byLocality: ReadonlyMap<string, string>, membership: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [lsoa, locality] of membership) {
    const colour = byLocality.get(locality);
    if (colour) out.set(lsoa, colour);
  }
  return out;
}

/** Each locality's outline: its small areas dissolved into one shape (turf's union, loaded when first needed). */
export async function localityOutlines(localities: readonly Locality[], lsoas: FeatureCollection, membership: ReadonlyMap<string, string>): Promise<FeatureCollection> {
  if (localities.length === 0) return { type: 'FeatureCollection', features: [] };
  const { union, featureCollection } = await import('@turf/turf');
  const features: Feature[] = [];
  for (const l of localities) {
    const parts = lsoas.features.filter((f) => membership.get(String(f.properties?.code)) === l.id) as Feature<Polygon | MultiPolygon>[];
    if (parts.length === 0) continue;
    let shape: Feature | null;
    try {
      shape = parts.length === 1 ? parts[0]! : union(featureCollection(parts));
    } catch {
      shape = null;
    }
    // If the union fails (a sliver between generalised edges), the small areas' own edges still show it.
    for (const f of shape ? [shape] : parts) features.push({ ...f, properties: { code: l.id, name: l.name } });
  }
  return { type: 'FeatureCollection', features };
}
