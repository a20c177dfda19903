import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/database.ts';
import { insertDataset } from '../../../../src/db/evidence/schema.ts';
import { areaNameOf, surveyLsoasInAuthority } from '../../../../src/db/queries/surveyScope.ts';
import { residentsOfCoveredAreas } from '../../../../src/db/queries/surveyRespondents.ts';
import { surveyTotals } from '../../../../src/db/queries/surveyPriorities.ts';
import { ipc, meta, openEvidenceDb } from '../../db/evidence/helpers.ts';

const CHESHIRE_WEST = 'E06000050';
const KINGSTON = 'E09000021';
const LACHE = 'E05012221';

/*
 * Four responses: two in Lache small areas (Cheshire West and Chester), one in
 * a Kingston small area, one not placed. E01018351 gets two (one aged 16–24).
 */
const SURVEY = {
  survey_responses: ipc({
    dataset: ['s', 's', 's', 's'],
    source_row: [2, 3, 4, 5],
    id: ['r1', 'r2', 'r3', 'r4'],
    collected_on: ['2024-03-01', '2024-03-02', '2024-05-01', '2024-03-03'],
    lon: [-2.91, -2.91, -0.29, null],
    lat: [53.17, 53.17, 51.41, null],
    lsoa_code: ['E01018351', 'E01018351', 'E01002915', null],
    ward_code: [LACHE, LACHE, null, null],
    venue: ['Café', 'Online', 'Café', 'Online'],
    channel: [null, null, null, null],
    age_band: ['16-24', '65-74', null, null],
    sex: [null, null, null, null],
    ethnicity: [null, null, null, null],
    free_text: [null, null, null, null],
  }),
};

let db: Database;
beforeAll(async () => {
  db = await openEvidenceDb();
  await insertDataset(db, meta('ds-s', 'survey', 4), SURVEY);
}, 60_000);

describe('survey scope: one authority', () => {
  it('lists the small areas of the authority where matching responses fall', async () => {
    const [kingstonLsoa] = await db.query<{ lad_code: string }>("SELECT lad_code FROM areas WHERE level = 'lsoa' AND code = 'E01002915'");
    expect(kingstonLsoa?.lad_code).toBe(KINGSTON);
    expect(await surveyLsoasInAuthority(db, {}, CHESHIRE_WEST)).toEqual(['E01018351']);
    expect(await surveyLsoasInAuthority(db, {}, KINGSTON)).toEqual(['E01002915']);
    expect(await surveyLsoasInAuthority(db, { from: '2024-04-01' }, CHESHIRE_WEST)).toEqual([]);
    expect(await surveyLsoasInAuthority(db, { datasetIds: [] }, CHESHIRE_WEST)).toEqual([]);
  });

  it('ignores filters on who answered, so residents stay those of the covered areas', async () => {
    expect(await surveyLsoasInAuthority(db, { ageBand: '75+' }, CHESHIRE_WEST)).toEqual(['E01018351']);
  });

  it('limits counts and residents to the authority when passed back as small areas', async () => {
    const lsoaCodes = await surveyLsoasInAuthority(db, {}, CHESHIRE_WEST);
    const totals = await surveyTotals(db, { lsoaCodes });
    expect(totals.responses).toBe(2);
    expect(totals.with_age_band).toBe(2);
    const covered = await residentsOfCoveredAreas(db, { lsoaCodes });
    expect(covered.basis).toBe('lsoas');
    expect(covered.lsoas).toBe(1);
    const [census] = await db.query<{ population: number }>("SELECT population FROM census WHERE lsoa_code = 'E01018351'");
    expect(covered.population).toBe(census!.population);
  });

  it('names areas from the built-in data', async () => {
    expect(await areaNameOf(db, LACHE)).toBe('Lache');
    expect(await areaNameOf(db, 'E05999999')).toBeNull();
  });
});
