import { Dictionary, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { field, readCsv } from './csv.ts';
import type { Lookup11to21Row, LsoaLookup } from './lookups.ts';
import { FIVE_CODES } from './raw-paths.ts';
import { cmp } from './util.ts';

export const POSTCODES_RAW = 'lookups/nspl_postcodes_five_lads_lsoa21_ward.csv';
export const POSTCODES_FILE = 'tables/postcodes.arrows';
export const LSOA11_FILE = 'lsoa11-five.json';
export const EXPECTED_POSTCODES = 51925;

/** The UK postcode shape the app accepts (src/ingest/normalise/postcode.ts uses the same rule). */
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

export interface PostcodeStats {
  rows: number;
  byLad: Record<string, number>;
  withoutCentroid: number;
  /** Postcodes whose NSPL ward differs from the best-fit ward of their LSOA (the app uses the LSOA's). */
  nsplWardDiffers: number;
  districts: number;
  bytes: number;
}

/**
 * NSPL postcodes of the five authorities → one compact Arrow stream, sorted by
 * postcode: postcode (Utf8, "KT1 1AA"), lsoa_code (dictionary of the 869
 * codes), lat_e5 / lon_e5 (Int32, degrees × 100,000, exactly the file's 5 dp;
 * null when the May 2025 NSPL has no centroid). Ward and authority come from
 * the LSOA (best-fit lookup), as for every other imported row, so they are
 * not repeated 51,925 times. Throws on anything the app could not rely on.
 */
export function buildPostcodes(lookup: Map<string, LsoaLookup>): { bytes: Uint8Array; stats: PostcodeStats } {
  const rows = readCsv(POSTCODES_RAW).map((r) => ({
    postcode: field(r, 'postcode'),
    lad: field(r, 'lad_code'),
    ward: field(r, 'ward_code'),
    lsoa: field(r, 'lsoa21_code'),
    lat: field(r, 'lat').trim(),
    lon: field(r, 'lon').trim(),
  }));
  rows.sort((a, b) => cmp(a.postcode, b.postcode));
  const stats: PostcodeStats = { rows: rows.length, byLad: {}, withoutCentroid: 0, nsplWardDiffers: 0, districts: 0, bytes: 0 };
  const districts = new Set<string>();
  const e5 = (text: string, what: string, pc: string): number => {
    const n = Math.round(Number(text) * 1e5);
    if (!Number.isFinite(n) || Math.abs(n / 1e5 - Number(text)) > 1e-9) throw new Error(`postcodes: ${pc} ${what} "${text}" is not a 5 dp number`);
    return n;
  };
  const lats: (number | null)[] = [];
  const lons: (number | null)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!POSTCODE.test(r.postcode)) throw new Error(`postcodes: "${r.postcode}" is not a single-spaced UK postcode`);
    if (i > 0 && rows[i - 1]!.postcode === r.postcode) throw new Error(`postcodes: ${r.postcode} appears twice`);
    const area = lookup.get(r.lsoa);
    if (!area || !FIVE_CODES.has(area.ladCode)) throw new Error(`postcodes: ${r.postcode} has LSOA ${r.lsoa}, not one of the five authorities'`);
    if (area.ladCode !== r.lad) throw new Error(`postcodes: ${r.postcode} is in ${r.lad} but its LSOA ${r.lsoa} is in ${area.ladCode}`);
    if (area.wardCode !== r.ward) stats.nsplWardDiffers++;
    stats.byLad[r.lad] = (stats.byLad[r.lad] ?? 0) + 1;
    districts.add(r.postcode.split(' ')[0]!);
    if ((r.lat === '') !== (r.lon === '')) throw new Error(`postcodes: ${r.postcode} has only one of lat/lon`);
    if (r.lat === '') {
      stats.withoutCentroid++;
      lats.push(null);
      lons.push(null);
    } else {
      lats.push(e5(r.lat, 'lat', r.postcode));
      lons.push(e5(r.lon, 'lon', r.postcode));
    }
  }
  if (rows.length !== EXPECTED_POSTCODES) throw new Error(`postcodes: ${rows.length} rows, expected ${EXPECTED_POSTCODES} (SOURCES.md)`);
  stats.districts = districts.size;
  const table = new Table({
    postcode: vectorFromArray(rows.map((r) => r.postcode), new Utf8()),
    lsoa_code: vectorFromArray(rows.map((r) => r.lsoa), new Dictionary(new Utf8(), new Int32())),
    lat_e5: vectorFromArray(lats, new Int32()),
    lon_e5: vectorFromArray(lons, new Int32()),
  });
  const bytes = tableToIPC(table, 'stream');
  stats.bytes = bytes.byteLength;
  return { bytes, stats };
}

/**
 * The five authorities' LSOA 2011 codes that are not LSOA 2021 codes (split,
 * merged or redrawn in 2021), each with its 2021 successors. police.uk files
 * before 2023 carry these codes; a row with one is placed by its point, and
 * one whose point is off our simplified boundary goes to the nearest successor.
 * Any other code not in the 2021 set is another council's.
 */
export function buildLsoa11Changes(lookup11: Lookup11to21Row[], fiveLsoa21: ReadonlySet<string>): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of lookup11) {
    if (fiveLsoa21.has(r.lsoa11) || !fiveLsoa21.has(r.lsoa21)) continue;
    let s = out.get(r.lsoa11);
    if (!s) out.set(r.lsoa11, (s = new Set()));
    s.add(r.lsoa21);
  }
  const sorted: Record<string, string[]> = {};
  for (const k of [...out.keys()].sort(cmp)) sorted[k] = [...out.get(k)!].sort(cmp);
  return sorted;
}
