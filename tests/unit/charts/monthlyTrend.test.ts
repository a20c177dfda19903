import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MonthlyTrend, monthLabel } from '../../../src/charts/MonthlyTrend.tsx';

const series = [
  { month: '2023-10', value: 88 },
  { month: '2023-11', value: 102 },
  { month: '2023-12', value: 95 },
  { month: '2024-01', value: 131 },
  { month: '2024-02', value: 117 },
  { month: '2024-03', value: 1204 },
];
const render = () => renderToStaticMarkup(createElement(MonthlyTrend, { series, title: 'Crimes in Lache', unit: 'crimes' }));

describe('MonthlyTrend chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/monthlyTrend.svg');
  });

  it('draws a dot per month on the line, labels the first month and each January', () => {
    const svg = render();
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(dots).toHaveLength(series.length);
    const path = svg.match(/<path d="([^"]+)"/)![1]!;
    expect(path).toBe(dots.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(''));
    // The highest month is the highest dot (smallest y).
    expect(Math.min(...dots.map((d) => d[1]!))).toBe(dots[5]![1]);
    expect(svg).toContain('>Oct 2023</text>');
    expect(svg).toContain('>Jan 2024</text>');
    expect(svg).not.toContain('>Feb 2024</text>');
    expect(svg).toContain('<title>Mar 2024: 1,204 crimes</title>');
    // Re-exported from src/analysis/format.ts for the panels that import it from here.
    expect(monthLabel('2024-12')).toBe('Dec 2024');
  });
  it('leaves out the first month’s label when a January follows too close to fit both', () => {
    const long = Array.from({ length: 35 }, (_, i) => ({ month: `${2019 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}`, value: i }));
    expect(long[0]!.month).toBe('2019-12');
    const svg = renderToStaticMarkup(createElement(MonthlyTrend, { series: long, title: 'Leicester', unit: 'crimes' }));
    expect(svg).not.toContain('>Dec 2019</text>');
    expect(svg).toContain('>Jan 2020</text>');
    expect(svg).toContain('>Jan 2022</text>');
  });
});

describe('MonthlyTrend on a calendar axis', () => {
  // 8 months of 2022 and 4 of 2024: 14 months missing in between (Nov 2022 – Dec 2023).
  const gappy = [
    ...['03', '04', '05', '06', '07', '08', '09', '10'].map((mm, i) => ({ month: `2022-${mm}`, value: 40 + i })),
    ...['01', '02', '03', '04'].map((mm, i) => ({ month: `2024-${mm}`, value: 60 + i })),
  ];
  const svg = renderToStaticMarkup(createElement(MonthlyTrend, { series: gappy, title: 'Imported force', unit: 'crimes' }));

  it('matches its golden SVG', async () => {
    await expect(svg.replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/monthlyTrendGap.svg');
  });

  it('splits the line at the gap, places months by the calendar and shades the missing months', () => {
    const path = svg.match(/<path d="([^"]+)"/)![1]!;
    const segments = path.split('M').filter(Boolean);
    expect(segments).toHaveLength(2);
    expect(segments.map((s) => s.split('L').length)).toEqual([8, 4]);
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(12);
    // 26 calendar months from Mar 2022 to Apr 2024: one step is 348 / 25 px; the gap spans 15 steps.
    const step = 348 / 25;
    expect(xs[8]! - xs[7]!).toBeCloseTo(15 * step, 0);
    expect(xs[1]! - xs[0]!).toBeCloseTo(step, 0);
    expect(svg).toContain('data-gap="2022-11/2023-12"');
    expect(svg).toContain('<title>No data: Nov 2022–Dec 2023 (14 months)</title>');
    expect(svg).toContain('>no data</text>');
    expect(svg).toContain('aria-label="Imported force: crimes by month (no data from Nov 2022 to Dec 2023)"');
    // The calendar axis labels the January inside the gap too.
    expect(svg).toContain('>Jan 2023</text>');
  });
});
