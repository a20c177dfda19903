import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { insertDataset } from '../../../src/db/evidence/schema.ts';
import { streetRepMonthly } from '../../../src/db/queries/streetRepMonthly.ts';
import { gettingWorse } from '../../../src/db/queries/streetReps.ts';
import { streetRepCube } from '../../../src/analysis/streetRepCube.ts';
import { knnWeights } from '../../../src/stats/spatial/pointWeights.ts';
import { emergingHotspots } from '../../../src/stats/trend/emergingHotspots.ts';
import { AreaLookup } from '../../../src/ingest/areaLookup.ts';
import { previewImport, runImport } from '../../../src/ingest/importJob.ts';
import { ROOT, ipc, meta, openEvidenceDb } from './evidence/helpers.ts';

const LACHE = 'E05012221';
const BLACON = 'E05012209';
const NORBITON = 'E05013941';
const CHESHIRE_WEST = 'E06000050';
const PEACE = 'Peace & quiet';
const GREEN = 'Green & clean';
const SAFE = 'Safe & secure';

/*
 * Grades 0–3 = A–D.
 *   S1 (Lache): v1 2024-01-05 Litter A, Noise C           → visit mean 1, Green 0, Peace 2
 *               v2 2024-01-20 Litter C, Noise C, Lighting C → visit mean 2, Green 2, Peace 2, Safe 2
 *               v3 2024-02-11 Litter B, Noise not graded     → visit mean 1, Green 1
 *               v9 no date: Litter D (left out of every month)
 *   S2 (Blacon): v4 2024-03-02 Fly-tipping D, Noise A       → visit mean 1.5
 *   S3 (Norbiton): v5 2024-01-15 Graffiti B
 *   S4 (Lache): never visited
 * January at S1 is the mean of the two visits' means, (1 + 2) / 2 = 1.5, not
 * the mean of the five grades pooled (1.6).
 */
const grades: [visit: string, issue: string, heading: string, grade: number | null][] = [
  ['v1', 'Litter', GREEN, 0], ['v1', 'Noise', PEACE, 2],
  ['v2', 'Litter', GREEN, 2], ['v2', 'Noise', PEACE, 2], ['v2', 'Street lighting', SAFE, 2],
  ['v3', 'Litter', GREEN, 1], ['v3', 'Noise', PEACE, null],
  ['v9', 'Litter', GREEN, 3],
  ['v4', 'Fly-tipping', GREEN, 3], ['v4', 'Noise', PEACE, 0],
  ['v5', 'Graffiti', GREEN, 1],
];

const TABLES = {
  street_rep_sites: ipc({
    dataset: ['m', 'm', 'm', 'm'],
    site_id: ['S1', 'S2', 'S3', 'S4'],
    name: ['Bin store', 'Shops', 'Underpass', 'Footpath'],
    lon: [-2.91, -2.95, -0.289, -2.915],
    lat: [53.17, 53.2, 51.409, 53.175],
    lsoa_code: [null, null, null, null],
    ward_code: [LACHE, BLACON, NORBITON, LACHE],
  }),
  street_rep_visits: ipc({
    dataset: Array(6).fill('m'),
    source_row: [2, 3, 4, 5, 6, 7],
    id: ['v1', 'v2', 'v3', 'v9', 'v4', 'v5'],
    site_id: ['S1', 'S1', 'S1', 'S1', 'S2', 'S3'],
    visited_on: ['2024-01-05', '2024-01-20', '2024-02-11', null, '2024-03-02', '2024-01-15'],
    visit_time: [null, null, null, null, null, null],
    rep: [null, null, null, null, null, null],
  }),
  street_rep_grades: ipc({
    dataset: grades.map(() => 'm'),
    visit_id: grades.map((g) => g[0]),
    issue: grades.map((g) => g[1]),
    heading: grades.map((g) => g[2]),
    grade: grades.map((g) => g[3]),
  }),
};

let db: Database;
beforeAll(async () => {
  db = await openEvidenceDb();
  await insertDataset(db, meta('m', 'street-rep', 6), TABLES);
}, 60_000);

const cells = (rows: { site_id: string; month: string; grade: number; visits: number }[]) => rows.map((r) => [r.site_id, r.month, r.grade, r.visits]);

