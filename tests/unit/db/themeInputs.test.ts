import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/db/nodeDatabase.ts';
import type { Database } from '../../../src/db/database.ts';
import { loadBackgroundTables, loadStartupTables } from '../../../src/db/builtInData.ts';
import { indicatorCatalogue } from '../../../src/db/queries/indicatorCatalogue.ts';
import { valuesForPlace } from '../../../src/db/queries/valuesForPlace.ts';
import { themeInputs, type ThemeInputs } from '../../../src/db/queries/themeInputs.ts';
import { themeById, type ThemeComponent } from '../../../src/analysis/themes/definitions.ts';
import { composeTheme } from '../../../src/analysis/themes/composeTheme.ts';
import { themeScores } from '../../../src/analysis/themes/themeScores.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const LEICESTER = 'E06000016';
const BARNSLEY = 'E08000016';
const safety = themeById('safety');
const communal = themeById('communal');
const part = (theme: typeof safety, id: string) => theme.components.find((c) => c.id === id) as ThemeComponent;

let db: Database;
/** The built-in police records, read straight from the file, to hand-count rates independently of the SQL. */
let crimes: { month: string; lsoa: string; type: string }[];

beforeAll(async () => {
  db = await openNodeDatabase();
  const read = async (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));
  await loadStartupTables(db, read);
  await loadBackgroundTables(db, read);
  const bytes = await read('data/tables/crimes.arrows');
  await db.insertArrowIPC('crimes', bytes);
  const t = tableFromIPC(bytes);
  const month = t.getChild('month')!.toArray() as string[];
  const lsoa = t.getChild('lsoa_code')!.toArray() as string[];
  const type = t.getChild('crime_type')!.toArray() as string[];
  crimes = month.map((m, i) => ({ month: m, lsoa: lsoa[i]!, type: type[i]! }));
}, 120_000);

const valueOf = (inputs: ThemeInputs, id: string, code: string) => {
  const c = inputs.components.find((x) => x.id === id)!;
  const i = inputs.codes.indexOf(code);
  return { value: c.values[i], reason: c.reasons[i], count: c.counts?.[i] };
};

