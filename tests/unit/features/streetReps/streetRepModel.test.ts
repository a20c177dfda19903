import { describe, expect, it } from 'vitest';
import type { SiteGrade, SiteLatest, WardGradeMix } from '../../../../src/db/queries/streetReps.ts';
import { gradeCounts, historyChart, issueMix, recentVisits, sitePoints, wardsWithSites } from '../../../../src/features/streetReps/streetRepModel.ts';

const GREEN = 'Green & clean';
const PEACE = 'Peace & quiet';
const SAFE = 'Safe & secure';

/** siteHistory-shaped rows: [dataset, visit, date, issue, heading, grade], oldest visit first. */
function rows(list: [string, string, string, string, string | null, number][]): SiteGrade[] {
  return list.map(([dataset, visit_id, visited_on, issue, heading, grade]) => ({
    dataset, visit_id, visited_on, visit_time: null, rep: null, issue, heading, grade: grade as SiteGrade['grade'],
  }));
}

const history = rows([
  ['d1', 'v1', '2024-01-10', 'Noise', PEACE, 0],
  ['d1', 'v1', '2024-01-10', 'Fly-tipping', GREEN, 0],
  ['d1', 'v1', '2024-01-10', 'Litter', GREEN, 1],
  ['d1', 'v2', '2024-02-10', 'Fly-tipping', GREEN, 1],
  ['d1', 'v2', '2024-02-10', 'Litter', GREEN, 1],
  ['d1', 'v2', '2024-02-10', 'Street lighting', SAFE, 3],
  // A second file's visit on the same day is its own column.
  ['d2', 'v1', '2024-02-10', 'Fly-tipping', GREEN, 2],
  ['d2', 'v1', '2024-02-10', 'Litter', GREEN, 1],
  ['d2', 'v1', '2024-02-10', 'Bins left out', null, 2],
  ['d2', 'v2', '2024-03-10', 'Fly-tipping', GREEN, 3],
  ['d2', 'v2', '2024-03-10', 'Litter', GREEN, 1],
  ['d2', 'v2', '2024-03-10', 'Noise', PEACE, 2],
  ['d2', 'v2', '2024-03-10', 'Street lighting', SAFE, 1],
]);

describe('historyChart', () => {
  it('makes one column per visit and one row per issue in the form’s order, with gaps where an issue was not graded', () => {
    const chart = historyChart(history);
    expect(chart.visits).toEqual(['2024-01-10', '2024-02-10', '2024-02-10', '2024-03-10']);
    expect(chart.issues.map((i) => [i.issue, i.heading, i.grades])).toEqual([
      ['Noise', PEACE, [0, null, null, 2]],
      ['Litter', GREEN, [1, 1, 1, 1]],
      ['Fly-tipping', GREEN, [0, 1, 2, 3]],
      ['Street lighting', SAFE, [null, 3, null, 1]],
      ['Bins left out', 'Other issues', [null, null, 2, null]],
    ]);
  });

  it('keeps only the latest visits when asked, trimming every issue alike', () => {
    const chart = historyChart(history);
    const recent = recentVisits(chart, 2);
    expect(recent.visits).toEqual(['2024-02-10', '2024-03-10']);
    expect(recent.issues.map((i) => i.grades)).toEqual([[null, 2], [1, 1], [2, 3], [null, 1], [2, null]]);
    expect(recentVisits(chart, 4)).toBe(chart);
  });

  it('is empty for a site with no grades', () => {
    expect(historyChart([])).toEqual({ visits: [], issues: [] });
  });
});

const site = (over: Partial<SiteLatest>): SiteLatest => ({
  site_id: 'S', name: 'Site', lon: -2.9, lat: 53.1, lsoa_code: null, ward_code: null, ward_name: null, visits: 1, latest_visit: '2024-01-01', worst_grade: null, worst_by_heading: {},
  ...over,
});

describe('sites for the map, key and filters', () => {
  const sites = [
    site({ site_id: 'S1', name: 'Bin store', ward_code: 'E05000002', ward_name: 'Lache', worst_grade: 3 }),
    site({ site_id: 'S2', name: null, ward_code: 'E05000001', ward_name: 'Blacon', worst_grade: 0 }),
    site({ site_id: 'S3', lon: null, lat: null, ward_code: 'E05000002', ward_name: 'Lache', worst_grade: 3 }),
    site({ site_id: 'S4', ward_code: null, visits: 0, latest_visit: null }),
  ];

  it('lists each ward with sites once, A–Z', () => {
    expect(wardsWithSites(sites)).toEqual([{ code: 'E05000001', name: 'Blacon' }, { code: 'E05000002', name: 'Lache' }]);
  });

  it('draws only located sites, named, with their worst grade', () => {
    const fc = sitePoints(sites);
    expect(fc.features.map((f) => [f.properties.site_id, f.properties.name, f.properties.grade, f.geometry.coordinates])).toEqual([
      ['S1', 'Bin store', 3, [-2.9, 53.1]],
      ['S2', 'S2', 0, [-2.9, 53.1]],
      ['S4', 'Site', null, [-2.9, 53.1]],
    ]);
  });

  it('counts sites per worst grade for the key', () => {
    expect(gradeCounts(sites)).toEqual({ counts: [1, 0, 0, 2], notGraded: 1 });
  });
});

describe('issueMix', () => {
  it('adds each issue’s grades over wards and puts issues in form order', () => {
    const mix = (ward: string, issue: string, heading: string | null, [a, b, c, d]: number[]): WardGradeMix => ({
      ward_code: ward, ward_name: ward, issue, heading, a: a!, b: b!, c: c!, d: d!, sites: a! + b! + c! + d!,
    });
    const out = issueMix([
      mix('Blacon', 'Litter', GREEN, [1, 0, 0, 0]),
      mix('Blacon', 'Noise', PEACE, [0, 1, 0, 0]),
      mix('Lache', 'Litter', GREEN, [1, 2, 0, 1]),
      mix('Lache', 'Abandoned vehicles', SAFE, [0, 0, 1, 0]),
    ]);
    expect(out).toEqual([
      { issue: 'Noise', heading: PEACE, counts: [0, 1, 0, 0] },
      { issue: 'Litter', heading: GREEN, counts: [2, 2, 0, 1] },
      { issue: 'Abandoned vehicles', heading: SAFE, counts: [0, 0, 1, 0] },
    ]);
  });
});
