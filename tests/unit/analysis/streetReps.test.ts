import { describe, expect, it } from 'vitest';
import { compareIssues, gradeLetter, issueTrends, trendSentences, type HistoryChart } from '../../../src/analysis/streetReps.ts';

const GREEN = 'Green & clean';
const PEACE = 'Peace & quiet';
const SAFE = 'Safe & secure';

/** A site's history as historyChart builds it: two files' visits on 10 Feb are two columns. */
const history: HistoryChart = {
  visits: ['2024-01-10', '2024-02-10', '2024-02-10', '2024-03-10'],
  issues: [
    { issue: 'Noise', heading: PEACE, grades: [0, null, null, 2] },
    { issue: 'Litter', heading: GREEN, grades: [1, 1, 1, 1] },
    { issue: 'Fly-tipping', heading: GREEN, grades: [0, 1, 2, 3] },
    { issue: 'Street lighting', heading: SAFE, grades: [null, 3, null, 1] },
    { issue: 'Bins left out', heading: 'Other issues', grades: [null, null, 2, null] },
  ],
};

describe('gradeLetter', () => {
  it('maps 0–3 to A–D and anything else to a dash', () => {
    expect([0, 1, 2, 3].map(gradeLetter)).toEqual(['A', 'B', 'C', 'D']);
    expect([null, undefined, 4, -1, 1.5].map(gradeLetter)).toEqual(['–', '–', '–', '–', '–']);
  });
});

describe('compareIssues', () => {
  it('puts issues in the monitoring form’s order and ones the form lacks last, A–Z', () => {
    expect(['Bins left out', 'Street lighting', 'Anti-social parking', 'Noise', 'Litter'].sort(compareIssues)).toEqual([
      'Noise',
      'Litter',
      'Street lighting',
      'Anti-social parking',
      'Bins left out',
    ]);
  });
});

describe('issueTrends and trendSentences', () => {
  it('reads the last three graded visits of each issue, worst change first', () => {
    const trends = issueTrends(history);
    expect(trends.map((t) => [t.issue, t.direction, t.from, t.to, t.visits])).toEqual([
      ['Fly-tipping', 'worse', 1, 3, 3],
      ['Noise', 'worse', 0, 2, 2],
      ['Street lighting', 'better', 3, 1, 2],
      ['Litter', 'same', 1, 1, 3],
    ]);
    expect(trends[0]!.sentence).toBe('Fly-tipping has gone from B to D over the last 3 visits.');
    // Noise was graded on only 2 of the last visits: the sentence says so.
    expect(trends[1]!.sentence).toBe('Noise has gone from A to C over the last 2 visits that graded it.');
    expect(trends[2]!.sentence).toBe('Street lighting has improved from D to B over the last 2 visits that graded it.');
    expect(trends[3]!.sentence).toBe('Litter has stayed at B over the last 3 visits.');
  });

  it('calls a return to the starting grade "up and down", and gathers unchanged issues into one sentence', () => {
    const chart: HistoryChart = {
      visits: ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'],
      issues: [
        { issue: 'Graffiti', heading: GREEN, grades: [3, 0, 2, 0] },
        { issue: 'Litter', heading: GREEN, grades: [0, 0, 0, 0] },
        { issue: 'Dog fouling', heading: GREEN, grades: [1, 1, 1, 1] },
        { issue: 'Noise', heading: PEACE, grades: [null, null, null, 2] },
      ],
    };
    const trends = issueTrends(chart);
    expect(trends.map((t) => t.direction)).toEqual(['mixed', 'same', 'same']);
    expect(trendSentences(trends)).toEqual([
      'Graffiti went up and down over the last 3 visits, ending where it started at A.',
      'The other issues stayed the same over the last visits: Litter (A), Dog fouling (B).',
    ]);
    // A two-visit window changes the verdict: C → A is an improvement.
    expect(issueTrends(chart, 2).find((t) => t.issue === 'Graffiti')?.sentence).toBe('Graffiti has improved from C to A over the last 2 visits.');
  });

  it('says "every issue" when nothing changed, and nothing for a single visit', () => {
    const steady: HistoryChart = { visits: ['2024-01-01', '2024-02-01'], issues: [{ issue: 'Noise', heading: PEACE, grades: [0, 0] }, { issue: 'Litter', heading: GREEN, grades: [1, 1] }] };
    expect(trendSentences(issueTrends(steady))).toEqual(['Every issue stayed the same over the last visits: Noise (A), Litter (B).']);
    expect(issueTrends({ visits: ['2024-01-01'], issues: [{ issue: 'Noise', heading: PEACE, grades: [3] }] })).toEqual([]);
  });
});
