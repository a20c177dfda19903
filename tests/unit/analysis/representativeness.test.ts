import { describe, expect, it } from 'vitest';
import {
  AGE_BAND_NOTE,
  formatP,
  formatShare,
  groupLabel,
  representativeness,
  residentsByAgeBand,
  residentsByEthnicGroup,
} from '../../../src/analysis/representativeness.ts';

// Chi-square and Wilson reference values from R 4: chisq.test(o, p = r / sum(r)), prop.test(x, n, correct = FALSE).
const RESIDENTS_BY_AGE = { '16-24': 1800, '25-34': 1600, '35-44': 1500, '45-54': 1500, '55-64': 1400, '65-74': 1200, '75+': 1000 };

describe('representativeness by age band', () => {
  const result = representativeness('age', { '16-24': 12, '25-34': 30, '35-44': 34, '45-54': 36, '55-64': 38, '65-74': 30, '75+': 20 }, RESIDENTS_BY_AGE, 8);
  const young = result.groups[0]!;

  it('computes shares, ratios and the Wilson interval per group', () => {
    expect(result.groups.map((g) => g.group)).toEqual(['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+']);
    expect(young).toMatchObject({ respondents: 12, respondentShare: 0.06, residents: 1800, residentShare: 0.18 });
    expect(young.ratio).toBeCloseTo(1 / 3, 12);
    expect(young.respondentLow).toBeCloseTo(0.0346521942543319, 13);
    expect(young.respondentHigh).toBeCloseTo(0.101931692957663, 13);
    expect(result.groups[6]!.ratio).toBeCloseTo(1, 12);
    expect(result.totalRespondents).toBe(200);
    expect(result.totalResidents).toBe(10_000);
  });

  it('flags only the group below half its resident share with a clear interval', () => {
    expect(result.groups.map((g) => g.flag)).toEqual(['under-represented', null, null, null, null, null, null]);
    expect(young.sentence).toBe('People aged 16–24 are 18% of residents but 6% of responses.');
    expect(result.groups[1]!.sentence).toBe('People aged 25–34 are 16% of residents and 15% of responses.');
    expect(result.groups[6]!.sentence).toBe('People aged 75 and over are 10% of residents and 10% of responses.');
  });

  it('tests the whole distribution with chi-square and says so in plain English', () => {
    expect(result.chiSquare!.statistic).toBeCloseTo(22.9297619047619, 11);
    expect(result.chiSquare!.df).toBe(6);
    expect(result.chiSquare!.p).toBeCloseTo(0.000820347678419893, 14);
    expect(result.chiSquare!.expected).toEqual([36, 32, 30, 30, 28, 24, 20]);
    expect(result.tooFew).toBe(false);
    expect(result.overallSentence).toBe(
      'By age, the 200 responses differ from who lives here by more than chance would explain (chi-square test, p < 0.001). ' +
        'Under-represented: people aged 16–24. 8 more responses did not give an age band and are left out.',
    );
    expect(result.note).toBe(AGE_BAND_NOTE);
  });

  it('says the responses are in line when chi-square finds nothing', () => {
    const r = representativeness('age', { '16-24': 40, '25-34': 30, '35-44': 30, '45-54': 28, '55-64': 28, '65-74': 24, '75+': 20 }, RESIDENTS_BY_AGE);
    expect(r.chiSquare!.statistic).toBeCloseTo(0.702777777777778, 12);
    expect(r.chiSquare!.p).toBeCloseTo(0.994430922821334, 13);
    expect(r.groups.every((g) => g.flag === null)).toBe(true);
    expect(r.overallSentence).toBe('By age, the 200 responses are in line with who lives here: the differences are within what chance would give (chi-square test, p = 0.99).');
  });

  it('does not flag a small group whose interval still reaches its resident share', () => {
    // 75+: 1 of 40 = 2.5% against 10% of residents (ratio 0.25), but Wilson high = 12.9% ≥ 10%.
    const r = representativeness('age', { '16-24': 8, '25-34': 7, '35-44': 6, '45-54': 6, '55-64': 6, '65-74': 6, '75+': 1 }, RESIDENTS_BY_AGE);
    const old = r.groups[6]!;
    expect(old.ratio).toBeCloseTo(0.25, 12);
    expect(old.respondentHigh).toBeCloseTo(0.12881368963474088, 13);
    expect(old.flag).toBeNull();
    expect(r.chiSquare!.statistic).toBeCloseTo(2.72371031746032, 12);
    expect(r.chiSquare!.p).toBeCloseTo(0.842638787876504, 13);
    expect(r.chiSquare!.smallExpected).toBe(true);
    expect(r.overallSentence).toBe(
      'By age, the 40 responses are in line with who lives here: the differences are within what chance would give (chi-square test, p = 0.84). ' +
        'Some groups would expect fewer than 5 responses, so treat the test as a rough guide.',
    );
  });

  it('says when there are too few responses, and flags nothing', () => {
    const r = representativeness('age', { '16-24': 0, '25-34': 2, '35-44': 3, '45-54': 3, '55-64': 2, '65-74': 1, '75+': 1 }, RESIDENTS_BY_AGE, 1);
    expect(r.tooFew).toBe(true);
    expect(r.totalRespondents).toBe(12);
    expect(r.groups.every((g) => g.flag === null)).toBe(true);
    expect(r.groups[0]!.sentence).toBe('People aged 16–24 are 18% of residents and 0% of responses.');
    expect(r.overallSentence).toBe('Too few responses (n = 12) to say whether they reflect who lives here. One more response did not give an age band and is left out.');
  });

  it('handles no responses and no residents without inventing shares', () => {
    const none = representativeness('age', {}, RESIDENTS_BY_AGE);
    expect(none.chiSquare).toBeNull();
    expect(none.groups[0]!.respondentShare).toBeNaN();
    expect(none.groups[0]!.sentence).toBe('People aged 16–24 are 18% of residents; no responses gave an age band.');
    expect(none.overallSentence).toBe('Too few responses (n = 0) to say whether they reflect who lives here.');
    const noResidents = representativeness('age', { '16-24': 40 }, {});
    expect(noResidents.chiSquare).toBeNull();
    expect(noResidents.groups[0]!.sentence).toBe('People aged 16–24: no Census 2021 residents were found for these areas.');
    expect(noResidents.overallSentence).toBe('No Census 2021 residents were found for these areas, so the responses cannot be compared with who lives here.');
  });

  it('writes counts of a thousand or more with separators', () => {
    const big = representativeness('age', { '16-24': 233, '25-34': 207, '35-44': 194, '45-54': 195, '55-64': 181, '65-74': 155, '75+': 130 }, RESIDENTS_BY_AGE, 1050);
    expect(big.totalRespondents).toBe(1295);
    expect(big.overallSentence).toMatch(/^By age, the 1,295 responses are in line with who lives here: /);
    expect(big.overallSentence).toContain(' 1,050 more responses did not give an age band and are left out.');
  });

  it('rejects negative counts', () => {
    expect(() => representativeness('age', { '16-24': -1 }, RESIDENTS_BY_AGE)).toThrow(/zero or more/);
  });
});

