import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { GradeHistory, type GradeHistoryProps } from '../../../src/charts/GradeHistory.tsx';

const props: GradeHistoryProps = {
  visits: ['2024-01-09', '2024-02-13', '2024-03-12', '2024-04-16', '2024-05-14', '2024-06-11'],
  issues: [
    { issue: 'Groups loitering / disorderly behaviour', heading: 'Peace & quiet', grades: [1, 1, 2, 2, 3, 2] },
    { issue: 'Noise', heading: 'Peace & quiet', grades: [0, 0, 1, null, 0, 0] },
    { issue: 'Litter', heading: 'Green & clean', grades: [2, 2, 3, 3, 2, 1] },
    { issue: 'Fly-tipping', heading: 'Green & clean', grades: [1, 3, 3, 2, 1, 0] },
    { issue: 'Street lighting', heading: 'Safe & secure', grades: [0, 0, 0, 1, 0, 0] },
  ],
};
const render = (p: GradeHistoryProps = props) => renderToStaticMarkup(createElement(GradeHistory, p));
const cells = (svg: string) => [...svg.matchAll(/<g class="cell (?:grade-([A-D])|not-graded)">/g)].map((m) => m[1] ?? null);

describe('GradeHistory chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/gradeHistory.svg');
  });

  it('draws one cell per issue and visit, in order, with the grade letter', () => {
    const drawn = cells(render());
    const expected = props.issues.flatMap((i) => i.grades.map((g) => (g === null ? null : 'ABCD'[g])));
    expect(drawn).toEqual(expected);
    expect(render()).toContain('<title>Litter, 12 Mar 2024: D — a really big issue, unacceptable</title>');
    expect(render()).toContain('<title>Noise, 16 Apr 2024: not graded</title>');
  });

  it('groups issues under their headings in first-seen order, even when the input interleaves them', () => {
    const shuffled = { ...props, issues: [props.issues[2]!, props.issues[0]!, props.issues[3]!] };
    const svg = render(shuffled);
    const order = [...svg.matchAll(/font-weight="bold">([^<]+)</g)].map((m) => m[1]);
    expect(order.slice(0, 2)).toEqual(['Green &amp; clean', 'Peace &amp; quiet']);
    expect(cells(svg).slice(0, 12)).toEqual(['C', 'C', 'D', 'D', 'C', 'B', 'B', 'D', 'D', 'C', 'B', 'A']);
  });

  it('labels visits by date and treats out-of-range grades as not graded', () => {
    const svg = render({ visits: ['2024-03-05'], issues: [{ issue: 'Graffiti', heading: 'Green & clean', grades: [7] }] });
    expect(cells(svg)).toEqual([null]);
    expect(svg).toContain('aria-label="Street-rep grades for each issue over 1 visit, 5 Mar 2024 to 5 Mar 2024"');
  });

  it('labels only every other visit when twenty visits make the columns narrow', () => {
    const visits = Array.from({ length: 20 }, (_, i) => `2024-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '20' : '05'}`);
    const svg = render({ visits, issues: [{ issue: 'Groups loitering / disorderly behaviour', heading: 'Peace & quiet', grades: visits.map((_, i) => i % 4) }] });
    const dateLabels = [...svg.matchAll(/rotate\(45\)"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(dateLabels).toHaveLength(10);
    expect(dateLabels[0]).toBe('5 Jan 2024');
    expect(cells(svg)).toHaveLength(20);
  });
});

describe('GradeHistory across a break in visits', () => {
  it('puts a shaded strip between two visits 14 months apart, and none between monthly rounds', () => {
    const visits = ['2022-09-05', '2022-10-03', '2024-01-08', '2024-02-05'];
    const svg = renderToStaticMarkup(
      createElement(GradeHistory, { visits, issues: [{ issue: 'Fly-tipping', heading: 'Green & clean', grades: [1, 1, 2, 3] }] }),
    );
    expect(svg.match(/class="no-visits"/g)).toHaveLength(1);
    expect(svg).toContain('data-gap="2022-11/2023-12"');
    expect(svg).toContain('<title>No visits: Nov 2022–Dec 2023 (14 months)</title>');
    expect(svg).toContain('A shaded strip: months with no visit.');
    // The columns after the break move right by the strip: the visits either side are no longer neighbours.
    const xs = [...svg.matchAll(/<rect x="([\d.]+)" y="1"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(4);
    expect(xs[2]! - xs[1]!).toBeGreaterThan(xs[1]! - xs[0]!);
    expect(xs[3]! - xs[2]!).toBe(xs[1]! - xs[0]!);
  });
});
