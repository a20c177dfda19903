import { describe, expect, it } from 'vitest';
import { rankForTarget, targetMethod, type TargetRankingInput } from '../../../src/analysis/targetRanking.ts';
import { composeTheme } from '../../../src/analysis/themes/composeTheme.ts';
import { themeById } from '../../../src/analysis/themes/definitions.ts';
import type { HotspotArea, HotspotRun } from '../../../src/analysis/hotspots/runHotspots.ts';
import type { HotColdClass } from '../../../src/stats/hotspots/hotColdClass.ts';
import type { DeprivationCount, TargetEvidence, TargetMember } from '../../../src/db/queries/target.ts';

const housing = themeById('housing');
const safety = themeById('safety');
const [barriers, indoors] = housing.components;

/*
 * Four small areas in two wards:
 *   North: n1 (pop 100), n2 (pop 300)     South: s1 (pop 200), s2 (no score)
 * Two components with hand-picked values; z-scores across n1, n2, s1 (s2 has none).
 */
const LSOAS = ['n1', 'n2', 's1', 's2'];
const scores = composeTheme({
  codes: LSOAS,
  components: [
    { component: barriers!, weight: 0.5, values: [10, 40, 20, null] },
    { component: indoors!, weight: 0.5, values: [5, 5, 35, null] },
  ],
});

const member = (lsoa: string, area: string, areaName: string, ward: string, population: number | null): TargetMember => ({
  lsoa_code: lsoa,
  lsoa_name: `Area ${lsoa}`,
  area_code: area,
  area_name: areaName,
  ward_code: ward,
  ward_name: ward === 'N' ? 'North' : 'South',
  population,
});
const WARD_MEMBERS = [member('n1', 'N', 'North', 'N', 100), member('n2', 'N', 'North', 'N', 300), member('s1', 'S', 'South', 'S', 200), member('s2', 'S', 'South', 'S', 150)];

const dep = (domain: DeprivationCount['domain'], label: string, lsoas: number, in10: number, in20: number): DeprivationCount => ({ domain, label, lsoas, in10, in20 });

function evidence(over: Partial<TargetEvidence> = {}): TargetEvidence {
  return { members: WARD_MEMBERS, deprivation: new Map(), survey: new Map(), worsening: new Map(), surveyLoaded: false, streetRepsLoaded: false, ...over };
}

/** A hotspot run holding only what the ranking reads: each area's class. */
function run(classes: Record<string, HotColdClass>): HotspotRun {
  const areas = Object.entries(classes).map(([code, cls]) => ({ code, name: code, status: 'tested', class: cls }) as HotspotArea);
  return { areas, permutations: 9999 } as HotspotRun;
}

const input = (over: Partial<TargetRankingInput> = {}): TargetRankingInput => ({
  level: 'ward',
  theme: housing,
  placeName: 'Testshire',
  evidence: evidence(),
  lsoaScores: scores,
  lsoaRun: null,
  wardRun: null,
  ...over,
});

