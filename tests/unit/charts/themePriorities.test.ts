import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ThemePriorities, percent, type ThemePriorityRow } from '../../../src/charts/ThemePriorities.tsx';

// Shares and Wilson 95 % intervals as src/stats/wilson.ts gives them for 212 responses.
const rows: ThemePriorityRow[] = [
  { theme: 'Housing issues', first: { share: 0.2358, low: 0.1829, high: 0.2984, count: 50 }, topThree: { share: 0.5236, low: 0.4565, high: 0.5898, count: 111 } },
  { theme: 'Policing & safety', first: { share: 0.1792, low: 0.1337, high: 0.2358, count: 38 }, topThree: { share: 0.4623, low: 0.3962, high: 0.5297, count: 98 } },
  { theme: 'Maintenance & condition of public/communal areas', first: { share: 0.1415, low: 0.1017, high: 0.1935, count: 30 }, topThree: { share: 0.3868, low: 0.3234, high: 0.4543, count: 82 } },
  { theme: 'Youth activities', first: { share: 0.0047, low: 0.0008, high: 0.0262, count: 1 }, topThree: { share: 0.0849, low: 0.0545, high: 0.1298, count: 18 } },
];

const render = () =>
  renderToStaticMarkup(createElement(ThemePriorities, { rows, responses: 212, highlight: ['Housing issues', 'Policing & safety', 'Maintenance & condition of public/communal areas'] }));

/** [bar end, whisker low, whisker high] x positions of every bar of the given kind, in row order. */
function marks(svg: string, kind: 'first' | 'top-three') {
  const re = new RegExp(`<g class="bar-${kind}">.*?<rect x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)".*?d="M([\\d.]+),[\\d.]+v6M[\\d.]+,[\\d.]+H([\\d.]+)M`, 'g');
  return [...svg.matchAll(re)].map((m) => ({ x0: Number(m[1]), end: Number(m[1]) + Number(m[2]), lo: Number(m[3]), hi: Number(m[4]) }));
}

describe('ThemePriorities chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/themePriorities.svg');
  });

  it('draws each Wilson whisker from low to high on the same scale as its bar', () => {
    const svg = render();
    for (const [kind, pick] of [['first', (r: ThemePriorityRow) => r.first], ['top-three', (r: ThemePriorityRow) => r.topThree]] as const) {
      const drawn = marks(svg, kind);
      expect(drawn).toHaveLength(rows.length);
      drawn.forEach((m, i) => {
        const s = pick(rows[i]!);
        const pxPerShare = (m.end - m.x0) / s.share;
        expect(m.lo).toBeLessThanOrEqual(m.end);
        expect(m.hi).toBeGreaterThanOrEqual(m.end);
        expect(m.lo - m.x0).toBeCloseTo(s.low * pxPerShare, 0);
        expect(m.hi - m.x0).toBeCloseTo(s.high * pxPerShare, 0);
      });
    }
  });

  it('labels percentages, bolds the highlighted themes only, and says how many responded', () => {
    const svg = render();
    expect(svg).toContain('>24%</text>');
    expect(svg).toContain('>52%</text>');
    expect(svg).toContain('>&lt;1%</text>');
    expect(svg).toContain('font-weight="bold">Housing issues<');
    expect(svg).toContain('<text x="2" y="11">Youth activities<');
    expect(svg).toContain('aria-label="Survey priorities: share of 212 responses');
    expect(svg).toContain('<title>Housing issues: 50 of 212 responses (24%) ranked it first; 95% interval 18% to 30%</title>');
  });

  it('says "no responses" instead of drawing a bar when there is no share', () => {
    const none = { share: NaN, low: NaN, high: NaN, count: 0 };
    const svg = renderToStaticMarkup(createElement(ThemePriorities, { rows: [{ theme: 'Housing issues', first: none, topThree: none }], responses: 0 }));
    expect(svg.match(/no responses/g)).toHaveLength(2);
    expect(svg).not.toContain('NaN');
    expect(percent(NaN)).toBe('–');
  });
});