describe('representativeness by ethnic group', () => {
  const r = representativeness('ethnicity', { Asian: 15, Black: 3, Mixed: 2, White: 79, Other: 1 }, { Asian: 500, Black: 300, Mixed: 200, White: 8800, Other: 200 });

  it('flags a group above double its resident share with a clear interval', () => {
    expect(r.groups.map((g) => g.flag)).toEqual(['over-represented', null, null, null, null]);
    expect(r.groups[0]!.respondentLow).toBeCloseTo(0.0930598528365663, 13);
    expect(r.groups[0]!.sentence).toBe('Asian people are 5% of residents but 15% of responses.');
    expect(r.groups[2]!.sentence).toBe('People from the Mixed ethnic group are 2% of residents and 2% of responses.');
    expect(r.groups[3]!.sentence).toBe('White people are 88% of residents and 79% of responses.');
    expect(r.note).toBeNull();
  });

  it('reports the chi-square test with its small-expected caveat', () => {
    expect(r.chiSquare!.statistic).toBeCloseTo(21.4204545454545, 11);
    expect(r.chiSquare!.p).toBeCloseTo(0.000261320042103035, 14);
    expect(r.overallSentence).toBe(
      'By ethnic group, the 100 responses differ from who lives here by more than chance would explain (chi-square test, p < 0.001). ' +
        'Over-represented: Asian people. Some groups would expect fewer than 5 responses, so treat the test as a rough guide.',
    );
  });

  it('lists several flagged groups in one sentence', () => {
    const two = representativeness('ethnicity', { Asian: 30, Black: 30, Mixed: 2, White: 137, Other: 1 }, { Asian: 500, Black: 500, Mixed: 200, White: 8600, Other: 200 });
    expect(two.groups.filter((g) => g.flag === 'over-represented').map((g) => g.group)).toEqual(['Asian', 'Black']);
    expect(two.overallSentence).toContain('Over-represented: Asian people and Black people.');
  });
});

describe('census helpers', () => {
  const row = {
    age_00_04: 50, age_05_09: 60, age_10_14: 70, age_15_19: 80, age_20_24: 120, age_25_29: 110, age_30_34: 100, age_35_39: 90, age_40_44: 85,
    age_45_49: 80, age_50_54: 75, age_55_59: 70, age_60_64: 65, age_65_69: 60, age_70_74: 50, age_75_79: 40, age_80_84: 25, age_85_plus: 15n,
    ethnic_asian: 300, ethnic_black: 100, ethnic_mixed: 50, ethnic_white: 1000, ethnic_other: 20, ethnic_total: 1470,
  };
  it('sums five-year columns into the respondent age bands (15–24 stands in for 16–24)', () => {
    const { residents, note } = residentsByAgeBand(row);
    expect(residents).toEqual({ '16-24': 200, '25-34': 210, '35-44': 175, '45-54': 155, '55-64': 135, '65-74': 110, '75+': 80 });
    expect(note).toContain('residents aged 15–24 stand in for 16–24');
  });
  it('adds several areas’ rows', () => {
    expect(residentsByAgeBand([row, row]).residents['75+']).toBe(160);
    expect(residentsByEthnicGroup([row, row])).toEqual({ Asian: 600, Black: 200, Mixed: 100, White: 2000, Other: 40 });
  });
  it('refuses a row with a missing count rather than treating it as zero people', () => {
    expect(() => residentsByAgeBand({ ...row, age_80_84: null })).toThrow('The census row has no value for age_80_84.');
  });
});

describe('wording helpers', () => {
  it('formats shares without rounding a real group to 0% or a partial one to 100%', () => {
    expect([0, 0.003, 0.18, 0.996, 1, NaN].map(formatShare)).toEqual(['0%', 'less than 1%', '18%', 'more than 99%', '100%', 'no data']);
  });
  it('formats p-values', () => {
    expect([0.0004, 0.03019, 0.41, NaN].map(formatP)).toEqual(['p < 0.001', 'p = 0.03', 'p = 0.41', 'p not available']);
  });
  it('names groups', () => {
    expect(groupLabel('age', '45-54')).toBe('People aged 45–54');
    expect(groupLabel('age', '75+')).toBe('People aged 75 and over');
    expect(groupLabel('ethnicity', 'Other')).toBe('People from the Other ethnic group');
  });
});
