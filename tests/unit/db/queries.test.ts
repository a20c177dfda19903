import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { openNodeDatabase } from '../../../src/db/nodeDatabase.ts';
import type { Database } from '../../../src/db/database.ts';
import { loadBackgroundTables, loadStartupTables } from '../../../src/db/builtInData.ts';
import { indicatorCatalogue, type Indicator } from '../../../src/db/queries/indicatorCatalogue.ts';
import { nationalDecileThresholds, valuesForPlace } from '../../../src/db/queries/valuesForPlace.ts';
import { areaInfo, crimeCoverage, domainProfile } from '../../../src/db/queries/areaProfile.ts';
import { areaNames } from '../../../src/db/queries/places.ts';
import { wardsInView } from '../../../src/db/queries/wardLabels.ts';
import { populationWeightedMean } from '../../../src/stats/weightedMean.ts';
import { classify } from '../../../src/stats/classify.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const official = csvParse(readFileSync(resolve(ROOT, 'tests/fixtures/leicester-iod2025-sample.csv'), 'utf8'));

let db: Database;
let catalogue: Indicator[];
const indicator = (code: string) => catalogue.find((i) => i.code === code)!;

beforeAll(async () => {
  db = await openNodeDatabase();
  // The app's own loader, reading the committed files instead of fetching them.
  const read = async (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));
  await loadStartupTables(db, read);
  await loadBackgroundTables(db, read);
  catalogue = await indicatorCatalogue(db);
}, 120_000);

