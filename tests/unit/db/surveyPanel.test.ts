import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { insertDataset } from '../../../src/db/evidence/schema.ts';
import { placelessChannels, surveyPoints, surveyTotals, themeCounts, themeCountsBy } from '../../../src/db/queries/surveyPriorities.ts';
import { respondentsByAgeBand } from '../../../src/db/queries/surveyRespondents.ts';
import { surveyComments } from '../../../src/db/queries/surveyComments.ts';
import { NO_PLACE_LABEL, groupPriorityRows, placelessSentence } from '../../../src/analysis/surveyPriorities.ts';
import { SURVEY_THEMES } from '../../../src/ingest/schemas.ts';
import { ipc, meta, openEvidenceDb } from './evidence/helpers.ts';

const LACHE = 'E05012221';
const HOUSING = 'Housing issues';
const POLICING = 'Policing & safety';
const YOUTH = 'Youth activities';

/*
 * Eight responses. p1–p3 placed in Lache (paper, at a venue); q1–q5 with no place at all:
 * q1, q2 online, q3 phone, q4 post, q5 no channel given.
 *   p1 Housing 1, Policing 2              q1 Other 1, Housing 2   ("Street parking" kept as Other at import)
 *   p2 (choice 1 blank) Policing 2, Youth 3 q2 Housing 1
 *   p3 Other 2, Housing 3 (choice 1 blank) q3 Policing 1
 *                                           q4 Youth 1     q5 no themes
 * Expected: 8 responses, 3 with a place, 5 without (online 2, phone 1, post 1, not given 1).
 * First choice (rank 1 only): Housing 2 (p1, q2), Policing 1 (q3), Youth 1 (q4), Other 1 (q1); p2 and p3 have no first choice.
 * Top three: Housing 4 (p1, p3, q1, q2), Policing 3 (p1, p2, q3), Youth 2 (p2, q4), Other 2 (p3, q1).
 * By ward: Lache 3, no place 5. Comments: 4 (one blank-only comment does not count), 2 mention "bins".
 */
const ids = ['p1', 'p2', 'p3', 'q1', 'q2', 'q3', 'q4', 'q5'];
const choices: [string, string, number][] = [
  ['p1', HOUSING, 1], ['p1', POLICING, 2],
  ['p2', POLICING, 2], ['p2', YOUTH, 3],
  ['p3', 'Other', 2], ['p3', HOUSING, 3],
  ['q1', 'Other', 1], ['q1', HOUSING, 2],
  ['q2', HOUSING, 1], ['q3', POLICING, 1], ['q4', YOUTH, 1],
];
const TABLES = {
  survey_responses: ipc({
    dataset: ids.map(() => 's'),
    source_row: ids.map((_, i) => i + 2),
    id: ids,
    collected_on: ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08'],
    lon: [-2.91, -2.91, -2.92, null, null, null, null, null],
    lat: [53.17, 53.17, 53.17, null, null, null, null, null],
    lsoa_code: ['E01018351', 'E01018351', 'E01018352', null, null, null, null, null],
    ward_code: [LACHE, LACHE, LACHE, null, null, null, null, null],
    venue: ['Library', 'Library', 'Café', null, null, null, null, null],
    channel: ['Paper', 'Paper', 'Paper', 'Online', 'Online', 'Phone', 'Post', null],
    age_band: ['25-34', '35-44', null, '25-34', '65-74', null, null, null],
    sex: [null, null, null, null, null, null, null, null],
    ethnicity: [null, null, null, null, null, null, null, null],
    free_text: ['More bins please', null, '<b>Fix</b> the lights & bins', '   ', 'Parking on 50%_of pavements', 'Speeding cars', null, null],
  }),
  survey_choices: ipc({
    dataset: choices.map(() => 's'),
    response_id: choices.map((c) => c[0]),
    theme: choices.map((c) => c[1]),
    rank: choices.map((c) => c[2]),
  }),
};

let db: Database;
beforeAll(async () => {
  db = await openEvidenceDb();
  await insertDataset(db, meta('s', 'survey', ids.length), TABLES);
}, 60_000);

