import type { FeatureCollection } from 'geojson';
import { PolygonPointIndex } from '../../src/geo/assign/pointIndex.ts';
import type { TableSpec } from './arrow-write.ts';
import { type Row, field, num, readCsv } from './csv.ts';
import type { LsoaProps } from './geo-five.ts';
import { type Poly, insidePoint } from './geo-util.ts';
import type { Lookup11to21Row, LsoaLookup } from './lookups.ts';
import { FIVE_LADS, RAW } from './raw-paths.ts';
import { cmp, must, round } from './util.ts';

export interface Crime {
  id: string | null;
  month: string;
  lon: number;
  lat: number;
  lsoa_code: string;
  ward_code: string;
  lad_code: string;
  crime_type: string;
  source: string;
}

/** Kingston derived file (M. Ashby) recoded types → police.uk category names (all one-to-one). */
export const KINGSTON_TYPE_MAP: Record<string, string> = {
  'violent or sexual': 'Violence and sexual offences',
  'bicycle theft': 'Bicycle theft',
  burglary: 'Burglary',
  'criminal damage or arson': 'Criminal damage and arson',
  drugs: 'Drugs',
  other: 'Other crime',
  'other theft': 'Other theft',
  'public order': 'Public order',
  robbery: 'Robbery',
  shoplifting: 'Shoplifting',
  'theft from person': 'Theft from the person',
  'vehicle crime': 'Vehicle crime',
  'weapon possession': 'Possession of weapons',
};

export const SOURCES: Record<string, { label: string; note: string }> = {
  E06000016: { label: 'policeuk-leicestershire', note: 'police.uk street-level crimes and anti-social behaviour, Dec 2019 to Oct 2022. Published with LSOA 2011 codes: a code that is still an LSOA 2021 code, or that maps to a single 2021 LSOA, is used as given; a 2011 LSOA that was split is placed by its point among its 2021 parts. Locations are anonymised to nearby map points.' },
  E08000016: { label: 'policeuk-south-yorkshire', note: 'police.uk street-level crimes and anti-social behaviour, Jan to Apr 2024 only. Locations are anonymised to nearby map points.' },
  E06000050: { label: 'policeuk-cheshire', note: 'police.uk street-level crimes and anti-social behaviour, Jan to Apr 2024 only. Locations are anonymised to nearby map points.' },
  E09000021: { label: 'policeuk-ashby-2022', note: '2022 only, prepared by M. Ashby; anti-social behaviour not included; coordinates rounded to 4 decimal places; no crime IDs.' },
  E08000010: { label: 'none', note: 'No street-level police data is available for Wigan (Greater Manchester Police did not supply police.uk data for long periods); use the IoD 2025 crime indicators instead.' },
};

export interface AssignStats {
  /** Leicester rows whose police.uk code is a current LSOA 2021 code (used as given). */
  leicesterByCode: number;
  /** Leicester rows whose 2011 code maps to a single 2021 LSOA (unchanged in area, or merged): that LSOA. */
  leicesterByCode2011: number;
  /** Leicester rows whose 2011 LSOA was split, placed by their point inside one of its 2021 children. */
  leicesterSplitByPoint: number;
  /** Of those split rows, the point fell outside every child on our simplified shapes → nearest child's inside point. */
  leicesterSplitNearest: number;
  /** Split rows whose point lies on a shared edge (more than one polygon contains it) → lowest code. */
  leicesterPipAmbiguous: number;
  droppedNoCoords: number;
  droppedOutsideFive: number;
  kingstonWardDiffers: number;
}

/**
 * Codes of all LSOAs containing a point, lowest first — a thin wrapper over the
 * app's own index (src/geo/assign/pointIndex.ts: flatbush on bboxes, then an
 * even–odd point-in-polygon with boundary = inside), so the build and imports
 * in the browser assign points by the same rules.
 */
