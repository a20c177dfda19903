import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHTED_THEMES,
  TOO_FEW_RESPONSES,
  chiSquareSentence,
  compareWithResidents,
  groupDisplay,
  groupPriorityRows,
  intervalText,
  residentCounts,
  respondentCounts,
  sexSummary,
  shareAndInterval,
  themePriorityRows,
  wardCoverage,
} from '../../../../src/analysis/surveyPriorities.ts';
import type { GroupThemeCount, ThemeCount } from '../../../../src/db/queries/surveyPriorities.ts';
import { CENSUS_AGE_COLUMNS, CENSUS_ETHNIC_COLUMNS, type CoveredResidents, type WardResponses } from '../../../../src/db/queries/surveyRespondents.ts';

const HOUSING = 'Housing issues';
const POLICING = 'Policing & safety';
const MAINTENANCE = 'Maintenance & condition of public/communal areas';

describe('highlighted themes', () => {
  it('are the three survey themes the product highlights, from the theme definitions', () => {
    expect(HIGHLIGHTED_THEMES).toEqual([HOUSING, POLICING, MAINTENANCE]);
    expect(TOO_FEW_RESPONSES).toBe(10);
  });
});

describe('themePriorityRows', () => {
  const counts: ThemeCount[] = [
    { theme: 'Youth activities', first_choice: 1, top_three: 2, responses: 6 },
    { theme: POLICING, first_choice: 1, top_three: 3, responses: 6 },
    { theme: HOUSING, first_choice: 3, top_three: 4, responses: 6 },
    { theme: 'Affordable exercise', first_choice: 0, top_three: 3, responses: 6 },
    { theme: 'Information & advice', first_choice: 0, top_three: 0, responses: 6 },
  ];

  it('gives shares with Wilson 95% intervals (R prop.test, correct = FALSE)', () => {
    const housing = themePriorityRows(counts).find((r) => r.theme === HOUSING)!;
    expect(housing.first.count).toBe(3);
    expect(housing.first.share).toBe(0.5);
    // R: prop.test(3, 6, correct = FALSE)$conf.int = 0.1876163065 0.8123836935
    expect(housing.first.low).toBeCloseTo(0.1876163065, 9);
    expect(housing.first.high).toBeCloseTo(0.8123836935, 9);
    // R: prop.test(4, 6, correct = FALSE)$conf.int = 0.2999933151 0.9032285889
    expect(housing.topThree.share).toBeCloseTo(4 / 6, 12);
    expect(housing.topThree.low).toBeCloseTo(0.2999933151, 9);
    expect(housing.topThree.high).toBeCloseTo(0.9032285889, 9);
  });

  it('orders by top-three share, then first choices, then survey order', () => {
    expect(themePriorityRows(counts).map((r) => r.theme)).toEqual([HOUSING, POLICING, 'Affordable exercise', 'Youth activities', 'Information & advice']);
  });

  it('leaves shares as NaN (not 0%) with no responses', () => {
    const [row] = themePriorityRows([{ theme: HOUSING, first_choice: 0, top_three: 0, responses: 0 }]);
    expect(row!.first.share).toBeNaN();
    expect(shareAndInterval(row!.first)).toBe('no responses');
  });
});

describe('shareAndInterval', () => {
  it('writes a share and its interval as whole percentages', () => {
    expect(shareAndInterval({ share: 0.5, low: 0.1876163065, high: 0.8123836935, count: 3 })).toBe('50% (19–81%)');
    expect(shareAndInterval({ share: 0.02, low: 0.001, high: 0.09, count: 1 })).toBe('2% (<1–9%)');
  });
});

describe('groupPriorityRows', () => {
  const row = (code: string | null, name: string | null, theme: string, top: number, n: number): GroupThemeCount => ({
    group_code: code,
    group_name: name,
    theme,
    first_choice: 0,
    top_three: top,
    responses: n,
  });
  const rows = [
    row('E05012209', 'Blacon', HOUSING, 1, 2),
    row('E05012209', 'Blacon', POLICING, 0, 2),
    row('E05012221', 'Lache', HOUSING, 9, 12),
    row('E05012221', 'Lache', MAINTENANCE, 3, 12),
    row(null, null, HOUSING, 0, 1),
  ];

  it('gives each group its own denominator, flags small groups and names unplaced responses', () => {
    const out = groupPriorityRows(rows, 'ward');
    expect(out.map((r) => [r.label, r.responses, r.tooFew])).toEqual([
      ['Blacon', 2, true],
      ['Lache', 12, false],
      ['No place (online, phone, post…)', 1, true],
    ]);
    expect(out[1]!.topThree.map((s) => s.count)).toEqual([9, 0, 3]);
    expect(out[1]!.topThree[0]!.share).toBe(0.75);
    expect(out[0]!.topThree[0]!.share).toBe(0.5);
    expect(groupPriorityRows(rows, 'venue')[2]!.label).toBe('No venue given');
  });
});

