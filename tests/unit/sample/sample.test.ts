import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import { tableFromIPC } from 'apache-arrow';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, GRADES, STREET_REP_ISSUES, SURVEY_THEMES } from '../../../src/ingest/schemas.ts';
import { DEFAULT_SEED } from '../../../scripts/sample/config.ts';
import { SAMPLE_DIR, SAMPLE_FILES, generateSample } from '../../../scripts/sample/generate.ts';

type Row = Record<string, string>;
type Area = Feature<Polygon | MultiPolygon, { code: string; name: string; lad_code: string; ward_code?: string }>;

const HOUSING = 'Housing issues';
const POLICING = 'Policing & safety';
const MAINTENANCE = 'Maintenance & condition of public/communal areas';
const DAY_MS = 86_400_000;
/** Names are unique within the five authorities' wards for these five. */
const CHOSEN_WARDS = ['Norbiton', 'Blacon', 'Lache', 'Stoneygate', 'Kingstone'];

function readCsv(name: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(join(SAMPLE_DIR, name), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function readAreas(rel: string): Area[] {
  return (JSON.parse(readFileSync(join(SAMPLE_DIR, '../geo', rel), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Area['properties']>).features;
}

/** dd/mm/yyyy → days since 1970. */
function ukDay(text: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`not a UK date: ${text}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) / DAY_MS;
}

const wards = readAreas('ward-five.geojson');
const boxes = wards.map((w) => bbox(w));
/** Every ward containing the point (exactly one, for a point inside the five authorities). */
function wardsAt(lat: string, lon: string): string[] {
  const [x, y] = [Number(lon), Number(lat)];
  return wards
    .filter((w, i) => {
      const [minX, minY, maxX, maxY] = boxes[i]!;
      return x >= minX && x <= maxX && y >= minY && y <= maxY && booleanPointInPolygon([x, y], w);
    })
    .map((w) => w.properties.name);
}
const share = (part: number, whole: number): number => part / whole;

let tempDir = '';
let generateMs = 0;
let survey: Row[] = [];
/** The ward each survey response falls in (by point-in-polygon), keyed by response id. */
const wardOfResponse = new Map<string, string>();
let venues: Row[] = [];
let visits: Row[] = [];

beforeAll(() => {
  tempDir = mkdtempSync(join(tmpdir(), 'ward-sample-'));
  const started = performance.now();
  generateSample(tempDir, DEFAULT_SEED);
  generateMs = performance.now() - started;
  survey = readCsv('sample-survey.csv');
  venues = readCsv('sample-venues.csv');
  visits = readCsv('sample-street-reps.csv');
  for (const r of survey) wardOfResponse.set(r['Response ID']!, wardsAt(r.Latitude!, r.Longitude!).join(' & '));
});
const wardOf = (r: Row): string => wardOfResponse.get(r['Response ID']!)!;
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('sample generator', () => {
  it('regenerates byte-identical files from the same seed, quickly', () => {
    for (const file of SAMPLE_FILES) {
      expect(readFileSync(join(tempDir, file)).equals(readFileSync(join(SAMPLE_DIR, file))), file).toBe(true);
    }
    expect(generateMs).toBeLessThan(2000);
  });

  it('gives different data for a different seed', () => {
    const other = mkdtempSync(join(tmpdir(), 'ward-sample-'));
    try {
      generateSample(other, DEFAULT_SEED + 1);
      expect(readFileSync(join(other, 'sample-survey.csv')).equals(readFileSync(join(SAMPLE_DIR, 'sample-survey.csv')))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('labels the sample in the README and the file names', () => {
    const readme = readFileSync(join(SAMPLE_DIR, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toContain('SAMPLE — synthetic data');
    expect(readme).toContain(`seed ${DEFAULT_SEED}`);
    expect(SAMPLE_FILES.filter((f) => f !== 'README.md').every((f) => f.startsWith('sample-'))).toBe(true);
  });
});

describe('sample survey', () => {
  it('has about 1,500 responses with the expected columns and valid choices', () => {
    expect(survey.length).toBeGreaterThanOrEqual(1300);
    expect(survey.length).toBeLessThanOrEqual(1700);
    expect(Object.keys(survey[0]!)).toEqual(['Response ID', 'Date', 'Venue', 'Channel', 'Latitude', 'Longitude', 'Choice 1', 'Choice 2', 'Choice 3', 'Choice 4', 'Choice 5', 'Age band', 'Sex', 'Ethnicity', 'Comments']);
    expect(new Set(survey.map((r) => r['Response ID'])).size).toBe(survey.length);
    const counts = [0, 0, 0, 0, 0, 0];
    for (const r of survey) {
      const choices = [1, 2, 3, 4, 5].map((k) => r[`Choice ${k}`]!);
      const given = choices.filter((c) => c !== '');
      expect(choices.slice(0, given.length)).toEqual(given); // no gaps in the ranking
      expect(new Set(given).size).toBe(given.length);
      for (const c of given) expect(SURVEY_THEMES).toContain(c);
      counts[given.length]!++;
      expect(new Date(ukDay(r.Date!) * DAY_MS).getUTCFullYear()).toBe(2025);
      expect(['Paper', 'Online']).toContain(r.Channel);
      expect(r.Venue === '').toBe(r.Channel === 'Online');
    }
    expect(counts[0]).toBe(0);
    expect(Math.max(...counts)).toBe(counts[3]); // most give three
  });

  it('puts every response inside a chosen ward: Norbiton and at least three others', () => {
    const byWard = new Map<string, number>();
    for (const r of survey) {
      const ward = wardOf(r);
      expect(CHOSEN_WARDS, r['Response ID']).toContain(ward);
      byWard.set(ward, (byWard.get(ward) ?? 0) + 1);
      if (r.Venue) expect(r.Venue.startsWith(`${ward} `)).toBe(true);
    }
    expect(byWard.get('Norbiton')).toBeGreaterThan(300);
    expect(byWard.size).toBe(CHOSEN_WARDS.length);
  });

  it('runs an 8–10 week fieldwork window in each ward', () => {
    const days = new Map<string, number[]>();
    for (const r of survey) {
      const ward = wardOf(r);
      days.set(ward, [...(days.get(ward) ?? []), ukDay(r.Date!)]);
    }
    for (const [ward, d] of days) {
      const span = Math.max(...d) - Math.min(...d) + 1;
      expect(span, ward).toBeGreaterThanOrEqual(7 * 7);
      expect(span, ward).toBeLessThanOrEqual(10 * 7);
    }
  });

  it('lists every survey venue, with the same coordinates, in the venue list', () => {
    expect(Object.keys(venues[0]!)).toEqual(['Venue', 'Latitude', 'Longitude']);
    const list = new Map(venues.map((v) => [v.Venue!, `${v.Latitude},${v.Longitude}`]));
    expect(list.size).toBe(venues.length);
    for (const r of survey.filter((s) => s.Venue)) expect(list.get(r.Venue!)).toBe(`${r.Latitude},${r.Longitude}`);
    for (const v of venues) expect(CHOSEN_WARDS).toContain(wardsAt(v.Latitude!, v.Longitude!).join(' & '));
  });

  it('has Housing, Policing and Maintenance as the top three first choices, with venue variation', () => {
    const firstShare = (rows: Row[], theme: string): number => share(rows.filter((r) => r['Choice 1'] === theme).length, rows.length);
    const ranked = [...SURVEY_THEMES].sort((a, b) => firstShare(survey, b) - firstShare(survey, a));
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set([HOUSING, POLICING, MAINTENANCE]));
    const anyChoice = (rows: Row[], theme: string): number => share(rows.filter((r) => [1, 2, 3, 4, 5].some((k) => r[`Choice ${k}`] === theme)).length, rows.length);
    const funDay = survey.filter((r) => r.Venue!.includes('Fun Day'));
    const elders = survey.filter((r) => r.Venue!.includes("Elders'"));
    expect(anyChoice(funDay, 'Youth activities')).toBeGreaterThan(1.5 * anyChoice(survey, 'Youth activities'));
    expect(anyChoice(elders, 'Mental health & reducing isolation')).toBeGreaterThan(1.5 * anyChoice(survey, 'Mental health & reducing isolation'));
  });

  it('over-represents women and over-55s, under-represents 16–24s against the Census', () => {
    const census = tableFromIPC(readFileSync(join(SAMPLE_DIR, '../tables/census.arrows')));
    const wardOfLsoa = new Map(readAreas('lsoa-five.geojson').map((f) => [f.properties.code, f.properties.ward_code]));
    const chosen = new Set(wards.filter((w) => CHOSEN_WARDS.includes(w.properties.name)).map((w) => w.properties.code));
    const col = (name: string): { get(i: number): unknown } => census.getChild(name)!;
    let young = 0, over55 = 0, over15 = 0, white = 0, ethnicTotal = 0;
    const stoneygate = wards.find((w) => w.properties.name === 'Stoneygate')!.properties.code;
    for (let i = 0; i < census.numRows; i++) {
      const ward = wardOfLsoa.get(String(col('lsoa_code').get(i)));
      if (!ward || !chosen.has(ward)) continue;
      const n = (c: string): number => Number(col(c).get(i));
      young += n('age_15_19') + n('age_20_24');
      over55 += ['age_55_59', 'age_60_64', 'age_65_69', 'age_70_74', 'age_75_79', 'age_80_84', 'age_85_plus'].reduce((s, c) => s + n(c), 0);
      over15 += n('population') - n('age_00_04') - n('age_05_09') - n('age_10_14');
      if (ward === stoneygate) {
        white += n('ethnic_white');
        ethnicTotal += n('ethnic_total');
      }
    }
    const withAge = survey.filter((r) => r['Age band'] !== '');
    for (const r of withAge) expect(AGE_BANDS).toContain(r['Age band']);
    const ageBlank = share(survey.length - withAge.length, survey.length);
    expect(ageBlank).toBeGreaterThan(0.1);
    expect(ageBlank).toBeLessThan(0.2);
    const youngShare = share(withAge.filter((r) => r['Age band'] === '16-24').length, withAge.length);
    expect(youngShare).toBeLessThan(0.5 * share(young, over15));
    const oldShare = share(withAge.filter((r) => ['55-64', '65-74', '75+'].includes(r['Age band']!)).length, withAge.length);
    expect(oldShare).toBeGreaterThan(share(over55, over15) + 0.05);

    const withSex = survey.filter((r) => r.Sex !== '');
    expect(withSex.length).toBeLessThan(survey.length);
    expect(share(withSex.filter((r) => r.Sex === 'Female').length, withSex.length)).toBeGreaterThan(0.55);

    const stoney = survey.filter((r) => wardOf(r) === 'Stoneygate' && r.Ethnicity !== '');
    expect(survey.some((r) => r.Ethnicity === '')).toBe(true);
    expect(share(stoney.filter((r) => r.Ethnicity === 'White').length, stoney.length)).toBeGreaterThan(1.5 * share(white, ethnicTotal));
  });

  it('has a short comment on about a fifth of responses', () => {
    const withText = share(survey.filter((r) => r.Comments !== '').length, survey.length);
    expect(withText).toBeGreaterThan(0.15);
    expect(withText).toBeLessThan(0.25);
  });
});

describe('sample street reps', () => {
  const grade = (g: string): number => GRADES.indexOf(g as (typeof GRADES)[number]);
  const bySite = (): Map<string, Row[]> => {
    const sites = new Map<string, Row[]>();
    for (const v of visits) sites.set(v['Site ID']!, [...(sites.get(v['Site ID']!) ?? []), v]);
    for (const rows of sites.values()) rows.sort((a, b) => ukDay(a.Date!) - ukDay(b.Date!));
    return sites;
  };
  const monthIndex = (v: Row): number => {
    const d = new Date(ukDay(v.Date!) * DAY_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };

  it('has about 60 sites inside the chosen wards, visited monthly over 18 months with gaps', () => {
    expect(Object.keys(visits[0]!)).toEqual(['Visit ID', 'Site ID', 'Site name', 'Latitude', 'Longitude', 'Date', 'Time', 'Monitored by', ...STREET_REP_ISSUES]);
    const sites = bySite();
    expect(sites.size).toBeGreaterThanOrEqual(50);
    expect(sites.size).toBeLessThanOrEqual(70);
    const months = new Set(visits.map(monthIndex));
    expect(months.size).toBe(18);
    expect(Math.max(...months) - Math.min(...months)).toBe(17);
    for (const [id, rows] of sites) {
      expect(new Set(rows.map(monthIndex)).size, id).toBe(rows.length); // at most one visit a month
      expect(rows.length, id).toBeGreaterThanOrEqual(9);
      const inside = wardsAt(rows[0]!.Latitude!, rows[0]!.Longitude!);
      expect(inside, id).toHaveLength(1);
      expect(CHOSEN_WARDS).toContain(inside[0]);
      expect(rows[0]!['Site name']!.endsWith(`, ${inside[0]} (sample)`), id).toBe(true);
      expect(new Set(rows.map((r) => `${r.Latitude},${r.Longitude}`)).size, id).toBe(1);
    }
    expect(visits.length).toBeLessThan(sites.size * 18); // some months missed
    for (const v of visits) {
      for (const issue of STREET_REP_ISSUES) expect(GRADES).toContain(v[issue]);
      expect(v.Time).toMatch(/^\d{2}:\d{2}$/);
    }
    expect(visits.some((v) => /^[A-Z]\.[A-Z]\.$/.test(v['Monitored by']!))).toBe(true);
  });

  it('is mostly A/B, with at least 8 sites clearly worse than six months earlier and a few improving', () => {
    const all = visits.flatMap((v) => STREET_REP_ISSUES.map((i) => grade(v[i]!)));
    expect(share(all.filter((g) => g <= 1).length, all.length)).toBeGreaterThan(0.8);
    let deteriorating = 0, improving = 0;
    for (const rows of bySite().values()) {
      const last = rows[rows.length - 1]!;
      const earlier = rows.filter((r) => monthIndex(r) <= monthIndex(last) - 6).pop();
      if (earlier && STREET_REP_ISSUES.some((i) => grade(last[i]!) - grade(earlier[i]!) >= 2)) deteriorating++;
      const start = rows.slice(0, 3);
      const badAtStart = (i: string): boolean => start.every((r) => grade(r[i]!) >= 2) && start.some((r) => grade(r[i]!) === 3);
      if (STREET_REP_ISSUES.some((i) => badAtStart(i) && grade(last[i]!) <= 1)) improving++;
    }
    expect(deteriorating).toBeGreaterThanOrEqual(8);
    expect(deteriorating).toBeLessThanOrEqual(15);
    expect(improving).toBeGreaterThanOrEqual(3);
    expect(improving).toBeLessThanOrEqual(6);
  });
});