describe('rankForTarget: ranking', () => {
  it('ranks wards by the population-weighted mean of their small areas’ scores, drivers adding up to it', () => {
    const rows = rankForTarget(input());
    const [n1, n2, s1] = scores.scores as number[];
    const north = (n1! * 100 + n2! * 300) / 400;
    const south = s1!; // s2 has no score, so South rests on s1 alone
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.N!.score).toBeCloseTo(north, 12);
    expect(byCode.S!.score).toBeCloseTo(south, 12);
    expect(byCode.S!.lsoasScored).toBe(1);
    expect(byCode.S!.lsoas).toBe(2);
    expect(rows.map((r) => r.code)).toEqual(north > south ? ['N', 'S'] : ['S', 'N']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
    // North is driven by wider barriers (n2 is far above the rest), South by poor housing indoors.
    expect(byCode.N!.drivers[0]!.shortLabel).toBe('housing costs, crowding and homelessness');
    expect(byCode.S!.drivers[0]!.shortLabel).toBe('poor-quality homes');
    expect(byCode.S!.population).toBe(350);
  });

  it('writes the strongest evidence into one line, and nothing about evidence that is missing', () => {
    const rows = rankForTarget(input());
    const top = rows[0]!;
    // Driver names are whatever short labels the theme definitions carry.
    expect([barriers!.shortLabel, indoors!.shortLabel].some((l) => top.reason.startsWith(`Highest housing score of 2 wards in Testshire, driven by ${l}`))).toBe(true);
    expect(top.reason).not.toMatch(/hot spot|deprived|survey|street reps/);
    expect(top.reason.endsWith('.')).toBe(true);
    expect(rows[1]!.reason).toMatch(/^Lowest housing score of 2 wards/);
  });

  it('puts an area with no score last, unranked, and says why', () => {
    const rows = rankForTarget(
      input({ evidence: evidence({ members: [...WARD_MEMBERS, member('s2', 'E', 'Empty', 'S', 90)] }) }),
    );
    const empty = rows.at(-1)!;
    expect(empty.code).toBe('E');
    expect(empty).toMatchObject({ rank: null, needClass: null, score: null, drivers: [] });
    expect(empty.reason).toBe("No housing score here (none of its small areas has a value for the theme's measures).");
    expect(rows.filter((r) => r.rank !== null)).toHaveLength(2);
  });

  it('makes five need classes from the ranks (quintiles), most in need first', () => {
    const codes = Array.from({ length: 10 }, (_, i) => `x${i}`);
    const many = composeTheme({ codes, components: [{ component: barriers!, weight: 1, values: codes.map((_, i) => i) }] });
    const rows = rankForTarget(
      input({ level: 'lsoa', lsoaScores: many, evidence: evidence({ members: codes.map((c) => member(c, c, c, 'N', 100)) }) }),
    );
    expect(rows.map((r) => r.code)).toEqual([...codes].reverse());
    expect(rows.map((r) => r.needClass)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(rows.map((r) => r.reason.split(' housing')[0])).toEqual(['Highest', '2nd highest', '3rd highest', '4th highest', '5th highest', '6th highest', '7th highest', '8th highest', '9th highest', 'Lowest']);
  });
});

describe('rankForTarget: evidence', () => {
  it('gives a ward its own hot spot class and counts its hot small areas', () => {
    const rows = rankForTarget(input({ wardRun: run({ N: 'hot-99', S: 'not-significant' }), lsoaRun: run({ n1: 'hot-95', n2: 'hot-90', s1: 'not-significant' }) }));
    const north = rows.find((r) => r.code === 'N')!;
    const south = rows.find((r) => r.code === 'S')!;
    expect(north.hotspot).toEqual({ own: 'hot-99', lsoasTested: 2, lsoasHot: 2 });
    expect(north.reason).toContain('; hot spot (99 %); 2 of its 2 small areas are hot spots');
    expect(south.hotspot).toEqual({ own: 'not-significant', lsoasTested: 1, lsoasHot: 0 });
    expect(south.reason).not.toContain('hot spot');
  });

  it("names the theme's own domain before the overall IMD, and the 10 % before the 20 %", () => {
    const deprivation = new Map([
      ['N', [dep('housing_services', 'barriers to housing and services', 2, 0, 2), dep('living_environment', 'living environment', 2, 1, 1), dep('imd', 'overall deprivation', 2, 2, 2)]],
      ['S', [dep('housing_services', 'barriers to housing and services', 2, 0, 0), dep('living_environment', 'living environment', 2, 0, 0), dep('imd', 'overall deprivation', 2, 0, 1)]],
    ]);
    const rows = rankForTarget(input({ evidence: evidence({ deprivation }) }));
    expect(rows.find((r) => r.code === 'N')!.reason).toContain("1 of its 2 small areas in England's most deprived 10 % for living environment");
    expect(rows.find((r) => r.code === 'S')!.reason).toContain("1 of its 2 small areas in England's most deprived 20 % for overall deprivation");
  });

  it('says when distance to services is behind the Barriers to Housing and Services count, and only then', () => {
    const deprivation = new Map([
      ['N', [dep('housing_services', 'barriers to housing and services', 2, 0, 2), dep('sub_geographical_barriers', 'distance to local services', 2, 0, 2), dep('imd', 'overall deprivation', 2, 0, 0)]],
      ['S', [dep('housing_services', 'barriers to housing and services', 2, 0, 1), dep('sub_geographical_barriers', 'distance to local services', 2, 0, 0), dep('imd', 'overall deprivation', 2, 0, 0)]],
    ]);
    const rows = rankForTarget(input({ evidence: evidence({ deprivation }) }));
    expect(rows.find((r) => r.code === 'N')!.reason).toContain(
      "2 of its 2 small areas in England's most deprived 20 % for the whole Barriers to Housing and Services domain (includes distance to services), and 2 of its 2 are in the most deprived 20 % for distance to services alone",
    );
    const south = rows.find((r) => r.code === 'S')!.reason;
    expect(south).toContain("1 of its 2 small areas in England's most deprived 20 % for the whole Barriers to Housing and Services domain (includes distance to services)");
    expect(south).not.toContain('alone');
    // The distance count alone is context, never the headline count.
    const onlyDistance = new Map([['N', [dep('housing_services', 'barriers to housing and services', 2, 0, 0), dep('sub_geographical_barriers', 'distance to local services', 2, 2, 2)]]]);
    expect(rankForTarget(input({ evidence: evidence({ deprivation: onlyDistance }) })).find((r) => r.code === 'N')!.reason).not.toMatch(/deprived|distance/);
  });

  it('says a small area itself is in the most deprived 10 %, and names its ward', () => {
    const members = WARD_MEMBERS.map((m) => ({ ...m, area_code: m.lsoa_code, area_name: m.lsoa_name }));
    const deprivation = new Map([['n2', [dep('housing_services', 'barriers to housing and services', 1, 1, 1), dep('imd', 'overall deprivation', 1, 0, 0)]]]);
    const rows = rankForTarget(input({ level: 'lsoa', evidence: evidence({ members, deprivation }), lsoaRun: run({ n2: 'hot-95' }) }));
    const n2 = rows.find((r) => r.code === 'n2')!;
    expect(n2).toMatchObject({ name: 'Area n2', wardName: 'North', hotspot: { own: 'hot-95' } });
    expect(n2.reason).toMatch(/small areas in Testshire.*; hot spot \(95 %\); in England's most deprived 10 % for the whole Barriers to Housing and Services domain \(includes distance to services\)\.$/);
  });

  it('tells no survey loaded (silence) from none here, too few, and a clear first choice', () => {
    const survey = new Map([
      ['N', { responses: 24, firstChoices: [{ theme: 'Housing issues', n: 11 }, { theme: 'Youth activities', n: 6 }] }],
      ['S', { responses: 3, firstChoices: [{ theme: 'Housing issues', n: 3 }] }],
    ]);
    const loaded = rankForTarget(input({ evidence: evidence({ survey, surveyLoaded: true }) }));
    const north = loaded.find((r) => r.code === 'N')!;
    expect(north.survey).toEqual({ responses: 24, top: [{ theme: 'Housing issues', n: 11 }] });
    expect(north.reason).toContain('residents put Housing issues first (11 of 24 responses)');
    expect(loaded.find((r) => r.code === 'S')!.reason).toContain('only 3 survey responses here');

    const none = rankForTarget(input({ evidence: evidence({ surveyLoaded: true }) }));
    expect(none.every((r) => r.reason.includes('no survey responses here'))).toBe(true);
    expect(none[0]!.survey).toEqual({ responses: 0, top: [] });

    const notLoaded = rankForTarget(input({ evidence: evidence({ survey }) }));
    expect(notLoaded.every((r) => r.survey === null && !r.reason.includes('survey'))).toBe(true);
  });

  it('names a tie for first choice as a tie', () => {
    const survey = new Map([['N', { responses: 20, firstChoices: [{ theme: 'Housing issues', n: 7 }, { theme: 'Policing & safety', n: 7 }] }]]);
    const north = rankForTarget(input({ evidence: evidence({ survey, surveyLoaded: true }) })).find((r) => r.code === 'N')!;
    expect(north.reason).toContain('residents put Housing issues and Policing & safety first (7 of 20 responses each)');
  });

  it("mentions only worsening street-rep issues under the theme's headings (housing has none, so any)", () => {
    const worsening = new Map([
      ['N', [{ issue: 'Litter', heading: 'Green & clean', sites: 2 }, { issue: 'Noise', heading: 'Peace & quiet', sites: 1 }]],
    ]);
    const safetyScores = composeTheme({ codes: LSOAS, components: [{ component: safety.components[0]!, weight: 1, values: [1, 2, 3, null] }] });
    const safe = rankForTarget(input({ theme: safety, lsoaScores: safetyScores, evidence: evidence({ worsening }) })).find((r) => r.code === 'N')!;
    expect(safe.worsening).toHaveLength(2);
    expect(safe.reason).toContain('street reps: noise getting worse');
    expect(safe.reason).not.toContain('litter');
    const home = rankForTarget(input({ evidence: evidence({ worsening }) })).find((r) => r.code === 'N')!;
    expect(home.reason).toContain('street reps: litter and noise getting worse (up to 2 sites)');
  });

  it('gives a locality counts of hot small areas only, never a class of its own', () => {
    const members = WARD_MEMBERS.map((m) => ({ ...m, area_code: 'Lone', area_name: 'One' }));
    const [row] = rankForTarget(input({ level: 'locality', evidence: evidence({ members }), lsoaRun: run({ n1: 'hot-99', n2: 'not-significant', s1: 'cold-95' }) }));
    expect(row!.hotspot).toEqual({ own: null, lsoasTested: 3, lsoasHot: 1 });
    expect(row!.reason).toMatch(/^Highest housing score of 1 locality in Testshire/);
    expect(row!.reason).toContain('1 of its 4 small areas is a hot spot');
  });
});

describe('targetMethod', () => {
  it('states how rows are scored and tested', () => {
    expect(targetMethod('ward', housing, { permutations: 9999 })).toMatch(/^Wards are ranked by the population-weighted mean .* housing score.*Gi\* with 9,999 random permutations/);
    expect(targetMethod('lsoa', housing, null)).toMatch(/^Small areas are ranked by their own housing score/);
  });
});