export class PolygonIndex {
  private readonly index: PolygonPointIndex;
  constructor(fc: FeatureCollection<Poly, LsoaProps>) {
    this.index = new PolygonPointIndex(fc.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  }
  locate(lon: number, lat: number): string[] {
    return this.index.locateEvery(lon, lat).map((i) => must(this.index.codes[i], 'code'));
  }
}

export function buildCrimes(
  lsoaFive: FeatureCollection<Poly, LsoaProps>,
  lookup: Map<string, LsoaLookup>,
  lookup11: Lookup11to21Row[],
): { crimes: Crime[]; stats: AssignStats } {
  const stats: AssignStats = {
    leicesterByCode: 0,
    leicesterByCode2011: 0,
    leicesterSplitByPoint: 0,
    leicesterSplitNearest: 0,
    leicesterPipAmbiguous: 0,
    droppedNoCoords: 0,
    droppedOutsideFive: 0,
    kingstonWardDiffers: 0,
  };
  const fiveLsoa = new Map(lsoaFive.features.map((f) => [f.properties.code, f.properties]));
  const crimes: Crime[] = [];
  const push = (id: string, month: string, lon: number, lat: number, lsoa: string, type: string, lad: string): void => {
    const p = fiveLsoa.get(lsoa);
    if (!p || p.lad_code !== lad) {
      stats.droppedOutsideFive++;
      return;
    }
    const l = must(lookup.get(lsoa), lsoa);
    const src = must(SOURCES[lad], lad);
    crimes.push({ id: id === '' ? null : id, month, lon: round(lon, 6), lat: round(lat, 6), lsoa_code: lsoa, ward_code: l.wardCode, lad_code: lad, crime_type: type, source: src.label });
  };
  const coords = (r: Row, lonCol: string, latCol: string): [number, number] | null => {
    const lon = num(r, lonCol);
    const lat = num(r, latCol);
    if (lon === null || lat === null) {
      stats.droppedNoCoords++;
      return null;
    }
    return [lon, lat];
  };
  const policeUk = (rel: string, lad: string, assign: (r: Row, lon: number, lat: number) => string): void => {
    for (const r of readCsv(rel)) {
      const c = coords(r, 'Longitude', 'Latitude');
      if (!c) continue;
      push(field(r, 'Crime ID'), field(r, 'Month'), c[0], c[1], assign(r, c[0], c[1]), field(r, 'Crime type'), lad);
    }
  };

  // Leicester: police.uk assigns each crime its LSOA on full-resolution boundaries (this file
  // carries LSOA 2011 codes), so the given code is kept wherever it identifies one LSOA 2021:
  // a current 2021 code, or a 2011 code with a single 2021 successor. Only a 2011 LSOA that was
  // split is placed by its point, restricted to its 2021 children; a point outside all of them
  // (our simplified shapes) goes to the child whose inside point is nearest. The same rule as
  // the app's police.uk importer (src/ingest/normalise/police.ts, data/lsoa11-five.json),
  // including its distance (squared degrees to the areas table's inside point, first child on a tie).
  const LEI = 'E06000016';
  const index = new PolygonIndex(lsoaFive);
  const children = new Map<string, Set<string>>();
  for (const r of lookup11) {
    const s = children.get(r.lsoa11) ?? new Set<string>();
    s.add(r.lsoa21);
    children.set(r.lsoa11, s);
  }
  const insidePoints = new Map(lsoaFive.features.map((f) => [f.properties.code, insidePoint(f.geometry)]));
  policeUk(RAW.crimeLeicester, LEI, (r, lon, lat) => {
    const code = field(r, 'LSOA code');
    if (fiveLsoa.has(code)) {
      stats.leicesterByCode++;
      return code;
    }
    const kids = [...(children.get(code) ?? [])].filter((k) => fiveLsoa.has(k)).sort(cmp);
    if (kids.length === 0) throw new Error(`Leicester crime with LSOA code ${JSON.stringify(code)}: neither an LSOA 2021 code of the five areas nor a 2011 code replaced by one`);
    if (kids.length === 1) {
      stats.leicesterByCode2011++;
      return must(kids[0], 'kid');
    }
    const hits = index.locate(lon, lat);
    const hit = hits[0];
    if (hit !== undefined && kids.includes(hit)) {
      stats.leicesterSplitByPoint++;
      if (hits.length > 1) stats.leicesterPipAmbiguous++;
      return hit;
    }
    stats.leicesterSplitNearest++;
    let best = '';
    let bestD = Infinity;
    for (const k of kids) {
      const c = must(insidePoints.get(k), k);
      const d = (c[0] - lon) ** 2 + (c[1] - lat) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  });
  policeUk(RAW.crimeBarnsley, 'E08000016', (r) => field(r, 'LSOA code'));
  policeUk(RAW.crimeCwac, 'E06000050', (r) => field(r, 'LSOA code'));

  for (const r of readCsv(RAW.crimeKingston)) {
    const c = coords(r, 'longitude', 'latitude');
    if (!c) continue;
    const type = field(r, 'type');
    const lsoa = field(r, 'lsoa21_code');
    const month = `${field(r, 'year')}-${field(r, 'month').padStart(2, '0')}`;
    if (lookup.get(lsoa)?.wardCode !== field(r, 'ward24_code')) stats.kingstonWardDiffers++;
    push('', month, c[0], c[1], lsoa, KINGSTON_TYPE_MAP[type] ?? type, 'E09000021');
  }

  crimes.sort(
    (a, b) =>
      cmp(a.lad_code, b.lad_code) ||
      cmp(a.month, b.month) ||
      cmp(a.lsoa_code, b.lsoa_code) ||
      cmp(a.crime_type, b.crime_type) ||
      a.lon - b.lon ||
      a.lat - b.lat ||
      cmp(a.id ?? '', b.id ?? ''),
  );
  return { crimes, stats };
}

export function crimesSpec(crimes: Crime[]): TableSpec {
  const s = (k: keyof Crime): (string | null)[] => crimes.map((c) => c[k] as string | null);
  return {
    name: 'crimes',
    columns: [
      { name: 'id', type: 'utf8', values: s('id') },
      { name: 'month', type: 'utf8', values: s('month') },
      { name: 'lon', type: 'float64', values: crimes.map((c) => c.lon) },
      { name: 'lat', type: 'float64', values: crimes.map((c) => c.lat) },
      { name: 'lsoa_code', type: 'utf8', values: s('lsoa_code') },
      { name: 'ward_code', type: 'utf8', values: s('ward_code') },
      { name: 'lad_code', type: 'utf8', values: s('lad_code') },
      { name: 'crime_type', type: 'utf8', values: s('crime_type') },
      { name: 'source', type: 'utf8', values: s('source') },
    ],
    nullable: ['id'],
  };
}

export function coverageSpec(crimes: Crime[]): TableSpec {
  const rows = [...FIVE_LADS].sort((a, b) => cmp(a.code, b.code)).map((lad) => {
    const mine = crimes.filter((c) => c.lad_code === lad.code);
    const months = [...new Set(mine.map((c) => c.month))].sort(cmp);
    const src = must(SOURCES[lad.code], lad.code);
    return {
      lad_code: lad.code,
      lad_name: lad.name,
      first_month: months[0] ?? null,
      last_month: months[months.length - 1] ?? null,
      months: months.length > 0 ? months.length : null,
      rows: mine.length,
      source: src.label,
      note: src.note,
    };
  });
  return {
    name: 'crime_coverage',
    columns: [
      { name: 'lad_code', type: 'utf8', values: rows.map((r) => r.lad_code) },
      { name: 'lad_name', type: 'utf8', values: rows.map((r) => r.lad_name) },
      { name: 'first_month', type: 'utf8', values: rows.map((r) => r.first_month) },
      { name: 'last_month', type: 'utf8', values: rows.map((r) => r.last_month) },
      { name: 'months', type: 'int32', values: rows.map((r) => r.months) },
      { name: 'rows', type: 'int32', values: rows.map((r) => r.rows) },
      { name: 'source', type: 'utf8', values: rows.map((r) => r.source) },
      { name: 'note', type: 'utf8', values: rows.map((r) => r.note) },
    ],
    nullable: ['first_month', 'last_month', 'months'],
  };
}
