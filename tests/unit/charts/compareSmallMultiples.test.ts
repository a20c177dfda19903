import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CompareSmallMultiples, barColours, nameLines } from '../../../src/charts/CompareSmallMultiples.tsx';

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

  it('draws bars from a zero line: a negative score to the left of it, a positive one to the right, and says so', () => {
    const html = render();
    expect(html).toContain('further right = more deprived');
    expect(html).not.toContain('longer bars');
    const crime = html.split('<figure').slice(1)[1]!;
    const zero = Number(/<line class="compare-zero" x1="([\d.]+)"/.exec(crime)![1]);
    const bar = (code: string) => {
      const m = new RegExp(`<g data-area="${code}">(?:(?!</g>).)*?<rect class="compare-bar" x="([\\d.]+)"[^>]* width="([\\d.]+)"`).exec(crime)!;
      return { left: Number(m[1]), right: Number(m[1]) + Number(m[2]) };
    };
    // Blacon 0.9 runs right from zero; Lache −0.4 runs left and ends at zero.
    expect(bar('E05012209').left).toBeCloseTo(zero, 0);
    expect(bar('E05012209').right).toBeGreaterThan(zero + 50);
    expect(bar('E05012221').right).toBeCloseTo(zero, 0);
    expect(bar('E05012221').left).toBeLessThan(zero - 20);
  });

  it('wraps long names between words, never inside one unless a single word is too long, and keeps the full name in a title', () => {
    expect(nameLines('Lache')).toEqual(['Lache']);
    expect(nameLines('Cheshire West and Chester')).toEqual(['Cheshire West and', 'Chester']);
    expect(nameLines('Ellesmere Port Area Town Centre and Docks')).toEqual(['Ellesmere Port', 'Area Town Centre…']);
    expect(nameLines('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilis…']);
    expect(render()).toContain('<title>Cheshire West and Chester: no data</title>');
  });

  it('colours the chosen areas with Okabe–Ito and the references grey', () => {
    expect(barColours(areas)).toEqual(['#0072b2', '#e69f00', '#6e6e6e', '#b0b0b0']);
  });

  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/compareSmallMultiples.svg');
  });
});
