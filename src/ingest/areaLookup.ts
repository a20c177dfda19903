import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PolygonPointIndex } from '../geo/assign/pointIndex.ts';
import { labelPoint } from '../geo/labelPoint.ts';
import { ImportError } from './importJob.ts';
import type { Mapping } from './map/fields.ts';
import type { PostcodePlacement } from './normalise/postcode.ts';
import { POSTCODES_PATH, PostcodeTable } from './postcodeTable.ts';
import type { DatasetKind } from './schemas.ts';

/** The five authorities' LSOA 2011 codes that are not 2021 codes, with their 2021 successors (scripts/data/postcodes.ts). */
export const LSOA11_PATH = 'data/lsoa11-five.json';

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
  private postcodes: PostcodeTable | null = null;
  private lsoa11: Map<string, readonly string[]> | null = null;
  private loading = new Map<string, Promise<void>>();

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

  /** Use this postcode lookup (the worker fetches it; tests read it from data/). */
  usePostcodes(table: PostcodeTable): void {
    this.postcodes = table;
  }

  /** Use this list of changed LSOA 2011 codes (data/lsoa11-five.json). */
  useLsoa11Changes(changes: Record<string, readonly string[]>): void {
    this.lsoa11 = new Map(Object.entries(changes));
  }

  /**
   * Fetch what this import needs beyond the boundaries, once per worker: the
   * postcode lookup (1.2 MB) only when a postcode column is mapped, the LSOA
   * 2011 changes (1 KB) only for police files. `dataUrl` is the URL of data/.
   */
  prepare(choices: { kind: DatasetKind; mapping: Mapping }, dataUrl: string): Promise<void> {
    const jobs: Promise<void>[] = [];
    const once = (path: string, load: (res: Response) => Promise<void>) => {
      let job = this.loading.get(path);
      if (!job) {
        job = fetch(new URL(path.replace(/^data\//, ''), dataUrl)).then(async (res) => {
          if (!res.ok) throw new Error(`the server answered ${res.status}`);
          await load(res);
        }).catch((e: unknown) => {
          const why = e instanceof Error ? e.message : String(e);
          throw new ImportError(`The ${path === POSTCODES_PATH ? 'postcode lookup' : 'list of 2011 small-area codes'} could not be loaded (${why}). Reload the page and try again; nothing already loaded has changed.`);
        });
        // A failed load is forgotten, so the next import tries again.
        job.catch(() => this.loading.delete(path));
        this.loading.set(path, job);
      }
      jobs.push(job);
    };
    if (choices.mapping.postcode !== undefined) once(POSTCODES_PATH, async (res) => this.usePostcodes(new PostcodeTable(new Uint8Array(await res.arrayBuffer()))));
    if (choices.kind === 'police') once(LSOA11_PATH, async (res) => this.useLsoa11Changes((await res.json()) as Record<string, string[]>));
    return Promise.all(jobs).then(() => undefined);
  }

  /**
   * A postcode's small area, ward and authority, at its centroid (or, with no
   * centroid, at the point inside its small area); or why it cannot be placed.
   */
  placePostcode = (text: string): PostcodePlacement => {
    if (!this.postcodes) return { problem: 'unknown', reason: "The postcode lookup isn't loaded, so postcodes can't be placed; try the import again." };
    const found = this.postcodes.find(text);
    if ('problem' in found) return found;
    const { postcode, lsoa_code, lon, lat } = found.found;
    const area = this.byCode.get(lsoa_code);
    if (!area) return { problem: 'outside', reason: `The postcode '${postcode}' is in ${lsoa_code}, which isn't one of the five areas' small areas.` };
    const centroid = lon !== null && lat !== null;
    return { lsoa_code, ward_code: area.ward_code, lad_code: area.lad_code, lon: centroid ? lon : area.lon, lat: centroid ? lat : area.lat, postcode, centroid };
  };

  /** The 2021 successors of one of the five authorities' changed LSOA 2011 codes; null for any other code (or before the list is loaded). */
  lsoa2011 = (code: string): readonly string[] | null => this.lsoa11?.get(code) ?? null;
}
