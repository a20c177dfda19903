import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { GradeStack, type GradeStackRow } from '../../../src/charts/GradeStack.tsx';

const rows: GradeStackRow[] = [
  { label: 'Blacon', counts: [41, 22, 9, 3] },
  { label: 'Lache', counts: [12, 15, 11, 7] },
  { label: 'Winsford Over & Verdin', counts: [30, 1, 0, 2] },
  { label: 'Ellesmere Port Town', counts: [0, 0, 0, 0] },
];
const render = () => renderToStaticMarkup(createElement(GradeStack, { rows, title: 'Street-rep grades by ward' }));

function segmentsByRow(svg: string) {
  return svg
    .split('class="grade-row"')
    .slice(1)
    .map((row) => [...row.matchAll(/<g class="segment grade-([A-D])">.*?<rect x="([\d.]+)" y="15" width="([\d.]+)"/g)].map((m) => ({ grade: m[1]!, x: Number(m[2]), width: Number(m[3]) })));
}

describe('GradeStack chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/gradeStack.svg');
  });

  it('fills the bar width exactly, segments in grade order and proportional to counts', () => {
    const segs = segmentsByRow(render());
    expect(segs).toHaveLength(4);
    for (const row of segs.slice(0, 3)) {
      const sum = row.reduce((a, s) => a + s.width, 0);
      expect(sum).toBeCloseTo(396, 5); // width 400 less 2px each side
      row.forEach((s, i) => i > 0 && expect(s.x).toBeCloseTo(row[i - 1]!.x + row[i - 1]!.width, 5));
    }
    expect(segs[0]!.map((s) => s.grade)).toEqual(['A', 'B', 'C', 'D']);
    expect(segs[0]![0]!.width).toBeCloseTo((41 / 75) * 396, 0);
    expect(segs[2]!.map((s) => s.grade)).toEqual(['A', 'B', 'D']); // no empty C segment
    expect(segs[3]).toEqual([]);
  });

  it('writes letters only where they fit, counts in titles, and totals', () => {
    const svg = render();
    expect(svg).toContain('<title>Lache: 7 of 45 grades D (16%): a really big issue, unacceptable</title>');
    // Winsford's single B (12px wide) is too narrow for a letter; its D (24px) is not.
    const winsford = svg.split('class="grade-row"')[3]!;
    expect(winsford).not.toMatch(/>B<\/text>/);
    expect(winsford).toMatch(/>D<\/text>/);
    expect(svg).toContain('>75 grades</text>');
    expect(svg).toContain('>no grades</text>');
  });
});
