import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/db/nodeDatabase.ts';
import { createIndicatorValuesView, loadStartupTables } from '../../../src/db/builtInData.ts';
import { createEvidenceTables } from '../../../src/db/evidence/schema.ts';
import { themeInputs } from '../../../src/db/queries/themeInputs.ts';
import { themeById } from '../../../src/analysis/themes/definitions.ts';
import { themeScores } from '../../../src/analysis/themes/themeScores.ts';
import { runHotspots } from '../../../src/analysis/hotspots/runHotspots.ts';
import { queenContiguity, type PolygonCollection } from '../../../src/stats/spatial/queenContiguity.ts';
import { rankForTarget } from '../../../src/analysis/targetRanking.ts';
import type { Database } from '../../../src/db/database.ts';
import { insertDataset } from '../../../src/db/evidence/schema.ts';
import { syncLocalities } from '../../../src/db/queries/localities.ts';
import { THEME_DOMAINS, targetEvidence } from '../../../src/db/queries/target.ts';
import { ROOT, ipc, meta, openEvidenceDb, readData } from './evidence/helpers.ts';

const CWAC = 'E06000050';
const LACHE = 'E05012221';
const BLACON = 'E05012209';
const HOUSING = 'Housing issues';
const POLICING = 'Policing & safety';
const GREEN = 'Green & clean';

let db: Database;
/** Every CWaC small area with its ward and IoD 2025 deciles, read directly, to count by hand. */
let lsoas: { code: string; ward_code: string; housing_services_decile: number | null; sub_geographical_barriers_decile: number | null; living_environment_decile: number | null; imd_decile: number | null }[];

beforeAll(async () => {
  db = await openEvidenceDb();
  await db.insertArrowIPC('iod2025', await readData('data/tables/iod2025.arrows'));
  lsoas = await db.query(
    `SELECT a.code, a.ward_code, t.housing_services_decile, t.sub_geographical_barriers_decile, t.living_environment_decile, t.imd_decile
       FROM areas a LEFT JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa' AND a.lad_code = ?`,
    [CWAC],
  );
}, 60_000);

const lacheLsoas = () => lsoas.filter((l) => l.ward_code === LACHE).map((l) => l.code).sort();

describe('targetEvidence: deprivation counts', () => {
  it('counts, for every CWaC ward, its small areas in England’s most deprived 10 % and 20 % for the housing domains and overall', async () => {
    const ev = await targetEvidence(db, { place: CWAC, level: 'ward', theme: 'housing' });
    const wards = [...new Set(lsoas.map((l) => l.ward_code))];
    expect(wards.length).toBeGreaterThan(30);
    expect([...ev.deprivation.keys()].sort()).toEqual(wards.sort());
    let anyIn20 = 0;
    for (const ward of wards) {
      const mine = lsoas.filter((l) => l.ward_code === ward);
      const counts = ev.deprivation.get(ward)!;
      expect(counts.map((c) => c.domain)).toEqual(['housing_services', 'sub_geographical_barriers', 'living_environment', 'imd']);
      for (const c of counts) {
        const col = `${c.domain}_decile` as 'imd_decile';
        expect(c.lsoas).toBe(mine.filter((l) => l[col] !== null).length);
        expect(c.in10).toBe(mine.filter((l) => l[col] === 1).length);
        expect(c.in20).toBe(mine.filter((l) => l[col] !== null && l[col] <= 2).length);
        anyIn20 += c.in20;
      }
    }
    // The check means something: some CWaC small areas are in England's most deprived 20 %.
    expect(anyIn20).toBeGreaterThan(0);
    expect(ev.surveyLoaded).toBe(false);
    expect(ev.streetRepsLoaded).toBe(false);
  });

  it('picks the Crime domain for safety and Living Environment for communal areas, always with the overall IMD', () => {
    expect(THEME_DOMAINS.safety.map((d) => d.domain)).toEqual(['crime', 'imd']);
    expect(THEME_DOMAINS.communal.map((d) => d.domain)).toEqual(['living_environment', 'imd']);
  });

  it('lists small areas as their own rows, each naming its ward', async () => {
    const ev = await targetEvidence(db, { place: CWAC, level: 'lsoa', theme: 'housing' });
    expect(ev.members).toHaveLength(lsoas.length);
    const lache = ev.members.filter((m) => m.ward_code === LACHE);
    expect(lache.map((m) => m.area_code).sort()).toEqual(lacheLsoas());
    expect(lache.every((m) => m.area_code === m.lsoa_code && m.ward_name === 'Lache')).toBe(true);
    for (const m of lache) expect(ev.deprivation.get(m.area_code)!.every((c) => c.lsoas === 1)).toBe(true);
  });
});

