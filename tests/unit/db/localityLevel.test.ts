import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { openBuiltInDatabase } from '../builtInDatabase.ts';
import { indicatorCatalogue, type Indicator } from '../../../src/db/queries/indicatorCatalogue.ts';
import { valuesForPlace } from '../../../src/db/queries/valuesForPlace.ts';
import { areaNames } from '../../../src/db/queries/places.ts';
import { syncLocalities } from '../../../src/db/queries/localities.ts';
import { areaInfo, domainProfile, localityMembers } from '../../../src/db/queries/areaProfile.ts';

const CWAC = 'E06000050';
const BARNSLEY = 'E08000016';

let db: Database;
let catalogue: Indicator[];
const indicator = (code: string) => catalogue.find((i) => i.code === code)!;

interface LsoaRow {
  code: string;
  ward_code: string;
  lad_name: string;
  population: number;
  imd: number | null;
  children: number | null;
}
/** Every CWaC and Barnsley small area with its IMD score and IDACI numerator, read straight from the tables. */
let lsoas: LsoaRow[];
let wards: string[];
/** A small area of a fifth ward, added to the locality on its own. */
let loner: LsoaRow;
let barnsleyWard: string;

beforeAll(async () => {
  db = await openBuiltInDatabase();
  catalogue = await indicatorCatalogue(db);
  lsoas = (
    await db.query<LsoaRow>(
      `SELECT a.code, a.ward_code, a.lad_name, a.population, t.imd, t.ind_idaci_numerator AS children
         FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code
        WHERE a.level = 'lsoa' AND a.lad_code IN (?, ?)`,
      [CWAC, BARNSLEY],
    )
  ).map((r) => ({ ...r, population: Number(r.population) }));
  const cwacWards = (await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'ward' AND lad_code = ? ORDER BY code", [CWAC])).map(
    (r) => r.code,
  );
  wards = cwacWards.slice(0, 4);
  loner = lsoas.find((l) => l.ward_code === cwacWards[4])!;
  barnsleyWard = (await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'ward' AND lad_code = ? ORDER BY code LIMIT 1", [BARNSLEY]))[0]!.code;
  await syncLocalities(db, [
    { id: 'Lchester', name: 'Chester villages', wards, lsoas: [loner.code] },
    // Crosses into Barnsley through one ward: in both places, with all its small areas in each.
    { id: 'Lacross', name: 'Across', wards: [wards[0]!, barnsleyWard], lsoas: [] },
  ]);
}, 120_000);

const membersOf = (wardCodes: string[], extra: string[] = []) => lsoas.filter((l) => wardCodes.includes(l.ward_code) || extra.includes(l.code));

function weightedMean(rows: LsoaRow[], value: (r: LsoaRow) => number | null): number {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    const v = value(r);
    if (v === null) continue;
    num += v * r.population;
    den += r.population;
  }
  return num / den;
}

describe('localities as a level', () => {
  it('gives a locality the population-weighted mean of its small areas’ scores', async () => {
    const rows = await valuesForPlace(db, indicator('iod25_imd'), CWAC, 'locality');
    const mine = membersOf(wards, [loner.code]);
    expect(mine.length).toBeGreaterThan(4);
    const chester = rows.find((r) => r.code === 'Lchester')!;
    expect(chester.value).toBeCloseTo(weightedMean(mine, (r) => r.imd), 9);
    expect(chester.missing).toBe(0);
    expect(chester.rank).toBeNull();
    expect(chester.decile).toBeNull();
  });

  it('adds up counts over a locality’s small areas, and gives nothing for ranks', async () => {
    const rows = await valuesForPlace(db, indicator('iod25_ind_idaci_numerator'), CWAC, 'locality');
    const mine = membersOf(wards, [loner.code]);
    const chester = rows.find((r) => r.code === 'Lchester')!;
    if (mine.some((r) => r.children === null)) expect(chester.value).toBeNull();
    else expect(chester.value).toBe(mine.reduce((s, r) => s + (r.children as number), 0));
    const ranks = await valuesForPlace(db, indicator('iod19_imd'), CWAC, 'locality');
    expect(ranks.map((r) => r.value)).toEqual([null, null]);
  });

  it('counts a locality in a place when any of its small areas is there, with all of them', async () => {
    const inBarnsley = await valuesForPlace(db, indicator('iod25_imd'), BARNSLEY, 'locality');
    expect(inBarnsley.map((r) => r.code)).toEqual(['Lacross']);
    expect(inBarnsley[0]!.value).toBeCloseTo(weightedMean(membersOf([wards[0]!, barnsleyWard]), (r) => r.imd), 9);
    expect((await valuesForPlace(db, indicator('iod25_imd'), 'E06000016', 'locality')).length).toBe(0);
  });

  it('names localities with their authorities and residents', async () => {
    const names = await areaNames(db, 'five', 'locality');
    expect(names.map((n) => n.code)).toEqual(['Lchester', 'Lacross']);
    const [chester, across] = names;
    expect(chester!.name).toBe('Chester villages');
    expect(chester!.lad_name).toBe('Cheshire West and Chester');
    expect(Number(chester!.population)).toBe(membersOf(wards, [loner.code]).reduce((s, r) => s + r.population, 0));
    expect(across!.lad_name).toBe('Barnsley and Cheshire West and Chester');
  });

  it('profiles a locality: its authorities, small areas, wards and every domain', async () => {
    const info = (await areaInfo(db, 'Lacross'))!;
    const mine = membersOf([wards[0]!, barnsleyWard]);
    expect(info.level).toBe('locality');
    expect(info.lsoas).toBe(mine.length);
    expect(info.wards).toBe(2);
    expect(info.authorities!.map((a) => a.name).sort()).toEqual(['Barnsley', 'Cheshire West and Chester']);
    expect(info.lad_code).toBe(info.authorities![0]!.code);
    const domains = await domainProfile(db, 'Lacross', info.lad_code!);
    expect(domains).toHaveLength(8);
    const imd = domains[0]!;
    expect(imd.lsoas).toBe(mine.length);
    expect(imd.area_value).toBeCloseTo(weightedMean(mine, (r) => r.imd), 9);
    // The authority comparison is its main authority's alone, not mixed with the other's rows.
    const main = lsoas.filter((l) => l.lad_name === info.authorities![0]!.name);
    expect(imd.lad_value).toBeCloseTo(weightedMean(main, (r) => r.imd), 9);
    expect(imd.rank).toBeNull();

    const members = await localityMembers(db, 'Lchester');
    expect(members.wards.map((w) => w.code).sort()).toEqual([...wards].sort());
    expect(members.lsoas).toHaveLength(membersOf(wards, [loner.code]).length);
    expect(members.lsoas.filter((l) => l.own).map((l) => l.code)).toEqual([loner.code]);
    expect(members.lsoas.every((l) => l.ward_name)).toBe(true);
  });
});
