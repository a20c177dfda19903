import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PolygonPointIndex } from '../geo/assign/pointIndex.ts';
import { labelPoint } from '../geo/labelPoint.ts';

export interface PlacedArea {
  lsoa_code: string | null;
  ward_code: string;
  lad_code: string;
  lon: number;
  lat: number;
}

/**
 * Where imported rows land: points go to the five authorities' small areas
 * through a spatial index (never a loop over every polygon); small-area and
 * ward codes given instead of coordinates are looked up, and placed at a
 * point inside the area.
 */
export class AreaLookup {
  private readonly index: PolygonPointIndex;
  private readonly lsoas: { code: string; ward_code: string; lad_code: string }[];
  private readonly byCode = new Map<string, PlacedArea>();

  constructor(lsoa: FeatureCollection, ward: FeatureCollection) {
    const lsoaFeatures = lsoa.features as Feature<Polygon | MultiPolygon>[];
    this.lsoas = lsoaFeatures.map((f) => ({
      code: String(f.properties?.code),
      ward_code: String(f.properties?.ward_code),
      lad_code: String(f.properties?.lad_code),
    }));
    this.index = new PolygonPointIndex(lsoaFeatures.map((f, i) => ({ code: this.lsoas[i]!.code, geometry: f.geometry })));
    lsoaFeatures.forEach((f, i) => {
      const a = this.lsoas[i]!;
      const [lon, lat] = labelPoint(f);
      this.byCode.set(a.code, { lsoa_code: a.code, ward_code: a.ward_code, lad_code: a.lad_code, lon: lon!, lat: lat! });
    });
    for (const f of ward.features as Feature<Polygon | MultiPolygon>[]) {
      const code = String(f.properties?.code);
      const [lon, lat] = labelPoint(f);
      this.byCode.set(code, { lsoa_code: null, ward_code: code, lad_code: String(f.properties?.lad_code), lon: lon!, lat: lat! });
    }
  }

  /** The small area, ward and authority a point falls in, or null outside all five authorities. */
  locate = (lon: number, lat: number): { lsoa_code: string; ward_code: string; lad_code: string } | null => {
    const i = this.index.locate(lon, lat);
    if (i < 0) return null;
    const a = this.lsoas[i]!;
    return { lsoa_code: a.code, ward_code: a.ward_code, lad_code: a.lad_code };
  };

  /** A small-area (E01…) or ward (E05…) code of the five authorities, with a point inside it. */
  areaOfCode = (code: string): PlacedArea | null => this.byCode.get(code.trim().toUpperCase()) ?? null;
}