describe('targetEvidence: residents and street reps', () => {
  beforeAll(async () => {
    const [l1, l2] = lacheLsoas();
    const blacon = lsoas.find((l) => l.ward_code === BLACON)!.code;
    // r1, r2 in Lache's first small area, r3 in its second, r4 in Blacon, r5 with only a ward (Lache), r6 nowhere.
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    await insertDataset(db, meta('s', 'survey', ids.length), {
      survey_responses: ipc({
        dataset: ids.map(() => 's'),
        source_row: ids.map((_, i) => i + 2),
        id: ids,
        collected_on: ids.map(() => '2025-03-01'),
        lon: ids.map(() => null),
        lat: ids.map(() => null),
        lsoa_code: [l1, l1, l2, blacon, null, null],
        ward_code: [LACHE, LACHE, LACHE, BLACON, LACHE, null],
        venue: ids.map(() => null),
        channel: ids.map(() => null),
        age_band: ids.map(() => null),
        sex: ids.map(() => null),
        ethnicity: ids.map(() => null),
        free_text: ids.map(() => null),
      }),
      survey_choices: ipc({
        dataset: Array(7).fill('s'),
        // r1 Housing first; r2 Housing first (and again at 3: counts once); r3 Policing first; r4 Policing first; r5 Housing first; r6 Housing first.
        response_id: ['r1', 'r2', 'r2', 'r3', 'r4', 'r5', 'r6'],
        theme: [HOUSING, HOUSING, HOUSING, POLICING, POLICING, HOUSING, HOUSING],
        rank: [1, 1, 3, 1, 1, 1, 1],
      }),
    });
    // Site S1 in Lache: litter A → B → C (getting worse), noise steady. S2 in Blacon: litter C → B → A (better).
    const visits = [
      ['v1', 'S1', '2025-01-05'], ['v2', 'S1', '2025-02-05'], ['v3', 'S1', '2025-03-05'],
      ['w1', 'S2', '2025-01-05'], ['w2', 'S2', '2025-02-05'], ['w3', 'S2', '2025-03-05'],
    ];
    await insertDataset(db, meta('m', 'street-rep', visits.length), {
      street_rep_sites: ipc({ dataset: ['m', 'm'], site_id: ['S1', 'S2'], name: ['Bin store', 'Shops'], lon: [null, null], lat: [null, null], lsoa_code: [l1, blacon], ward_code: [LACHE, BLACON] }),
      street_rep_visits: ipc({
        dataset: visits.map(() => 'm'),
        source_row: visits.map((_, i) => i + 2),
        id: visits.map((v) => v[0]),
        site_id: visits.map((v) => v[1]),
        visited_on: visits.map((v) => v[2]),
        visit_time: visits.map(() => null),
        rep: visits.map(() => null),
      }),
      street_rep_grades: ipc({
        dataset: Array(9).fill('m'),
        visit_id: ['v1', 'v2', 'v3', 'v1', 'v2', 'v3', 'w1', 'w2', 'w3'],
        issue: ['Litter', 'Litter', 'Litter', 'Noise', 'Noise', 'Noise', 'Litter', 'Litter', 'Litter'],
        heading: [GREEN, GREEN, GREEN, 'Peace & quiet', 'Peace & quiet', 'Peace & quiet', GREEN, GREEN, GREEN],
        grade: [0, 1, 2, 1, 1, 1, 2, 1, 0],
      }),
    });
  }, 60_000);

  it('counts each ward’s responses and first choices, a theme named twice counting once, and takes a ward-only response into its ward', async () => {
    const ev = await targetEvidence(db, { place: CWAC, level: 'ward', theme: 'housing' });
    expect(ev.surveyLoaded).toBe(true);
    expect(ev.survey.get(LACHE)).toEqual({ responses: 4, firstChoices: [{ theme: HOUSING, n: 3 }, { theme: POLICING, n: 1 }] });
    expect(ev.survey.get(BLACON)).toEqual({ responses: 1, firstChoices: [{ theme: POLICING, n: 1 }] });
    expect(ev.survey.size).toBe(2);
  });

  it('finds the street-rep issue getting worse in Lache and none in Blacon', async () => {
    const ev = await targetEvidence(db, { place: CWAC, level: 'ward', theme: 'communal' });
    expect(ev.streetRepsLoaded).toBe(true);
    expect(ev.worsening.get(LACHE)).toEqual([{ issue: 'Litter', heading: GREEN, sites: 1 }]);
    expect(ev.worsening.has(BLACON)).toBe(false);
  });

  it('counts small areas on their own: the ward-only response belongs to no small area', async () => {
    const [l1, l2] = lacheLsoas();
    const ev = await targetEvidence(db, { place: CWAC, level: 'lsoa', theme: 'housing' });
    expect(ev.survey.get(l1!)).toEqual({ responses: 2, firstChoices: [{ theme: HOUSING, n: 2 }] });
    expect(ev.survey.get(l2!)).toEqual({ responses: 1, firstChoices: [{ theme: POLICING, n: 1 }] });
    expect(ev.worsening.get(l1!)).toEqual([{ issue: 'Litter', heading: GREEN, sites: 1 }]);
  });

  it('adds up a locality from its small areas', async () => {
    await syncLocalities(db, [{ id: 'Lwest', name: 'West Chester', wards: [LACHE, BLACON], lsoas: [] }]);
    const ev = await targetEvidence(db, { place: CWAC, level: 'locality', theme: 'housing' });
    const expected = lsoas.filter((l) => l.ward_code === LACHE || l.ward_code === BLACON);
    expect(ev.members.map((m) => m.lsoa_code).sort()).toEqual(expected.map((l) => l.code).sort());
    expect(ev.members.every((m) => m.area_code === 'Lwest' && m.area_name === 'West Chester')).toBe(true);
    expect(ev.deprivation.get('Lwest')!.find((c) => c.domain === 'imd')).toMatchObject({ domain: 'imd', lsoas: expected.length, in20: expected.filter((l) => (l.imd_decile ?? 99) <= 2).length });
    // The ward-only response (r5) has no small area, so a locality does not take it.
    expect(ev.survey.get('Lwest')).toEqual({ responses: 4, firstChoices: [{ theme: HOUSING, n: 2 }, { theme: POLICING, n: 2 }] });
    expect(ev.worsening.get('Lwest')).toEqual([{ issue: 'Litter', heading: GREEN, sites: 1 }]);
  });
});

