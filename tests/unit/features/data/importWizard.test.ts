import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../src/ingest/importClient.ts';
import { KEEP_WITHOUT_PLACE, type PreviewResult, type ValueProfile } from '../../../../src/ingest/importProtocol.ts';
import {
  REJECT,
  UNCHANGED,
  choicesOf,
  initialState,
  stepsFor,
  wizardReducer,
  workAtRisk,
  type WizardAction,
  type WizardState,
} from '../../../../src/features/data/steps/wizard.ts';
import { fieldId, problemField, shownErrors, stepErrors, VENUE_FILE_ID } from '../../../../src/features/data/steps/errors.ts';
import { rememberValueChoices } from '../../../../src/ingest/reconcile/memory.ts';

/** A survey whose title sits on row 1 and header on row 3 (as a form tool's workbook export does). */
function surveyPreview(headerRow = 3): PreviewResult {
  return {
    chunk: {
      header: ['Response', 'Date', 'Venue', 'Choice 1'],
      rows: [
        ['R1', '03/03/2025', 'St Marks Hall', 'Housing issues'],
        ['R2', '04/03/2025', 'st. mark’s hall', 'Policing & safety'],
      ],
      firstRow: headerRow + 1,
    },
    summary: { format: 'xlsx', dataRows: 2, columns: 4, sheet: 'Responses', sheets: ['Responses', 'Notes'], notes: [] },
    guess: { kind: 'survey', mapping: { id: 'Response', collected_on: 'Date', venue: 'Venue', choice_1: 'Choice 1' }, notes: [], confidence: 0.9 },
    problems: [],
    swapWarning: null,
    headerRow,
    headerCandidates: [
      { row: 3, cells: ['Response', 'Date', 'Venue', 'Choice 1'], score: 9 },
      { row: 1, cells: ['Community survey 2025', '', '', ''], score: 1 },
      { row: 2, cells: ['', '', '', ''], score: 0 },
    ],
  };
}

const profile: ValueProfile = {
  groups: [
    {
      field: 'venue',
      column: 'Venue',
      proposed: 'St Mark’s Hall',
      how: 'venue list',
      confident: true,
      members: [
        { raw: 'St Marks Hall', count: 12, firstRow: 4 },
        { raw: 'st. mark’s hall', count: 3, firstRow: 5 },
      ],
    },
    { field: 'venue', column: 'Venue', proposed: 'Town Library', how: 'close spelling', confident: false, members: [{ raw: 'Twn Lib', count: 2, firstRow: 9 }] },
    { field: 'venue', column: 'Venue', proposed: null, how: 'nothing like it in the venue list', confident: true, members: [{ raw: 'Online', count: 40, firstRow: 6 }] },
  ],
  options: { venue: ['St Mark’s Hall', 'Town Library'] },
  placeless: { count: 40, channels: [{ raw: 'Online', count: 40, firstRow: 6 }] },
  rowsRead: 57,
};

const run = (actions: WizardAction[], from: WizardState = initialState()) => actions.reduce(wizardReducer, from);
const venues = { venues: [['St Mark’s Hall', { lon: -1.13, lat: 52.63 }]] as [string, { lon: number; lat: number }][], problems: [] };

