import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import type { HotspotRequest } from '../../../src/workers/hotspotProtocol.ts';
import type { HotspotRun } from '../../../src/analysis/hotspots/runHotspots.ts';
import { createIndicatorValuesView, loadStartupTables } from '../../../src/db/builtInData.ts';
import { createEvidenceTables } from '../../../src/db/evidence/schema.ts';
import { openNodeDatabase } from '../../../src/db/nodeDatabase.ts';
import { readData } from '../db/evidence/helpers.ts';

/** The worker is replaced by a recorder: these tests are about what is asked and how often, not the statistics. */
const asked: HotspotRequest[] = [];
let fail = false;
vi.mock('../../../src/workers/hotspotClient.ts', () => ({
  hotspotClient: () => ({
    hotspots: async (request: HotspotRequest, progress?: (f: number) => void) => {
      asked.push(request);
      progress?.(0.5);
      if (fail) throw new Error('worker died');
      const run = { areas: [], ranked: { hot: [], cold: [] }, permutations: request.permutations } as unknown as HotspotRun;
      return { run, ms: {} };
    },
  }),
}));
const { themeHotspots, clearThemeHotspots, themeHotspotKey } = await import('../../../src/runs/themeHotspots.ts');

const CWAC = 'E06000050';
let db: Database;
const england = Promise.resolve();

beforeAll(async () => {
  vi.stubGlobal('document', { baseURI: 'http://localhost/app/' });
  db = await openNodeDatabase();
  await loadStartupTables(db, readData);
  await createIndicatorValuesView(db);
  await createEvidenceTables(db);
}, 60_000);

beforeEach(() => {
  asked.length = 0;
  fail = false;
  clearThemeHotspots();
});

describe('themeHotspots', () => {
  it('asks the worker for Gi* with FDR on the theme scores, 9,999 permutations for one authority', async () => {
    const { scores } = await themeHotspots(db, england, { place: CWAC, level: 'ward', theme: 'housing' }, 1);
    expect(asked).toHaveLength(1);
    const r = asked[0]!;
    expect(r).toMatchObject({ statistic: 'gi-star', fdr: true, permutations: 9999, areaNoun: 'ward', boundaryUrl: 'http://localhost/app/data/geo/ward-five.geojson' });
    expect(r.codes).toEqual(scores.codes);
    expect(r.values).toEqual(scores.scores);
    expect(r.codes.length).toBeGreaterThan(30);
  });

  it('runs the same question once, however many ask, and shares the progress', async () => {
    const q = { place: CWAC, level: 'lsoa' as const, theme: 'safety' as const, weights: { iod_crime: 1, police_rate: 0.5 } };
    const seen: number[] = [];
    const [a, b] = await Promise.all([themeHotspots(db, england, q, 3), themeHotspots(db, england, { ...q, weights: { police_rate: 0.5, iod_crime: 1 } }, 3, (f) => seen.push(f))]);
    expect(a).toBe(b);
    expect(asked).toHaveLength(1);
    expect(seen).toEqual([0.5]);
    // Different weights, level, theme or data version are different questions.
    await themeHotspots(db, england, { ...q, weights: { iod_crime: 1 } }, 3);
    await themeHotspots(db, england, q, 4);
    expect(asked).toHaveLength(3);
  });

  it('forgets a failed run, so asking again tries again', async () => {
    fail = true;
    const q = { place: CWAC, level: 'ward' as const, theme: 'communal' as const };
    await expect(themeHotspots(db, england, q, 1)).rejects.toThrow('worker died');
    fail = false;
    await expect(themeHotspots(db, england, q, 1)).resolves.toBeTruthy();
    expect(asked).toHaveLength(2);
  });

  it('keys on everything that changes the answer', () => {
    const q = { place: CWAC, level: 'ward' as const, theme: 'housing' as const };
    expect(themeHotspotKey(q, 1)).not.toBe(themeHotspotKey({ ...q, level: 'lsoa' }, 1));
    expect(themeHotspotKey(q, 1)).not.toBe(themeHotspotKey(q, 2));
    expect(themeHotspotKey({ ...q, weights: { a: 1, b: 2 } }, 1)).toBe(themeHotspotKey({ ...q, weights: { b: 2, a: 1 } }, 1));
  });
});