describe('Where to target on the real CWaC data (housing, wards)', () => {
  it('ranks every ward by need with a reason built from its evidence', async () => {
    const full = await openNodeDatabase();
    const read = async (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));
    await loadStartupTables(full, read);
    await createIndicatorValuesView(full);
    await createEvidenceTables(full);
    const theme = themeById('housing');
    const inputs = await themeInputs(full, { place: CWAC, level: 'lsoa', components: theme.components });
    const scores = themeScores(theme, inputs);
    // The hotspot worker's test, run in this thread on the same boundaries (queen contiguity), with fewer permutations.
    const fc = JSON.parse(readFileSync(resolve(ROOT, 'data/geo/lsoa-five.geojson'), 'utf8')) as FeatureCollection;
    const byCode = new Map(fc.features.map((f) => [String(f.properties?.code), f]));
    const mine = { ...fc, features: inputs.codes.map((c) => byCode.get(c)!) };
    const run = runHotspots({ codes: inputs.codes, names: inputs.names, values: scores.scores, weights: queenContiguity(mine as PolygonCollection), statistic: 'gi-star', permutations: 199 });
    const evidence = await targetEvidence(full, { place: CWAC, level: 'ward', theme: 'housing' });
    const rows = rankForTarget({ level: 'ward', theme, placeName: 'Cheshire West and Chester', evidence, lsoaScores: scores, lsoaRun: run, wardRun: null });

    const wards = await full.query<{ code: string }>("SELECT code FROM areas WHERE level = 'ward' AND lad_code = ?", [CWAC]);
    expect(rows.map((r) => r.code).sort()).toEqual(wards.map((w) => w.code).sort().filter((c) => evidence.deprivation.has(c)));
    const ranked = rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(30);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score!).toBeLessThanOrEqual(ranked[i - 1]!.score!);
    expect(rows[0]!.reason).toMatch(/^Highest housing score of \d+ wards in Cheshire West and Chester, driven by /);
    expect(rows[1]!.reason).toMatch(/^2nd highest housing score/);
    expect(rows.every((r) => r.reason.length > 20 && r.reason.endsWith('.'))).toBe(true);
    // The most-in-need wards carry official evidence: some of their small areas in England's most deprived 20 %.
    expect(rows.slice(0, 5).some((r) => /most deprived (10|20) %/.test(r.reason))).toBe(true);
    // Hot small areas are counted from the run, and said only where there are some.
    for (const r of rows) {
      const hot = evidence.members.filter((m) => m.area_code === r.code && run.areas.find((a) => a.code === m.lsoa_code)?.class?.startsWith('hot-')).length;
      expect(r.hotspot.lsoasHot).toBe(hot);
      expect(r.reason.includes('hot spot')).toBe(hot > 0);
    }
  }, 120_000);
});