describe('themeInputs on the built-in data', () => {
  it("reads Leicester's small-area IoD crime scores straight from the iod2025 crime column", async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(safety, 'iod_crime')] });
    const direct = await db.query<{ code: string; crime: number }>(
      "SELECT a.code, t.crime FROM areas a JOIN iod2025 t ON t.lsoa_code = a.code WHERE a.level = 'lsoa' AND a.lad_code = ? ORDER BY a.code",
      [LEICESTER],
    );
    expect(inputs.codes).toEqual(direct.map((d) => d.code));
    expect(inputs.codes).toHaveLength(200);
    expect(inputs.components[0]!.values).toEqual(direct.map((d) => d.crime));
    expect(inputs.names[0]).toMatch(/^Leicester \d{3}[A-Z]$/);
  });

  it('builds ward IoD values with the same population weighting as the map', async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'ward', components: [part(safety, 'iod_crime')] });
    const indicator = (await indicatorCatalogue(db)).find((i) => i.code === 'iod25_crime')!;
    const wards = await valuesForPlace(db, indicator, LEICESTER, 'ward');
    expect(inputs.codes).toHaveLength(21);
    for (const w of wards) expect(valueOf(inputs, 'iod_crime', w.code).value).toBe(w.value);
  });

  it('has no police rate for Wigan, and says why', async () => {
    const inputs = await themeInputs(db, { place: 'five', level: 'lsoa', components: [part(safety, 'police_rate')] });
    const wigan = await db.query<{ code: string }>("SELECT code FROM areas WHERE level = 'lsoa' AND lad_code = 'E08000010'");
    expect(wigan).toHaveLength(200);
    for (const { code } of wigan) expect(valueOf(inputs, 'police_rate', code)).toEqual({ value: null, reason: 'No police data for Wigan', count: undefined });
    // Every other small area has a rate (zero crimes is a rate of zero, not a gap).
    const rates = inputs.components[0]!.values;
    expect(rates.filter((v) => v !== null)).toHaveLength(669);

    const notes = inputs.components[0]!.notes.join(' ');
    expect(notes).toContain('Leicester Nov 2021 to Oct 2022');
    expect(notes).toContain('Barnsley Jan 2024 to Apr 2024 (only 4 months, scaled up to a year)');
    expect(notes).toContain('The periods differ');
    expect(notes).toContain("Kingston upon Thames's police data has no anti-social behaviour records");

    const theme = composeTheme({
      codes: inputs.codes,
      components: [{ component: part(safety, 'police_rate'), weight: 0.3, ...inputs.components[0]! }],
    });
    expect(theme.notes).toContain('No police data for Wigan: police-recorded crime rate left out for 200 small areas.');
  });

  it('gives a ward police rate equal to a hand count over its small areas and Census 2021 residents', async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'ward', components: [part(safety, 'police_rate'), part(communal, 'police_damage')] });
    const lsoas = await db.query<{ code: string; ward_code: string; population: number }>(
      "SELECT a.code, a.ward_code, c.population FROM areas a JOIN census c ON c.lsoa_code = a.code WHERE a.level = 'lsoa' AND a.lad_code = ?",
      [LEICESTER],
    );
    const ward = lsoas[0]!.ward_code;
    const mine = new Set(lsoas.filter((l) => l.ward_code === ward).map((l) => l.code));
    const residents = lsoas.filter((l) => mine.has(l.code)).reduce((s, l) => s + l.population, 0);
    const types = new Set((part(safety, 'police_rate') as { crimeTypes: readonly string[] }).crimeTypes);
    // Leicester's latest 12 months: Nov 2021 to Oct 2022.
    const inWindow = crimes.filter((c) => mine.has(c.lsoa) && c.month >= '2021-11' && c.month <= '2022-10');
    const all = inWindow.filter((c) => types.has(c.type)).length;
    const damage = inWindow.filter((c) => c.type === 'Criminal damage and arson').length;
    expect(all).toBeGreaterThan(100);
    expect(valueOf(inputs, 'police_rate', ward).value).toBeCloseTo((all / residents) * 1000, 9);
    expect(valueOf(inputs, 'police_damage', ward).value).toBeCloseTo((damage / residents) * 1000, 9);
  });

  it("scales Barnsley's four months up to a year", async () => {
    const inputs = await themeInputs(db, { place: BARNSLEY, level: 'lsoa', components: [part(communal, 'police_damage')] });
    const [area] = await db.query<{ code: string; population: number }>(
      "SELECT code, population FROM areas WHERE level = 'lsoa' AND lad_code = ? ORDER BY code LIMIT 1",
      [BARNSLEY],
    );
    const n = crimes.filter((c) => c.lsoa === area!.code && c.type === 'Criminal damage and arson').length;
    expect(valueOf(inputs, 'police_damage', area!.code).value).toBeCloseTo(((n / area!.population) * 1000 * 12) / 4, 9);
  });

  it('composes the Safety theme for the five authorities, leaving out what is missing', async () => {
    const inputs = await themeInputs(db, { place: 'five', level: 'lsoa', components: safety.components });
    const theme = themeScores(safety, inputs);
    expect(theme.scores.filter((s) => s !== null)).toHaveLength(869);
    expect(theme.components.map((c) => [c.id, c.used])).toEqual([['iod_crime', true], ['police_rate', true], ['survey_safety', false], ['rep_peace', false]]);
    const wiganArea = inputs.codes.indexOf((await db.query<{ code: string }>("SELECT MIN(code) AS code FROM areas WHERE level = 'lsoa' AND lad_code = 'E08000010'"))[0]!.code);
    const area = theme.breakdown(wiganArea);
    expect(area.missing).toEqual([{ id: 'police_rate', shortLabel: 'police-recorded crime rate', reason: 'No police data for Wigan' }]);
    expect(area.contributions.map((c) => c.id)).toEqual(['iod_crime']);
    expect(area.weightShare).toBeCloseTo(0.4 / 0.7, 12);
    expect(theme.notes[0]).toMatch(/^Police rates are crimes per 1,000 residents \(Census 2021\) a year/);
    expect(theme.notes).toContain('No police data for Wigan: police-recorded crime rate left out for 200 small areas.');
    expect(theme.notes).toContain("Residents naming safety: no value for any small area in view (no residents' survey loaded), so it is left out.");
  });

  it('returns all-null residents\u2019 evidence, with a reason, when none is loaded', async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(safety, 'survey_safety'), part(safety, 'rep_peace')] });
    expect(inputs.components[0]!.values.every((v) => v === null)).toBe(true);
    expect(new Set(inputs.components[0]!.reasons)).toEqual(new Set(["No residents' survey loaded"]));
    expect(new Set(inputs.components[1]!.reasons)).toEqual(new Set(['No street-rep monitoring loaded']));
  });
});

