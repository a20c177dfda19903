import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CompareSmallMultiples, barColours } from '../../../src/charts/CompareSmallMultiples.tsx';

const areas = [
  { code: 'E05012209', name: 'Blacon', reference: false },
  { code: 'E05012221', name: 'Lache', reference: false },
  { code: 'E06000050', name: 'Cheshire West and Chester', reference: true },
  { code: 'E92000001', name: 'England', reference: true },
];
const panels = [
  { id: 'income', label: 'Income', values: [0.2512, 0.18, 0.11, 0.13] },
  { id: 'crime', label: 'Crime', values: [0.9, -0.4, null, 0] },
];

const render = () => renderToStaticMarkup(createElement(CompareSmallMultiples, { areas, panels, measure: 'Population-weighted IoD 2025 score' }));

describe('CompareSmallMultiples', () => {
  it('draws one chart per domain with one bar per area that has a value, in the same order, each labelled', () => {
    // No DOM in the unit tests: read the markup's structure with patterns.
    const figures = render().split('<figure').slice(1);
    const all = (f: string, re: RegExp) => [...f.matchAll(re)].map((m) => m[1]);
    expect(figures.map((f) => /data-domain="([^"]+)"/.exec(f)?.[1])).toEqual(['income', 'crime']);
    for (const f of figures) expect(all(f, /<g data-area="([^"]+)"/g)).toEqual(areas.map((a) => a.code));
    expect(all(figures[0]!, /<rect class="compare-bar"( )/g)).toHaveLength(4);
    // No value, no bar: the authority's crime reads "no data".
    expect(all(figures[1]!, /<rect class="compare-bar"( )/g)).toHaveLength(3);
    expect(all(figures[1]!, /class="compare-bar-value">([^<]*)</g)).toEqual(['0.9', '-0.4', 'no data', '0']);
    expect(all(figures[0]!, /class="compare-bar-value">([^<]*)</g)).toEqual(['0.251', '0.18', '0.11', '0.13']);
    // A longer bar for a higher value within a panel.
    const widths = all(figures[0]!, /<rect class="compare-bar"[^>]* width="([\d.]+)"/g).map(Number);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths).toHaveLength(4);
  });

  it('colours the chosen areas with Okabe–Ito and the references grey', () => {
    expect(barColours(areas)).toEqual(['#0072b2', '#e69f00', '#6e6e6e', '#b0b0b0']);
  });

  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/compareSmallMultiples.svg');
  });
});
