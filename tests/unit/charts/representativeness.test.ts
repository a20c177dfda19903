import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Representativeness, type RepresentativenessRow } from '../../../src/charts/Representativeness.tsx';

// Age of 180 respondents against Census 2021 residents aged 15+ (shares as src/analysis/representativeness.ts gives them).
const rows: RepresentativenessRow[] = [
  { group: '16-24', residentShare: 0.158, respondentShare: 0.044, flag: 'under-represented' },
  { group: '25-34', residentShare: 0.192, respondentShare: 0.2, flag: null },
  { group: '35-44', residentShare: 0.171, respondentShare: 0.233, flag: null },
  { group: '45-54', residentShare: 0.152, respondentShare: 0.172, flag: null },
  { group: '55-64', residentShare: 0.135, respondentShare: 0.139, flag: null },
  { group: '65-74', residentShare: 0.105, respondentShare: 0.122, flag: null },
  { group: '75+', residentShare: 0.087, respondentShare: 0.09, flag: null },
];

const render = (r: readonly RepresentativenessRow[] = rows) =>
  renderToStaticMarkup(createElement(Representativeness, { rows: r, title: 'Age of respondents and residents' }));

describe('Representativeness chart', () => {
  it('matches its golden SVG', async () => {
    await expect(render().replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/representativeness.svg');
  });

  it('marks the under-represented group in words and with a hatched, outlined bar', () => {
    const svg = render();
    const groups = svg.split('<g transform="translate(0,').slice(1);
    const under = groups.find((g) => g.includes('>16-24<'))!;
    expect(under).toContain('class="under-represented"');
    expect(under).toContain('▼ under-represented');
    expect(under).toMatch(/fill="url\(#hatch-age-of-respondents-and-residents\)" stroke="#0072b2"/);
    expect(svg.match(/▼ under-represented/g)).toHaveLength(1);
    // Every other response bar is solid.
    expect(svg.match(/<rect[^>]*fill="url\(#hatch/g)).toHaveLength(2); // the flagged bar and its key swatch
  });

  it('draws both bars of a group on one scale, with their percentages', () => {
    const svg = render();
    const widths = [...svg.matchAll(/<g class="bar-(residents|responses)">.*?width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(rows.length * 2);
    // 16-24: 15.8 % of residents vs 4.4 % of responses.
    expect(widths[0]! / widths[1]!).toBeCloseTo(0.158 / 0.044, 1);
    expect(svg).toContain('>16%</text>');
    expect(svg).toContain('>4%</text>');
  });

  it('writes "no answers" and the over-represented marker when asked', () => {
    const svg = render([
      { group: 'Asian', residentShare: 0.12, respondentShare: 0.3, flag: 'over-represented' },
      { group: 'Other', residentShare: 0.02, respondentShare: NaN, flag: null },
    ]);
    expect(svg).toContain('▲ over-represented');
    expect(svg).toContain('no answers');
    expect(svg).not.toContain('NaN');
  });
});