describe('import wizard steps', () => {
  it('walks file → header → kind → columns → values → check, and back', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'venues', venues }]);
    expect(stepsFor(s)).toEqual(['file', 'header', 'kind', 'columns', 'values', 'check']);
    const seen = [s.step];
    for (let i = 0; i < 5; i++) {
      s = wizardReducer(s, { type: 'next', errors: 0 });
      seen.push(s.step);
    }
    expect(seen).toEqual(['file', 'header', 'kind', 'columns', 'values', 'check']);
    expect(wizardReducer(s, { type: 'next', errors: 0 }).step).toBe('check');
    expect(wizardReducer(s, { type: 'back' }).step).toBe('values');
    expect(wizardReducer(s, { type: 'goto', step: 'header' }).step).toBe('header');
  });

  it('skips the header step for files with named fields, and the values step for police files', () => {
    const geo = { ...surveyPreview(), summary: { ...surveyPreview().summary, format: 'geojson' as const } };
    expect(stepsFor(run([{ type: 'previewed', preview: geo }]))).not.toContain('header');
    const police = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'kind', kind: 'police' }]);
    expect(stepsFor({ ...police, mapping: { month: 'Month', crime_type: 'Crime type' } })).not.toContain('values');
  });

  it('cannot go forward to a step not reached, nor on while rows are being read', () => {
    const s = run([{ type: 'previewed', preview: surveyPreview() }]);
    expect(wizardReducer(s, { type: 'goto', step: 'check' }).step).toBe('file');
    expect(run([{ type: 'next', errors: 0 }]).step).toBe('file');
    const rereading = run([{ type: 'next', errors: 0 }, { type: 'headerRow', row: 1 }], s);
    expect(rereading.reading).toBe(true);
    expect(wizardReducer(rereading, { type: 'next', errors: 0 }).step).toBe('header');
  });

  it('refuses Continue with problems, remembering the step so its errors show, and counts each refusal', () => {
    const s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'next', errors: 0 }, { type: 'next', errors: 2 }, { type: 'next', errors: 2 }]);
    expect(s.step).toBe('header');
    expect(s.tried).toEqual(['header']);
    expect(s.refused).toBe(2);
  });

  it('picking another header row or sheet re-reads and guesses the columns again', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'map', field: 'venue', column: undefined }]);
    expect(s.mapping.venue).toBeUndefined();
    s = wizardReducer(s, { type: 'headerRow', row: 1 });
    expect([s.reading, s.headerRow]).toEqual([true, 1]);
    s = wizardReducer(s, { type: 'previewed', preview: surveyPreview(1) });
    expect(s.mapping.venue).toBe('Venue');
    expect(choicesOf(s)).toMatchObject({ headerRow: 1 });
    expect(choicesOf(s)?.sheet).toBeUndefined();
    s = wizardReducer(s, { type: 'sheet', sheet: 'Notes' });
    expect([s.reading, s.sheet, s.headerRow]).toEqual([true, 'Notes', undefined]);
    // The same row again is not a change.
    const same = run([{ type: 'previewed', preview: surveyPreview() }]);
    expect(wizardReducer(same, { type: 'headerRow', row: 3 })).toBe(same);
  });

  it('starts confident proposals accepted, weaker ones and unmatched values not chosen, and turns decisions into value choices', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'profiled', profile }]);
    expect(s.decisions).toEqual({ 0: 'St Mark’s Hall', 1: UNCHANGED, 2: UNCHANGED });
    expect(choicesOf(s)?.values).toEqual({ venue: { 'St Marks Hall': 'St Mark’s Hall', 'st. mark’s hall': 'St Mark’s Hall' } });
    s = run([{ type: 'decide', group: 2, value: KEEP_WITHOUT_PLACE }, { type: 'decide', group: 0, value: REJECT }], s);
    expect(choicesOf(s)?.values).toEqual({ venue: { 'St Marks Hall': null, 'st. mark’s hall': null, Online: KEEP_WITHOUT_PLACE } });
    s = wizardReducer(s, { type: 'acceptAll' });
    expect(s.decisions[1]).toBe('Town Library');
    expect(s.decisions[0]).toBe(REJECT); // a choice already made stays
  });

  it('applies remembered choices from the last file of the kind and says how many', () => {
    const s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'profiled', profile, memory: rememberValueChoices(null, 'survey', { venue: { 'Twn Lib': 'Town Library', Online: null } }) }]);
    expect(s.decisions).toEqual({ 0: 'St Mark’s Hall', 1: 'Town Library', 2: REJECT });
    expect(s.profiling).toMatchObject({ phase: 'ready', remembered: 2 });
  });

  it('throws the value profile away when the columns or the venue list change', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'profiled', profile }]);
    const gen = s.profileGen;
    s = wizardReducer(s, { type: 'map', field: 'venue', column: 'Date' });
    expect(s.profiling.phase).toBe('idle');
    expect(s.decisions).toEqual({});
    expect(s.profileGen).toBe(gen + 1);
    expect(choicesOf(s)?.values).toBeUndefined();
  });

  it('starts one import however many times Import is pressed, and locks the steps while it runs', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'venues', venues }]);
    s = run(Array.from({ length: 5 }, () => ({ type: 'next', errors: 0 }) as const), s);
    expect(s.step).toBe('check');
    s = wizardReducer(s, { type: 'importStarted' });
    expect(s.run.phase).toBe('importing');
    const again = wizardReducer(s, { type: 'importStarted' });
    expect(again).toBe(s);
    expect(wizardReducer(s, { type: 'back' })).toBe(s);
    expect(wizardReducer(s, { type: 'kind', kind: 'police' })).toBe(s);
    expect(workAtRisk(s)).toBe(true);
    const outcome = { meta: {}, tables: {}, report: {} } as unknown as ImportOutcome;
    s = wizardReducer(s, { type: 'imported', outcome, note: null, choices: choicesOf(s)! });
    expect(s.run.phase).toBe('done');
    expect(wizardReducer(s, { type: 'importStarted' })).toBe(s);
    expect(workAtRisk(s)).toBe(false);
  });

  it('lets a failed import be tried again', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }]);
    s = { ...s, step: 'check' };
    s = run([{ type: 'importStarted' }, { type: 'importFailed', message: 'The import was cancelled.' }], s);
    expect(s.run).toEqual({ phase: 'failed', message: 'The import was cancelled.' });
    expect(wizardReducer(s, { type: 'importStarted' }).run.phase).toBe('importing');
  });

  it('counts closing on the first step as losing nothing', () => {
    expect(workAtRisk(run([{ type: 'previewed', preview: surveyPreview() }]))).toBe(false);
    expect(workAtRisk(run([{ type: 'previewed', preview: surveyPreview() }, { type: 'next', errors: 0 }]))).toBe(true);
  });
});

