import { describe, expect, it } from 'vitest';
import { columnsToArrowIPC } from '../../../../src/ingest/arrowOut.ts';
import type { ImportChoices } from '../../../../src/ingest/importProtocol.ts';
import { guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import type { NormalisedDataset } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { NULL_INT } from '../../../../src/ingest/normalise/columns.ts';
import { previewFile } from '../../../../src/ingest/read/readFile.ts';
import type { NamedBlob } from '../../../../src/ingest/read/types.ts';
import { profileValues } from '../../../../src/ingest/reconcile/profileValues.ts';
import { parseVenueList } from '../../../../src/ingest/venueList.ts';
import { openNodeDatabase } from '../../../../src/db/nodeDatabase.ts';
import { createEvidenceTables, insertDataset } from '../../../../src/db/evidence/schema.ts';
import { surveyTotals, themeCounts } from '../../../../src/db/queries/surveyPriorities.ts';
import { acceptAll, fixture, named, run } from './formsHarness.ts';
import { microsoftFormsCheckboxXlsx } from '../../../fixtures/ingest/forms/microsoftFormsCheckbox.ts';

/**
 * Form-tool exports whose choices are ticked boxes, not a ranking
 * (tests/fixtures/ingest/forms/). Expected counts were written down from the
 * fixtures before the code was run.
 */

async function prepare(file: NamedBlob): Promise<ImportChoices & { notes: string[] }> {
  const { chunk, summary } = await previewFile(file, 200);
  const guess = guessMapping('survey', chunk.header, chunk.rows);
  const list = parseVenueList((await previewFile(fixture('venues.csv'))).chunk);
  return { kind: 'survey', mapping: guess.mapping, dateOrder: guess.dateOrder, venues: list.venues, headerRow: summary.headerRow, notes: guess.notes };
}



/** The dataset through Arrow into DuckDB, then the panel's own counts: theme → [first choice, top three], non-zero only. */
async function countsInDuckDb(result: NormalisedDataset) {
  const db = await openNodeDatabase();
  await createEvidenceTables(db);
  const meta = { id: 'ds', kind: 'survey' as const, fileName: 'survey.csv', rows: result.rowsAccepted, loadedAt: '2025-01-01T00:00:00Z', synthetic: false };
  await insertDataset(db, meta, { survey_responses: columnsToArrowIPC(result.tables.survey_responses!), survey_choices: columnsToArrowIPC(result.tables.survey_choices!) });
  const counts = await themeCounts(db, {});
  const totals = await surveyTotals(db, {});
  const nullRanks = await db.query<{ n: number }>('SELECT COUNT(*)::INTEGER AS n FROM survey_choices WHERE rank IS NULL');
  return {
    themes: Object.fromEntries(counts.filter((c) => c.top_three > 0 || c.first_choice > 0).map((c) => [c.theme, [c.first_choice, c.top_three]])),
    responses: counts[0]!.responses,
    unranked: totals.with_unranked_choices,
    nullRanks: nullRanks[0]!.n,
  };
}

const Y = 'Youth activities';
const M = 'Mental health & reducing isolation';
const D = 'Diversity, inclusion & community spirit';
const P = 'Policing & safety';
const E = 'Affordable exercise';
const C = 'Maintenance & condition of public/communal areas';
const H = 'Housing issues';

describe('Google Forms checkbox export (26 answers in the form’s option order, 24 with two or more)', async () => {
  const file = fixture('google-forms-checkbox.csv');
  const choices = await prepare(file);

  it('is detected as ticked boxes, not a ranking', () => {
    expect(choices.mapping.choices).toBe('Which of these matter most to you? (tick all that apply)');
    expect(choices.mapping.choicesRanked).toBe(false);
    expect(choices.notes.some((n) => n.startsWith('In all 24 answers naming two or more themes, the themes come in one fixed order'))).toBe(true);
  });

  it('stores every choice without a rank: none is a first choice, each counts as chosen', async () => {
    const profile = await profileValues(file, choices);
    const result = await run(file, { ...choices, values: acceptAll(profile) });
    expect(result.rowsAccepted).toBe(26);
    expect([...(result.tables.survey_choices!.rank as Int32Array)].every((r) => r === NULL_INT)).toBe(true);
    expect(result.notes.some((n) => n.startsWith('The choices are ticked boxes, not a ranking'))).toBe(true);
    const db = await countsInDuckDb(result);
    expect(db).toEqual({
      themes: { [Y]: [0, 9], [M]: [0, 4], [D]: [0, 3], [P]: [0, 12], [E]: [0, 4], [C]: [0, 8], [H]: [0, 18], Other: [0, 1] },
      responses: 26,
      unranked: 26,
      nullRanks: 59,
    });
  });

  it('when the person says the list is a ranking after all, the first listed counts first (as before)', async () => {
    const profile = await profileValues(file, choices);
    const result = await run(file, { ...choices, mapping: { ...choices.mapping, choicesRanked: true }, values: acceptAll(profile) });
    const db = await countsInDuckDb(result);
    // Youth activities is the form's first option, so every response ticking it "ranks it first".
    expect(db.themes[Y]).toEqual([9, 9]);
    expect(db.unranked).toBe(0);
    expect(db.nullRanks).toBe(0);
  });
});

describe('Microsoft Forms multiple-answer workbook (";"-joined with a trailing ";", 24 answers, 21 with two or more)', async () => {
  const file = named(microsoftFormsCheckboxXlsx(), 'Community survey(1-24).xlsx');
  const choices = await prepare(file);

  it('is detected as ticked boxes, even though the form’s option order is not the app’s theme order', () => {
    expect(choices.mapping.choices).toBe('Which of these matter most to you? (choose all that apply)');
    expect(choices.mapping.choicesRanked).toBe(false);
  });

  it('counts each ticked theme as chosen and none as first', async () => {
    const profile = await profileValues(file, choices);
    const result = await run(file, { ...choices, values: acceptAll(profile) });
    expect(result.rowsAccepted).toBe(24);
    const db = await countsInDuckDb(result);
    expect(db).toEqual({ themes: { [Y]: [0, 9], [M]: [0, 5], [P]: [0, 10], [E]: [0, 6], [C]: [0, 8], [H]: [0, 11] }, responses: 24, unranked: 24, nullRanks: 49 });
  });
});

describe('SurveyMonkey multi-select export (one column per option, the options in the second header row)', async () => {
  const file = fixture('surveymonkey-options.csv');
  const choices = await prepare(file);

  it('reads the option columns from the second header row, the Other column too', () => {
    expect(choices.headerRow ?? 1).toBe(1);
    expect(Object.values(choices.mapping.choiceColumns ?? {})).toEqual([Y, P, C, H, 'Other (please specify)']);
    expect(Object.keys(choices.mapping.choiceColumns ?? {})[0]).toBe('Which of these matter most to you? (tick all that apply)');
    expect(choices.mapping).toMatchObject({ id: 'Respondent ID', venue: 'Which venue?', age_band: 'What is your age?' });
    expect(choices.mapping.choices).toBeUndefined();
    expect(choices.mapping.choice_1).toBeUndefined();
  });

  it('the values step lists the ticked options, and the unknown one typed under Other', async () => {
    const profile = await profileValues(file, choices);
    expect(profile.rowsRead).toBe(8);
    const themes = profile.groups.filter((g) => g.field === 'theme');
    expect(themes.flatMap((g) => g.members.map((m) => [m.raw, m.count]))).toEqual(expect.arrayContaining([[Y, 3], [P, 4], [C, 2], [H, 5], ['Street parking', 1]]));
  });

  it('keeps 8 responses, reports the Other text on its row, and counts each tick as chosen, never first', async () => {
    const profile = await profileValues(file, choices);
    const result = await run(file, { ...choices, values: acceptAll(profile) });
    expect(result.rowsAccepted).toBe(8);
    expect(result.issues.find((i) => i.row === 6)).toMatchObject({ action: 'altered', reason: "A choice: 'Street parking' isn't one of the eleven survey themes. It was kept as 'Other' (a ticked box, with no rank) (as you chose)." });
    const db = await countsInDuckDb(result);
    expect(db).toEqual({ themes: { [Y]: [0, 3], [P]: [0, 4], [C]: [0, 2], [H]: [0, 5], Other: [0, 1] }, responses: 8, unranked: 8, nullRanks: 15 });
  });
});