describe('responses with no place', () => {
  it('are counted, not mapped, and the panel can say how they came in', async () => {
    const totals = await surveyTotals(db, {});
    expect(totals).toMatchObject({ responses: 8, with_location: 3, without_place: 5 });
    expect((await surveyPoints(db, {})).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    const channels = await placelessChannels(db, {});
    expect(channels).toEqual([
      { channel: 'Online', responses: 2 },
      { channel: 'Phone', responses: 1 },
      { channel: 'Post', responses: 1 },
      { channel: 'not given', responses: 1 },
    ]);
    expect(placelessSentence(totals.without_place, channels)).toBe(
      '5 of these responses have no place (online 2, phone 1, post 1, not given 1): they count in the priorities and in who answered, but are not on the map or in any ward.',
    );
    expect(placelessSentence(0, [])).toBeNull();
  });

  it('count in who answered', async () => {
    const ages = await respondentsByAgeBand(db, {});
    const of = (band: string | null) => ages.find((a) => a.group === band)?.responses ?? 0;
    expect([of('25-34'), of('35-44'), of('65-74'), of(null)]).toEqual([2, 1, 1, 4]);
  });

  it('have their own row in the by-ward table', async () => {
    const rows = groupPriorityRows(await themeCountsBy(db, {}, 'ward'), 'ward');
    expect(rows.map((r) => [r.label, r.responses])).toEqual([
      ['Lache', 3],
      [NO_PLACE_LABEL, 5],
    ]);
  });
});

describe('first choices and Other', () => {
  it('counts rank 1 only as a first choice, whatever gaps the ranks have, and shows Other after the eleven', async () => {
    const counts = await themeCounts(db, {});
    expect(counts.map((c) => c.theme)).toEqual([...SURVEY_THEMES, 'Other']);
    const of = (theme: string) => counts.find((c) => c.theme === theme)!;
    expect([of(HOUSING).first_choice, of(POLICING).first_choice, of(YOUTH).first_choice, of('Other').first_choice]).toEqual([2, 1, 1, 1]);
    expect([of(HOUSING).top_three, of(POLICING).top_three, of(YOUTH).top_three, of('Other').top_three]).toEqual([4, 3, 2, 2]);
    expect(counts.reduce((s, c) => s + c.first_choice, 0)).toBe(5);
    expect(of(HOUSING).responses).toBe(8);
  });
});

describe('comments', () => {
  it('lists non-blank comments with the other filters, searchable word by word, wildcards as letters', async () => {
    const all = await surveyComments(db, {});
    expect([all.with_comment, all.matching]).toEqual([4, 4]);
    expect(all.comments.map((c) => c.id)).toEqual(['p1', 'p3', 'q2', 'q3']);
    expect(all.comments[1]).toMatchObject({ free_text: '<b>Fix</b> the lights & bins', venue: 'Café', ward_name: 'Lache' });
    const bins = await surveyComments(db, {}, { search: '  BINS ' });
    expect([bins.with_comment, bins.matching, bins.comments.map((c) => c.id)]).toEqual([4, 2, ['p1', 'p3']]);
    expect((await surveyComments(db, {}, { search: 'lights bins' })).comments.map((c) => c.id)).toEqual(['p3']);
    expect((await surveyComments(db, {}, { search: '50%_of' })).comments.map((c) => c.id)).toEqual(['q2']);
    expect((await surveyComments(db, {}, { search: '%' })).comments.map((c) => c.id)).toEqual(['q2']);
    // Filtered together with venue, ward, dates and who answered.
    expect((await surveyComments(db, { venue: 'Library' })).comments.map((c) => c.id)).toEqual(['p1']);
    expect((await surveyComments(db, { wardCode: LACHE }, { search: 'bins' })).matching).toBe(2);
    expect((await surveyComments(db, { from: '2025-03-05' })).comments.map((c) => c.id)).toEqual(['q2', 'q3']);
    expect((await surveyComments(db, { ageBand: '25-34' })).comments.map((c) => c.id)).toEqual(['p1']);
    const limited = await surveyComments(db, {}, { limit: 1 });
    expect([limited.matching, limited.comments.length]).toEqual([4, 1]);
  });
});