describe('street-rep grades by site and month', () => {
  it('averages each visit over its issues, then the visits in a month; undated visits and ungraded issues count for nothing', async () => {
    const { sites, grades: monthly } = await streetRepMonthly(db, { datasetIds: ['m'] });
    expect(cells(monthly)).toEqual([
      ['S1', '2024-01', 1.5, 2],
      ['S1', '2024-02', 1, 1],
      ['S2', '2024-03', 1.5, 1],
      ['S3', '2024-01', 1, 1],
    ]);
    // Every site in scope, graded or not, in ward-name order, with its place.
    expect(sites.map((s) => [s.site_id, s.name, s.ward_name])).toEqual([
      ['S2', 'Shops', 'Blacon'],
      ['S1', 'Bin store', 'Lache'],
      ['S4', 'Footpath', 'Lache'],
      ['S3', 'Underpass', 'Norbiton'],
    ]);
    expect(sites[1]).toMatchObject({ lon: -2.91, lat: 53.17, ward_code: LACHE });
  });

  it('takes one issue only', async () => {
    expect(cells((await streetRepMonthly(db, { datasetIds: ['m'], issue: 'Noise' })).grades)).toEqual([
      ['S1', '2024-01', 2, 2],
      ['S2', '2024-03', 0, 1],
    ]);
    expect(cells((await streetRepMonthly(db, { datasetIds: ['m'], heading: PEACE, issue: 'Litter' })).grades)).toEqual([]);
  });

  it('takes one heading’s issues only', async () => {
    expect(cells((await streetRepMonthly(db, { datasetIds: ['m'], heading: GREEN })).grades)).toEqual([
      ['S1', '2024-01', 1, 2],
      ['S1', '2024-02', 1, 1],
      ['S2', '2024-03', 3, 1],
      ['S3', '2024-01', 1, 1],
    ]);
    expect(cells((await streetRepMonthly(db, { datasetIds: ['m'], heading: PEACE })).grades)).toEqual([
      ['S1', '2024-01', 2, 2],
      ['S2', '2024-03', 0, 1],
    ]);
    expect(cells((await streetRepMonthly(db, { heading: 'No such heading' })).grades)).toEqual([]);
  });

  it('filters by authority (through the ward), by ward and by dataset', async () => {
    const cheshire = await streetRepMonthly(db, { ladCode: CHESHIRE_WEST });
    expect(cheshire.sites.map((s) => s.site_id)).toEqual(['S2', 'S1', 'S4']);
    expect(new Set(cheshire.grades.map((g) => g.site_id))).toEqual(new Set(['S1', 'S2']));
    const lache = await streetRepMonthly(db, { wardCode: LACHE, heading: SAFE });
    expect(lache.sites.map((s) => s.site_id)).toEqual(['S1', 'S4']);
    expect(cells(lache.grades)).toEqual([['S1', '2024-01', 2, 1]]);
    const none = await streetRepMonthly(db, { datasetIds: [] });
    expect(none).toEqual({ sites: [], grades: [] });
  });
});

describe('the bundled synthetic sample, end to end without a browser', () => {
  it('has 60 sites over 18 months, and some deteriorating sites come out as hot spots', async () => {
    const geo = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'data/geo', name), 'utf8'));
    const lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
    const file = new File([readFileSync(resolve(ROOT, 'data/sample/sample-street-reps.csv'))], 'sample-street-reps.csv');
    const preview = await previewImport(file);
    const out = await runImport(file, { kind: 'street-rep', mapping: preview.guess.mapping }, { ...meta('sample', 'street-rep', 0), synthetic: true }, lookup, () => undefined);
    const sampleDb = await openEvidenceDb();
    await insertDataset(sampleDb, out.meta, out.tables);

    const { sites, grades: monthly } = await streetRepMonthly(sampleDb, {});
    const c = streetRepCube(sites, monthly);
    expect(c.siteIds).toHaveLength(60);
    expect(c.months).toHaveLength(18);
    expect([c.months[0], c.months.at(-1)]).toEqual(['2024-04', '2025-09']);
    expect(c.leftOut).toEqual([]);
    expect(c.carried).toBe(153);
    expect(c.beforeFirst).toBe(10);

    const r = emergingHotspots(c.cube, c.siteIds.length, c.months.length, knnWeights(c.points, 4));
    const classOf = (id: string) => r.classes[c.siteIds.indexOf(id)];
    // LAC-04, LAC-10 and STO-02 are among the sites whose grades rise most over the last six months.
    expect([classOf('LAC-04'), classOf('LAC-10'), classOf('STO-02')].every((k) => k!.endsWith('-hot'))).toBe(true);
    expect(r.classes.filter((k) => k.endsWith('-hot')).length).toBe(13);
    expect(r.classes.filter((k) => k === 'no-pattern').length).toBe(47);

    // Averaged over ten issues, KIN-08 (fly-tipping, street lighting and damaged street furniture rising) and NOR-06 (street lighting) are lost.
    expect([classOf('KIN-08'), classOf('NOR-06')].some((k) => k!.endsWith('-hot'))).toBe(false);
    // One issue at a time, they are not: each is a hot spot on the issue that worsens.
    const oneIssue = async (issue: string) => {
      const g = await streetRepMonthly(sampleDb, { issue });
      const ic = streetRepCube(g.sites, g.grades);
      const ir = emergingHotspots(ic.cube, ic.siteIds.length, ic.months.length, knnWeights(ic.points, 4));
      return (id: string) => ir.classes[ic.siteIds.indexOf(id)]!;
    };
    expect((await oneIssue('Fly-tipping'))('KIN-08')).toMatch(/-hot$/);
    expect((await oneIssue('Street lighting'))('NOR-06')).toMatch(/-hot$/);
    // A steady issue at the same site is not.
    expect((await oneIssue('Graffiti'))('KIN-08')).toBe('no-pattern');
    // "Getting worse" is judged per issue and never averaged: KIN-08's fly-tipping (B…B C C D D D) rose and stayed up, NOR-06's street lighting (… C C D D) is rising.
    const worse = await gettingWorse(sampleDb, {});
    expect(worse.find((w) => w.site_id === 'KIN-08' && w.issue === 'Fly-tipping')).toMatchObject({ rule: 'above-usual', usual_grade: 1, grades: [3, 3, 3] });
    expect(worse.find((w) => w.site_id === 'NOR-06' && w.issue === 'Street lighting')).toMatchObject({ rule: 'rising', grades: [2, 3, 3] });
  }, 60_000);
});