describe('built-in data through the app queries', () => {
  it('has the published number of small areas in each of the five authorities', async () => {
    const counts = await db.query<{ lad_name: string; n: number }>(
      "SELECT lad_name, COUNT(*) AS n FROM areas WHERE level = 'lsoa' AND in_five GROUP BY lad_name ORDER BY lad_name",
    );
    expect(Object.fromEntries(counts.map((c) => [c.lad_name, c.n]))).toEqual({
      Barnsley: 148,
      'Cheshire West and Chester': 222,
      'Kingston upon Thames': 99,
      Leicester: 200,
      Wigan: 200,
    });
  });

  it('returns official IoD 2025 ranks and deciles for Leicester LSOAs', async () => {
    const rows = await valuesForPlace(db, indicator('iod25_imd'), 'E06000016', 'lsoa');
    const names = await areaNames(db, 'E06000016', 'lsoa');
    expect(rows).toHaveLength(200);
    expect(names).toHaveLength(200);
    for (const o of official) {
      const r = rows.find((x) => x.code === o.lsoa21_code)!;
      expect(names.find((x) => x.code === o.lsoa21_code)!.name).toBe(o.lsoa21_name);
      expect(r.rank).toBe(Number(o.IMD_rank));
      expect(r.decile).toBe(Number(o.IMD_decile));
    }
  });

  it('builds ward values as population-weighted means of their LSOAs', async () => {
    const imd = indicator('iod25_imd');
    const lsoas = await valuesForPlace(db, imd, 'E06000016', 'lsoa');
    const wards = await valuesForPlace(db, imd, 'E06000016', 'ward');
    expect(wards).toHaveLength(21);
    const areas = await db.query<{ code: string; ward_code: string; population: number }>(
      "SELECT code, ward_code, population FROM areas WHERE level = 'lsoa' AND lad_code = ?",
      ['E06000016'],
    );
    for (const w of wards) {
      const mine = areas.filter((a) => a.ward_code === w.code);
      const values = mine.map((a) => lsoas.find((l) => l.code === a.code)!.value);
      expect(w.value).toBeCloseTo(populationWeightedMean(values, mine.map((a) => a.population))!, 9);
    }
    const people = await valuesForPlace(db, indicator('census_population'), 'E06000016', 'ward');
    const total = people.reduce((s, w) => s + (w.value ?? 0), 0);
    expect(total).toBe(areas.reduce((s, a) => s + a.population, 0));
  });

  it('builds a ward household share from its households, not its residents', async () => {
    const wards = await valuesForPlace(db, indicator('census_pct_social_rented'), 'E06000016', 'ward');
    const direct = await db.query<{ ward_code: string; share: number }>(
      `SELECT a.ward_code, 100 * SUM(c.tenure_social_rented_council + c.tenure_social_rented_other) / SUM(c.tenure_total_households) AS share
         FROM areas a JOIN census c ON c.lsoa_code = a.code WHERE a.lad_code = ? GROUP BY a.ward_code`,
      ['E06000016'],
    );
    expect(wards).toHaveLength(21);
    for (const d of direct) {
      // LSOA shares are stored to 2 decimal places, so the two agree to that rounding.
      expect(Math.abs(wards.find((w) => w.code === d.ward_code)!.value! - d.share)).toBeLessThan(0.006);
    }
  });

  it('gives no ward total when a small area count is unpublished, and no ward value for ranks', async () => {
    const children = await valuesForPlace(db, indicator('iod25_ind_idaci_numerator'), 'england', 'ward');
    const withGaps = await db.query<{ ward_code: string }>(
      `SELECT DISTINCT a.ward_code FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code
        WHERE a.level = 'lsoa' AND t.ind_idaci_numerator IS NULL`,
    );
    expect(withGaps.length).toBeGreaterThan(0);
    for (const g of withGaps) expect(children.find((w) => w.code === g.ward_code)!.value).toBeNull();
    const ranks = await valuesForPlace(db, indicator('iod19_imd'), 'E06000016', 'ward');
    expect(ranks.every((w) => w.value === null)).toBe(true);
  });

  it('places LSOAs in the same national deciles as MHCLG when using England thresholds', async () => {
    const imd = indicator('iod25_imd');
    const thresholds = await nationalDecileThresholds(db, imd);
    expect(thresholds).toHaveLength(9);
    const rows = await valuesForPlace(db, imd, 'england', 'lsoa');
    expect(rows).toHaveLength(33_755);
    const ours = classify(
      rows.map((r) => ({ ...r, decile: null })),
      { method: 'deciles', higherIsWorse: true, nationalThresholds: thresholds, format: String },
    );
    const agree = rows.filter((r) => ours.classByCode.get(r.code) === (r.decile as number) - 1).length;
    // Cut points interpolate between neighbouring scores, so only ties at a cut can differ.
    expect(agree / rows.length).toBeGreaterThan(0.999);
    expect(await nationalDecileThresholds(db, indicator('census_pct_social_rented'))).toBeNull();
    // A five-authority measure over England: every LSOA is listed, the rest as "no data".
    const census = await valuesForPlace(db, indicator('census_pct_social_rented'), 'england', 'lsoa');
    expect(census).toHaveLength(33_755);
    expect(census.filter((r) => r.value !== null)).toHaveLength(869);
  });

  it('profiles an LSOA and a ward against their authority and England', async () => {
    const o = official[0]!;
    const lsoa = (await areaInfo(db, o.lsoa21_code as string))!;
    expect(lsoa.lad_name).toBe('Leicester');
    expect(lsoa.ward_name).toBe(o.ward24_name);
    const domains = await domainProfile(db, lsoa.code, 'E06000016');
    expect(domains.map((d) => d.value_column)).toEqual([
      'imd', 'income', 'employment', 'education', 'health', 'crime', 'housing_services', 'living_environment',
    ]);
    expect(domains[0]!.rank).toBe(Number(o.IMD_rank));
    expect(domains[0]!.decile_2019).toBeGreaterThanOrEqual(1);
    const ward = (await areaInfo(db, lsoa.ward_code!))!;
    const wardDomains = await domainProfile(db, ward.code, 'E06000016');
    expect(wardDomains[0]!.lsoas).toBe(ward.lsoas);
    expect(wardDomains[0]!.rank).toBeNull();
    expect(wardDomains[0]!.in_10pct).toBeLessThanOrEqual(wardDomains[0]!.in_20pct);
  });

  it('offers every measure in the long indicator_values view, with the same numbers', async () => {
    const o = official[0]!;
    const rows = await db.query<{ rank: number; decile: number; period: number }>(
      'SELECT rank, decile, period FROM indicator_values WHERE area_code = ? AND indicator_code = ?',
      [o.lsoa21_code as string, 'iod25_imd'],
    );
    expect(rows).toEqual([{ rank: Number(o.IMD_rank), decile: Number(o.IMD_decile), period: 2025 }]);
    const codes = await db.query<{ n: number }>('SELECT COUNT(DISTINCT indicator_code) AS n FROM indicator_values');
    expect(codes[0]!.n).toBe(catalogue.length);
  });

  it('finds the wards to label in a map view, most populous first', async () => {
    const norbiton = (await db.query<{ lon: number; lat: number }>("SELECT lon, lat FROM areas WHERE code = 'E05013941'"))[0]!;
    const rows = await wardsInView(db, [norbiton.lon - 0.05, norbiton.lat - 0.03, norbiton.lon + 0.05, norbiton.lat + 0.03], 50);
    expect(rows.map((r) => r.name)).toContain('Norbiton');
    const pops = rows.map((r) => r.population ?? 0);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
    expect(await wardsInView(db, [norbiton.lon - 0.05, norbiton.lat - 0.03, norbiton.lon + 0.05, norbiton.lat + 0.03], 1)).toHaveLength(1);
  });

  it('says Wigan has no street-level police data rather than zero crimes', async () => {
    const wigan = (await crimeCoverage(db, 'E08000010'))!;
    expect(wigan.months).toBeNull();
    expect(wigan.note).toMatch(/No street-level police data/);
    expect((await crimeCoverage(db, 'E06000016'))!.months).toBe(35);
  });
});