describe('wardCoverage', () => {
  const ward = (name: string, responses: number): WardResponses => ({ ward_code: `E05${name.length}`, ward_name: name, lad_code: 'E06000050', responses, population: 5000 });

  it('flags wards with fewer than ten responses, fewest first, and lists wards with none', () => {
    const c = wardCoverage([ward('Lache', 40), ward('Blacon', 9), ward('Upton', 4), ward('Newton', 0), ward('Hoole', 0)]);
    expect(c.sentences).toEqual(['Too few responses in Upton (n = 4) to say anything.', 'Too few responses in Blacon (n = 9) to say anything.']);
    expect(c.noneSentence).toBe('No responses from 2 wards: Newton, Hoole.');
    expect(c.tooFew.map((w) => w.ward_name)).toEqual(['Upton', 'Blacon']);
    expect(wardCoverage([ward('Lache', 10)])).toMatchObject({ sentences: [], noneSentence: null });
    expect(wardCoverage([ward('Lache', 0)]).noneSentence).toBe('No responses from Lache.');
  });
});

describe('who answered versus who lives here', () => {
  const covered = (overrides: Partial<CoveredResidents> = {}): CoveredResidents => {
    const base = Object.fromEntries([...CENSUS_AGE_COLUMNS, ...CENSUS_ETHNIC_COLUMNS].map((c) => [c, 100])) as Record<string, number>;
    return { ...base, basis: 'responses', lsoas: 3, lsoas_without_census: 0, population: 1800, ...overrides } as CoveredResidents;
  };

  it('counts respondents per canonical group and the rest as not stated', () => {
    const r = respondentCounts(
      [
        { group: '16-24', responses: 4 },
        { group: '75+', responses: 2 },
        { group: 'Under 16', responses: 1 },
        { group: null, responses: 3 },
      ],
      'age',
    );
    expect(r).toEqual({ counts: { '16-24': 4, '75+': 2 }, notStated: 4 });
  });

  it('sums Census five-year bands into respondent age bands', () => {
    const ages = residentCounts(covered({ age_85_plus: 50 }), 'age')!;
    // 15–19 + 20–24 stand in for 16–24; 75+ = 75–79 + 80–84 + 85+.
    expect(ages['16-24']).toBe(200);
    expect(ages['75+']).toBe(250);
    expect(residentCounts(covered(), 'ethnicity')).toEqual({ Asian: 100, Black: 100, Mixed: 100, White: 100, Other: 100 });
  });

  it('has no residents to compare with when no small area has Census figures', () => {
    expect(residentCounts(covered({ lsoas: 2, lsoas_without_census: 2 }), 'age')).toBeNull();
    expect(residentCounts(covered({ age_20_24: null }), 'age')).toBeNull();
    expect(compareWithResidents('age', [{ group: '16-24', responses: 40 }], covered({ lsoas: 0 }))).toBeNull();
  });

  it('flags an under-represented age band and states the chi-square test in words', () => {
    // Residents equal in every band (each 2 of 14 columns for 16–24 … 65–74; 3 for 75+).
    const groups = [
      { group: '16-24', responses: 2 },
      { group: '25-34', responses: 30 },
      { group: '35-44', responses: 30 },
      { group: '45-54', responses: 30 },
      { group: '55-64', responses: 30 },
      { group: '65-74', responses: 30 },
      { group: '75+', responses: 45 },
      { group: null, responses: 5 },
    ];
    const result = compareWithResidents('age', groups, covered())!;
    expect(result.totalRespondents).toBe(197);
    expect(result.notStated).toBe(5);
    expect(result.groups.find((g) => g.group === '16-24')!.flag).toBe('under-represented');
    // R: chisq.test(c(2, 30, 30, 30, 30, 30, 45), p = c(2, 2, 2, 2, 2, 2, 3) / 15): X-squared = 25.868, p = 0.000236
    expect(result.chiSquare!.statistic).toBeCloseTo(25.8680203, 6);
    expect(chiSquareSentence(result)).toBe('The difference is statistically significant (χ² = 25.9, 6 degrees of freedom, p < 0.001).');
  });

  it('says when a difference is not significant, and says nothing with too few responses', () => {
    const even = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74'].map((group) => ({ group, responses: 10 }));
    const result = compareWithResidents('age', [...even, { group: '75+', responses: 15 }], covered())!;
    expect(chiSquareSentence(result)).toBe('The difference is not statistically significant (χ² = 0.0, 6 degrees of freedom, p = 1).');
    const few = compareWithResidents('age', [{ group: '16-24', responses: 4 }], covered())!;
    expect(few.tooFew).toBe(true);
    expect(chiSquareSentence(few)).toBeNull();
  });

  it('summarises sex as counts and shares of those who answered', () => {
    expect(
      sexSummary([
        { group: 'Female', responses: 30 },
        { group: 'Male', responses: 10 },
        { group: null, responses: 5 },
      ]),
    ).toEqual({
      rows: [
        { group: 'Female', count: 30, share: 0.75 },
        { group: 'Male', count: 10, share: 0.25 },
      ],
      notStated: 5,
    });
  });

  it('writes age bands with an en dash', () => {
    expect(groupDisplay('16-24')).toBe('16–24');
    expect(groupDisplay('75+')).toBe('75+');
    expect(groupDisplay('White')).toBe('White');
  });
});

describe('intervalText', () => {
  it('writes the interval alone, or nothing without responses', () => {
    expect(intervalText({ low: 0.2, high: 0.4666 })).toBe('20–47%');
    expect(intervalText({ low: NaN, high: NaN })).toBe('');
  });
});
