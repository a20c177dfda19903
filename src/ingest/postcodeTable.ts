import { tableFromIPC } from 'apache-arrow';
import { normalisePostcode } from './normalise/postcode.ts';

/** Where a known postcode is: its LSOA 2021 and its centroid (null when the NSPL has none). */
export interface PostcodeEntry {
  postcode: string;
  lsoa_code: string;
  lon: number | null;
  lat: number | null;
}

/** What looking a postcode up found, with a plain reason when it places nothing. */
export type PostcodeFind =
  | { found: PostcodeEntry }
  | { problem: 'malformed' | 'outside' | 'unknown'; reason: string };

/** The built-in postcode lookup, fetched only when needed (the app's own origin). */
export const POSTCODES_PATH = 'data/tables/postcodes.arrows';

/**
 * The five authorities' NSPL postcodes (data/tables/postcodes.arrows, built by
 * scripts/data/postcodes.ts): sorted postcodes searched by halving, so the
 * 51,925 entries stay as the Arrow file's own columns rather than 51,925 objects.
 * The same table serves the import worker and the map's "find a postcode" box.
 */
export class PostcodeTable {
  private readonly codes: string[];
  private readonly lsoa: (string | null)[];
  private readonly lat: Int32Array;
  private readonly lon: Int32Array;
  private readonly hasPoint: (i: number) => boolean;
  private readonly districts: Set<string>;

  constructor(bytes: Uint8Array) {
    const t = tableFromIPC(bytes);
    const col = (name: string) => {
      const c = t.getChild(name);
      if (!c) throw new Error(`The postcode lookup has no ${name} column.`);
      return c;
    };
    this.codes = col('postcode').toArray() as string[];
    // Decode the dictionary once: 869 distinct strings shared by every row.
    const lsoa = col('lsoa_code');
    this.lsoa = Array.from({ length: t.numRows }, (_, i) => lsoa.get(i) as string | null);
    const lat = col('lat_e5');
    const lon = col('lon_e5');
    this.lat = Int32Array.from({ length: t.numRows }, (_, i) => (lat.get(i) as number | null) ?? 0);
    this.lon = Int32Array.from({ length: t.numRows }, (_, i) => (lon.get(i) as number | null) ?? 0);
    this.hasPoint = (i) => lat.isValid(i);
    this.districts = new Set(this.codes.map((c) => c.slice(0, c.indexOf(' '))));
  }

  get size(): number {
    return this.codes.length;
  }

  /** A postcode already in the table's form ("KT1 2AB"), or null. */
  entry(postcode: string): PostcodeEntry | null {
    let lo = 0;
    let hi = this.codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.codes[mid]!;
      if (c === postcode) {
        const point = this.hasPoint(mid);
        return {
          postcode: c,
          lsoa_code: this.lsoa[mid]!,
          lat: point ? this.lat[mid]! / 1e5 : null,
          lon: point ? this.lon[mid]! / 1e5 : null,
        };
      }
      if (c < postcode) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** A postcode as typed: found, or why not (malformed, outside the five areas, or not a postcode we know). */
  find(text: string): PostcodeFind {
    const checked = normalisePostcode(text);
    if ('error' in checked) return { problem: 'malformed', reason: checked.error };
    const found = this.entry(checked.value);
    if (found) return { found };
    // The file holds every postcode of the five authorities, terminated ones too: a district
    // it never mentions is elsewhere; a missing postcode of a district it has is probably mistyped.
    if (!this.districts.has(checked.outward)) {
      return { problem: 'outside', reason: `The postcode '${checked.value}' is outside the five areas (no postcode in ${checked.outward} is in them).` };
    }
    return {
      problem: 'unknown',
      reason: `The postcode '${checked.value}' isn't one we know in the five areas: check it for a typo (${checked.outward} postcodes near a boundary may belong to a neighbouring council).`,
    };
  }
}
