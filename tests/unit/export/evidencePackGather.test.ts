import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Database } from '../../../src/db/database.ts';
import type { HotspotRequest } from '../../../src/workers/hotspotProtocol.ts';
import { runHotspots } from '../../../src/analysis/hotspots/runHotspots.ts';
import { queenContiguity, type PolygonCollection } from '../../../src/stats/spatial/queenContiguity.ts';
import { openBuiltInDatabase } from '../builtInDatabase.ts';
import { createEvidenceTables } from '../../../src/db/evidence/schema.ts';
import { loadBuiltInCrimes } from '../../../src/db/evidence/builtInCrimes.ts';
import { indicatorCatalogue } from '../../../src/db/queries/indicatorCatalogue.ts';
import { areaInfo, crimeCoverage, domainProfile } from '../../../src/db/queries/areaProfile.ts';
import { profileSentences } from '../../../src/analysis/profileSentences.ts';
import { THEMES } from '../../../src/analysis/themes/definitions.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const geo = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'data/geo', name), 'utf8')) as FeatureCollection;
const boundaries: Record<string, FeatureCollection> = {};

/** The hotspot worker, in this thread: neighbours among exactly the areas asked for, few permutations (the test is about the pack, not the statistics). */
vi.mock('../../../src/workers/hotspotClient.ts', () => ({
  hotspotClient: () => ({
    hotspots: async (request: HotspotRequest) => {
      const file = request.boundaryUrl.split('/').at(-1)!;
      const fc = (boundaries[file] ??= geo(file));
      const byCode = new Map(fc.features.map((f) => [String(f.properties?.code), f]));
      const weights = queenContiguity({ type: 'FeatureCollection', features: request.codes.map((c) => byCode.get(c)!) } as PolygonCollection);
      return { run: runHotspots({ ...request, weights, permutations: 99 }), ms: {} };
    },
  }),
}));
const { themeHotspots } = await import('../../../src/runs/themeHotspots.ts');
const { gatherEvidencePack, PackCancelled } = await import('../../../src/export/evidencePack/gather.ts');

const KINGSTON = 'E09000021';
const NORBITON = 'E05013941';
let db: Database;
const england = Promise.resolve();

beforeAll(async () => {
  vi.stubGlobal('document', { baseURI: 'http://localhost/app/' });
  db = await openBuiltInDatabase('all');
  await createEvidenceTables(db);
  await loadBuiltInCrimes(db, async (p) => new Uint8Array(readFileSync(resolve(ROOT, p))));
}, 120_000);

const options = async (code: string) => ({
  db,
  england,
  catalogue: await indicatorCatalogue(db),
  code,
  datasets: [],
  sessionPlace: KINGSTON,
  weights: {},
  runTheme: (q: Parameters<typeof themeHotspots>[2]) => themeHotspots(db, england, q, 1),
  made: new Date('2026-12-02T12:00:00Z'),
});

describe('gatherEvidencePack', () => {
  it("gathers Norbiton's profile sentences exactly as the profile builds them, its themes, crime months and sources", async () => {
    const steps: string[] = [];
    const d = await gatherEvidencePack({ ...(await options(NORBITON)), onProgress: (label) => steps.push(label) });
    expect(d.name).toBe('Norbiton');
    expect(d.levelWords).toBe('Ward (2024)');
    expect(d.authority).toBe('Kingston upon Thames');
    expect(d.profile.meta).toMatch(/^Ward \(2024\) E05013941 · Kingston upon Thames E09000021 · [\d,]+ residents \(Census 2021\), 6 small areas$/);
    const area = (await areaInfo(db, NORBITON))!;
    expect(d.profile.sentences).toEqual(profileSentences(area, await domainProfile(db, NORBITON, KINGSTON), await crimeCoverage(db, KINGSTON)));
    expect(d.profile.table).toHaveLength(8);

    expect(d.themes.placeName).toBe('Kingston upon Thames');
    expect(d.themes.themes.map((t) => t.theme.label)).toEqual(THEMES.map((t) => t.label));
    for (const t of d.themes.themes) {
      expect(t.row?.code).toBe(NORBITON);
      expect(t.row?.score).toEqual(expect.any(Number));
      expect(t.ranked).toBeGreaterThan(10);
      expect(t.tallySentence).toMatch(/^Of its 6 small areas, \d+ (is a hot spot|are hot spots) for /);
      expect(t.ownResult).toMatch(/^(Hot spot|Cold spot|Not significant)/);
      // Default weights when the person chose none, with each measure's source.
      const theme = THEMES.find((x) => x.id === t.theme.id)!;
      expect(t.measures.map((m) => m.weight)).toEqual(theme.components.map((c) => c.defaultWeight));
      expect(t.drivers.length).toBeGreaterThan(0);
      expect(t.drivers.reduce((s, r) => s + r.weightUsed, 0)).toBeCloseTo(1);
    }
    expect(d.themes.lsoaCodes).toHaveLength(6);
    expect(d.themes.note?.title).toBe('How the hot and cold spots were found');
    expect(d.themes.method).toContain('Getis–Ord Gi*');

    // No residents' data loaded: no survey or street-rep section, nothing synthetic.
    expect(d.survey).toBeNull();
    expect(d.streetReps).toBeNull();
    expect(d.synthetic).toBe(false);
    // Kingston's built-in police data: 2022, month by month.
    expect(d.crime.series.map((s) => s.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
    expect(d.crime.gaps).toBeNull();
    expect(d.crime.table).toHaveLength(12);

    expect(d.sources.some((s) => s.includes('Ministry of Housing, Communities and Local Government'))).toBe(true);
    expect(d.sources.some((s) => s.includes('data.police.uk'))).toBe(true);
    expect(d.sources.some((s) => s.includes('OS data'))).toBe(true);
    expect(steps[0]).toBe('Reading the profile');
    expect(steps).toContain('Counting crimes by month');
  }, 240_000);

  it("counts a small area's crimes month by month from its own records (Leicester: months in a row, no gap)", async () => {
    const { gatherCrime } = await import('../../../src/export/evidencePack/gatherEvidence.ts');
    // Leicester's built-in data runs Dec 2019 – Oct 2022 with no gap, so its small areas have every month.
    const [lsoa] = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'lsoa' AND lad_code = 'E06000016' ORDER BY code LIMIT 1");
    const area = (await areaInfo(db, lsoa!.code))!;
    const c = await gatherCrime(db, area, [area.code]);
    expect(c.series.length).toBeGreaterThan(30);
    expect(c.coverage).toMatch(/months in a row/);
  }, 60_000);

  it('stops with PackCancelled when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(gatherEvidencePack({ ...(await options(NORBITON)), signal: controller.signal })).rejects.toBeInstanceOf(PackCancelled);
  });

  it('says plainly when the area does not exist', async () => {
    await expect(gatherEvidencePack(await options('E05999999'))).rejects.toThrow(/not in the built-in data/);
  });
});