describe('import wizard errors (GOV.UK error summary)', () => {
  it('ties each mapping problem to the select to fix', () => {
    const fields = ['id', 'collected_on', 'lon', 'lat', 'venue', 'choices', 'choice_1'] as const;
    expect(problemField('No location column: map latitude and longitude, easting and northing, an LSOA or ward code, or a venue.', fields, {})).toBe('lon');
    expect(problemField("Longitude is chosen but latitude isn't: choose both, or neither.", fields, { lon: 'X' })).toBe('lat');
    expect(problemField("The column 'When' mapped as date collected has no dates in the first 50 rows (it holds values such as 'soon').", fields, { collected_on: 'When' })).toBe('collected_on');
    expect(problemField('No theme column: map the choices (one column per choice, or one column listing them in order).', fields, {})).toBe('choice_1');
  });

  it('shows no errors until Continue is pressed, then the columns step lists each with its field', () => {
    let s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'next', errors: 0 }, { type: 'next', errors: 0 }, { type: 'next', errors: 0 }]);
    expect(s.step).toBe('columns');
    // Placed by venue only, and no venue list: the error points at the venue-list input.
    expect(stepErrors(s)).toEqual([{ id: VENUE_FILE_ID, message: expect.stringMatching(/venue list/) }]);
    expect(shownErrors(s)).toEqual([]);
    s = wizardReducer(s, { type: 'next', errors: stepErrors(s).length });
    expect(s.step).toBe('columns');
    expect(shownErrors(s)).toHaveLength(1);
    s = run([{ type: 'map', field: 'venue', column: undefined }], s);
    expect(shownErrors(s).map((e) => e.id)).toEqual([fieldId('lon')]);
    s = run([{ type: 'map', field: 'venue', column: 'Venue' }, { type: 'venues', venues }], s);
    expect(shownErrors(s)).toEqual([]);
  });

  it('says an empty header row is not a header', () => {
    const s = run([{ type: 'previewed', preview: surveyPreview() }, { type: 'next', errors: 0 }, { type: 'headerRow', row: 2 }]);
    expect(stepErrors(s)).toEqual([{ id: 'import-header-row', message: 'Row 2 is empty: choose the row that names the columns.' }]);
  });
});

describe('header step', () => {
  it('names columns as a spreadsheet does', async () => {
    const { columnLetter } = await import('../../../../src/features/data/steps/HeaderStep.tsx');
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