describe('themeInputs with imported evidence', () => {
  // Two Leicester small areas in one ward get survey responses and street-rep sites.
  let a: string;
  let b: string;
  let ward: string;

  beforeAll(async () => {
    const pair = await db.query<{ a: string; b: string; ward_code: string }>(
      `SELECT MIN(code) AS a, MAX(code) AS b, ward_code FROM areas WHERE level = 'lsoa' AND lad_code = ?
        GROUP BY ward_code HAVING COUNT(*) >= 2 ORDER BY ward_code LIMIT 1`,
      [LEICESTER],
    );
    ({ a, b, ward_code: ward } = pair[0]!);
    await db.exec(`CREATE TABLE survey_responses (dataset VARCHAR, source_row INTEGER, id VARCHAR, collected_on VARCHAR, lon DOUBLE, lat DOUBLE,
      lsoa_code VARCHAR, ward_code VARCHAR, venue VARCHAR, channel VARCHAR, age_band VARCHAR, sex VARCHAR, ethnicity VARCHAR, free_text VARCHAR)`);
    await db.exec('CREATE TABLE survey_choices (dataset VARCHAR, response_id VARCHAR, theme VARCHAR, "rank" INTEGER)');
    // Area a: 12 responses, 3 put "Policing & safety" first, 2 put it fourth (not top three), 1 with no rank.
    // Area b: 4 responses, all choosing it. One response carries only a ward code.
    const responses: [string, string | null, string | null][] = [];
    for (let i = 0; i < 12; i++) responses.push([`a${i}`, a, null]);
    for (let i = 0; i < 4; i++) responses.push([`b${i}`, b, null]);
    responses.push(['w0', null, ward]);
    for (const [id, lsoa, w] of responses) {
      await db.query("INSERT INTO survey_responses (dataset, id, lsoa_code, ward_code) VALUES ('ds1', ?, ?, ?)", [id, lsoa, w]);
    }
    const choice = (id: string, theme: string, rank: number | null) =>
      db.query("INSERT INTO survey_choices VALUES ('ds1', ?, ?, ?)", [id, theme, rank]);
    for (let i = 0; i < 12; i++) await choice(`a${i}`, 'Housing issues', 1);
    for (const i of [0, 1, 2]) await choice(`a${i}`, 'Policing & safety', 1);
    for (const i of [3, 4]) await choice(`a${i}`, 'Policing & safety', 4);
    await choice('a5', 'Policing & safety', null);
    for (let i = 0; i < 4; i++) await choice(`b${i}`, 'Policing & safety', 2);
    await choice('w0', 'Youth activities', 1);

    await db.exec('CREATE TABLE street_rep_sites (dataset VARCHAR, site_id VARCHAR, name VARCHAR, lon DOUBLE, lat DOUBLE, lsoa_code VARCHAR, ward_code VARCHAR)');
    await db.exec('CREATE TABLE street_rep_visits (dataset VARCHAR, source_row INTEGER, id VARCHAR, site_id VARCHAR, visited_on VARCHAR, visit_time VARCHAR, rep VARCHAR)');
    await db.exec('CREATE TABLE street_rep_grades (dataset VARCHAR, visit_id VARCHAR, issue VARCHAR, heading VARCHAR, grade TINYINT)');
    await db.query("INSERT INTO street_rep_sites VALUES ('ds2', 's1', 'Shops', 0, 0, ?, NULL), ('ds2', 's2', 'Park', 0, 0, ?, NULL)", [a, b]);
    await db.exec(`INSERT INTO street_rep_visits VALUES
      ('ds2', 2, 'v1', 's1', '2026-01-10', '10:00', 'R'), ('ds2', 3, 'v2', 's1', '2026-03-10', '10:00', 'R'),
      ('ds2', 4, 'v3', 's2', '2026-02-01', '09:00', 'R')`);
    // s1: Noise D (3) then B (1) — latest counts; loitering C (2), graded once. s2: Noise A (0). Litter is another heading.
    await db.exec(`INSERT INTO street_rep_grades VALUES
      ('ds2', 'v1', 'Noise', 'Peace & quiet', 3), ('ds2', 'v1', 'Groups loitering / disorderly behaviour', 'Peace & quiet', 2),
      ('ds2', 'v2', 'Noise', 'Peace & quiet', 1), ('ds2', 'v2', 'Litter', 'Green & clean', 3),
      ('ds2', 'v3', 'Noise', 'Peace & quiet', 0)`);
  });

  it('computes survey shares of responses with the theme in their top three', async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(safety, 'survey_safety')] });
    // a: ranks 1,1,1 and one unranked count; the two fourth choices do not → 4 of 12.
    expect(valueOf(inputs, 'survey_safety', a)).toEqual({ value: 4 / 12, reason: null, count: 12 });
    expect(valueOf(inputs, 'survey_safety', b)).toEqual({ value: 1, reason: null, count: 4 });
    expect(inputs.components[0]!.notes.join(' ')).not.toContain('SAMPLE');
    const other = inputs.codes.find((c) => c !== a && c !== b)!;
    expect(valueOf(inputs, 'survey_safety', other)).toEqual({ value: null, reason: 'No survey responses here', count: null });
    // b's 4 responses are too few, which leaves a single area: composeTheme leaves the component out and says so.
    const theme = composeTheme({ codes: inputs.codes, components: [{ component: part(safety, 'survey_safety'), weight: 1, ...inputs.components[0]! }] });
    expect(theme.components[0]!.used).toBe(false);
    expect(theme.notes[0]).toBe(
      'Residents naming safety: only 1 small area in view has a value (elsewhere: no survey responses here; fewer than 10 survey responses), too few to compare areas, so it is left out.',
    );
  });

  it('labels figures that include the synthetic sample', async () => {
    await db.exec("CREATE TABLE datasets (id VARCHAR, kind VARCHAR, file_name VARCHAR, \"rows\" INTEGER, loaded_at VARCHAR, synthetic BOOLEAN)");
    await db.exec("INSERT INTO datasets VALUES ('ds1', 'survey', 'sample.csv', 17, '2026-11-22', TRUE)");
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(safety, 'survey_safety'), part(safety, 'rep_peace')] });
    await db.exec('DROP TABLE datasets');
    expect(inputs.components[0]!.notes).toContain("SAMPLE — synthetic data: these survey figures include the made-up sample, not real residents' answers.");
    expect(inputs.components[1]!.notes.join(' ')).not.toContain('SAMPLE');
  });

  it('adds a ward\u2019s responses together, including ones located only by ward', async () => {
    const inputs = await themeInputs(db, { place: LEICESTER, level: 'ward', components: [part(safety, 'survey_safety')] });
    expect(valueOf(inputs, 'survey_safety', ward)).toEqual({ value: 8 / 17, reason: null, count: 17 });
  });

  it('averages the latest grade of each issue under the heading', async () => {
    const lsoa = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(safety, 'rep_peace'), part(communal, 'rep_green')] });
    expect(valueOf(lsoa, 'rep_peace', a)).toEqual({ value: (1 + 2) / 2, reason: null, count: 1 });
    expect(valueOf(lsoa, 'rep_peace', b)).toEqual({ value: 0, reason: null, count: 1 });
    expect(valueOf(lsoa, 'rep_green', a)).toEqual({ value: 3, reason: null, count: 1 });
    expect(valueOf(lsoa, 'rep_green', b).reason).toBe('No monitored street-rep sites here');
    const wards = await themeInputs(db, { place: LEICESTER, level: 'ward', components: [part(safety, 'rep_peace')] });
    expect(valueOf(wards, 'rep_peace', ward)).toEqual({ value: (1 + 2 + 0) / 3, reason: null, count: 2 });
  });

  it('counts imported police records through all_crimes when that view exists', async () => {
    const before = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(communal, 'police_damage')] });
    await db.exec(`CREATE VIEW all_crimes AS SELECT id, "month", lon, lat, lsoa_code, ward_code, lad_code, crime_type, source FROM crimes
      UNION ALL SELECT 'x1', '2022-10', 0, 0, '${a}', NULL, '${LEICESTER}', 'Criminal damage and arson', 'import'`);
    const after = await themeInputs(db, { place: LEICESTER, level: 'lsoa', components: [part(communal, 'police_damage')] });
    await db.exec('DROP VIEW all_crimes');
    const [pop] = await db.query<{ population: number }>('SELECT population FROM areas WHERE code = ?', [a]);
    expect(valueOf(after, 'police_damage', a).value! - valueOf(before, 'police_damage', a).value!).toBeCloseTo(1000 / pop!.population, 9);
  });
});
