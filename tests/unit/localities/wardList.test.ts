import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { openBuiltInDatabase } from '../builtInDatabase.ts';
import { syncLocalities } from '../../../src/db/queries/localities.ts';
import { smallAreasNamed, wardList, wardsByCode } from '../../../src/db/queries/wardList.ts';
import { localitySummary } from '../../../src/localities/summary.ts';
import type { Locality } from '../../../src/localities/locality.ts';

let db: Database;

beforeAll(async () => {
  db = await openBuiltInDatabase('startup');
}, 120_000);

describe('wardList', () => {
  it('lists every ward of an authority with its small areas and people', async () => {
    const wards = await wardList(db, 'E06000050');
    expect(wards).toHaveLength(45);
    expect(new Set(wards.map((w) => w.lad_name))).toEqual(new Set(['Cheshire West and Chester']));
    // Every one of the authority's 222 small areas has exactly one best-fit ward.
    expect(wards.reduce((s, w) => s + w.lsoas, 0)).toBe(222);
    const lache = wards.find((w) => w.name === 'Lache')!;
    expect(lache).toMatchObject({ code: 'E05012221', lad_code: 'E06000050', population: 6516 });
    const [count] = await db.query<{ n: number }>("SELECT COUNT(*)::INTEGER AS n FROM areas WHERE level = 'lsoa' AND ward_code = 'E05012221'");
    expect(lache.lsoas).toBe(count!.n);
    expect(wards.map((w) => w.name)).toEqual([...wards.map((w) => w.name)].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('lists the five authorities’ 131 wards by authority for the five-place view', async () => {
    const wards = await wardList(db, 'five');
    expect(wards).toHaveLength(131);
    expect([...new Set(wards.map((w) => w.lad_name))]).toEqual(['Barnsley', 'Cheshire West and Chester', 'Kingston upon Thames', 'Leicester', 'Wigan']);
  });

  it('finds wards and small areas by code, with a small area’s ward', async () => {
    const [norbiton] = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'ward' AND name = 'Norbiton'");
    const found = await wardsByCode(db, ['E05012221', norbiton!.code, 'E05999999']);
    expect(found.map((w) => [w.name, w.lad_name])).toEqual([['Lache', 'Cheshire West and Chester'], ['Norbiton', 'Kingston upon Thames']]);
    expect(await wardsByCode(db, [])).toEqual([]);
    const [one] = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'lsoa' AND ward_code = 'E05012221' ORDER BY code LIMIT 1");
    expect(await smallAreasNamed(db, [one!.code])).toEqual([expect.objectContaining({ code: one!.code, ward_code: 'E05012221', ward_name: 'Lache' })]);
  });
});

describe('localitySummary', () => {
  it('counts a small area inside a member ward once, and agrees with the database’s locality tables', async () => {
    const inLache = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'lsoa' AND ward_code = 'E05012221' ORDER BY code LIMIT 1");
    const inBlacon = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'lsoa' AND ward_code = 'E05012209' ORDER BY code LIMIT 1");
    const l: Locality = { id: 'Ltest01', name: 'Chester West', wards: ['E05012221', 'E05012218'], lsoas: [inLache[0]!.code, inBlacon[0]!.code] };
    const wards = new Map((await wardsByCode(db, l.wards)).map((w) => [w.code, w]));
    const small = new Map((await smallAreasNamed(db, l.lsoas)).map((a) => [a.code, a]));
    const summary = localitySummary(l, wards, small);
    await syncLocalities(db, [l]);
    const [synced] = await db.query<{ n: number; people: number }>(
      `SELECT COUNT(*)::INTEGER AS n, SUM(a.population)::INTEGER AS people
         FROM locality_lsoas m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code WHERE m.locality_id = 'Ltest01'`,
    );
    expect(summary).toEqual({ wards: 2, lsoas: synced!.n, population: synced!.people, authorities: ['Cheshire West and Chester'], unknown: [] });
    expect(summary.lsoas).toBe(wards.get('E05012221')!.lsoas + wards.get('E05012218')!.lsoas + 1);
  });

  it('does not guess a population when a member is not loaded yet', () => {
    const summary = localitySummary({ id: 'Lx', name: 'X', wards: ['E05999999'], lsoas: [] }, new Map(), new Map());
    expect(summary).toMatchObject({ wards: 1, lsoas: 0, population: null, unknown: ['E05999999'] });
  });
});
