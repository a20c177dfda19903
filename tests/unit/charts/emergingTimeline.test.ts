import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmergingTimeline, binWords, type EmergingTimelineRow } from '../../../src/charts/EmergingTimeline.tsx';
import type { HotColdClass } from '../../../src/stats/hotspots/hotColdClass.ts';

const months = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const ns: HotColdClass = 'not-significant';
const rows: EmergingTimelineRow[] = [
  { label: 'Chester 019B', pattern: 'New hot spot', bins: [ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, 'hot-95'] },
  { label: 'Chester 021A', pattern: 'Persistent hot spot', bins: ['hot-99', 'hot-99', 'hot-95', 'hot-99', 'hot-90', 'hot-99', 'hot-99', 'hot-95', 'hot-99', 'hot-99', 'hot-95', 'hot-99'] },
  { label: 'Chester 004C', pattern: 'Sporadic cold spot', bins: [ns, 'cold-90', ns, ns, 'cold-95', ns, ns, null, ns, 'cold-99', ns, ns] },
];
const render = () => renderToStaticMarkup(createElement(EmergingTimeline, { months, rows, title: 'Burglary hot spots over time' }));

describe('EmergingTimeline chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/emergingTimeline.svg');
  });

  it('draws a cell per month per area, marked + for hot and − for cold, with words on hover', () => {
    const svg = render();
    const strips = svg.split('class="timeline-row"').slice(1);
    expect(strips).toHaveLength(3);
    const classes = strips.map((s) => [...s.matchAll(/<g class="bin ([a-z0-9-]+)">/g)].map((m) => m[1]));
    expect(classes[0]).toHaveLength(12);
    expect(classes[2]![7]).toBe('no-value');
    expect(classes[1]!.every((c) => c!.startsWith('hot'))).toBe(true);
    expect(strips[1]!.match(/>\+<\/text>/g)).toHaveLength(12);
    expect(strips[2]!.match(/>−<\/text>/g)).toHaveLength(3);
    expect(svg).toContain('<title>Chester 019B, Jun 2024: hot spot, 95% confidence</title>');
    expect(svg).toContain('>Persistent hot spot</text>');
    // Cells tile the width: the last one ends at the right margin.
    const xs = [...strips[0]!.matchAll(/<rect x="([\d.]+)" y="15" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    expect(xs[11]).toBeCloseTo(418 - 1, 0);
  });

  it('labels the first month and January, and words every class', () => {
    const svg = render();
    expect(svg).toContain('>Jul 2023</text>');
    expect(svg).toContain('>Jan 2024</text>');
    expect(binWords('cold-99')).toBe('cold spot, 99% confidence');
    expect(binWords(null)).toBe('no value');
  });
});
