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
  E06000016: { label: 'policeuk-leicestershire', note: 'police.uk street-level crimes and anti-social behaviour, Dec 2019 to Oct 2022. Published with LSOA 2011 codes; re-assigned to LSOA 2021 by point in polygon. Locations are anonymised to nearby map points.' },
  E08000016: { label: 'policeuk-south-yorkshire', note: 'police.uk street-level crimes and anti-social behaviour, Jan to Apr 2024 only. Locations are anonymised to nearby map points.' },
  E06000050: { label: 'policeuk-cheshire', note: 'police.uk street-level crimes and anti-social behaviour, Jan to Apr 2024 only. Locations are anonymised to nearby map points.' },
  E09000021: { label: 'policeuk-ashby-2022', note: '2022 only, prepared by M. Ashby; anti-social behaviour not included; coordinates rounded to 4 decimal places; no crime IDs.' },
  E08000010: { label: 'none', note: 'No street-level police data is available for Wigan (Greater Manchester Police did not supply police.uk data for long periods); use the IoD 2025 crime indicators instead.' },
};

export interface AssignStats {
  leicesterPointInPolygon: number;
  leicesterLookupFallback: number;
  leicesterNearestCentroid: number;
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
    leicesterPointInPolygon: 0,
    leicesterLookupFallback: 0,
    leicesterNearestCentroid: 0,
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

  // Leicester: LSOA 2011 codes → LSOA 2021 by point in polygon, with two fallbacks.
  const LEI = 'E06000016';
  const index = new PolygonIndex(lsoaFive);
  const children = new Map<string, Set<string>>();
  for (const r of lookup11) {
    const s = children.get(r.lsoa11) ?? new Set<string>();
    s.add(r.lsoa21);
    children.set(r.lsoa11, s);
  }
  const leiCentroids = lsoaFive.features.filter((f) => f.properties.lad_code === LEI).map((f) => ({ code: f.properties.code, c: insidePoint(f.geometry) }));
  policeUk(RAW.crimeLeicester, LEI, (r, lon, lat) => {
    const hits = index.locate(lon, lat);
    if (hits.length > 0) {
      stats.leicesterPointInPolygon++;
      if (hits.length > 1) stats.leicesterPipAmbiguous++;
      return must(hits[0], 'hit');
    }
    const kids = children.get(field(r, 'LSOA code'));
    if (kids && kids.size === 1) {
      stats.leicesterLookupFallback++;
      return must([...kids][0], 'kid');
    }
    stats.leicesterNearestCentroid++;
    let best = '';
    let bestD = Infinity;
    const k = Math.cos((lat * Math.PI) / 180);
    for (const { code, c } of leiCentroids) {
      const d = ((c[0] - lon) * k) ** 2 + (c[1] - lat) ** 2;
      if (d < bestD) {
        bestD = d;
        best = code;
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
