import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ChartValues, type ChartValuesProps } from '../../../src/charts/ChartValues.tsx';

const props: ChartValuesProps = {
  columns: [{ label: 'Month' }, { label: 'Crimes', numeric: true }, { label: 'Note' }],
  rows: [
    ['Jan 2024', 1295, 'first'],
    ['Feb 2024', 87, ''],
  ],
};
const render = (p: ChartValuesProps = props) => renderToStaticMarkup(createElement(ChartValues, p));
const cells = (html: string, tag: 'th' | 'td') => [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('ChartValues', () => {
  it('folds a data table under "The numbers in this chart" by default, with no caption', () => {
    const html = render();
    expect(html.startsWith('<details class="chart-values"><summary>The numbers in this chart</summary>')).toBe(true);
    expect(html).toContain('<table class="data-table">');
    expect(html).not.toContain('<caption>');
  });

  it('writes headings as column headers, first cells as row headers and numbers with separators', () => {
    const html = render();
    expect(html).toContain('<th scope="col">Month</th><th scope="col" class="num">Crimes</th><th scope="col">Note</th>');
    expect(cells(html, 'th')).toEqual(['Month', 'Crimes', 'Note', 'Jan 2024', 'Feb 2024']);
    expect(cells(html, 'td')).toEqual(['1,295', 'first', '87', '']);
    expect(html).toContain('<td class="num">1,295</td>');
    expect(html.match(/scope="row"/g)).toHaveLength(2);
  });

  it('takes its own summary and an optional caption', () => {
    const html = render({ ...props, summary: 'Show the grades as a table', caption: 'Grades by visit' });
    expect(html).toContain('<summary>Show the grades as a table</summary>');
    expect(html).toContain('<caption>Grades by visit</caption>');
  });

  it('still shows its headings when there are no rows', () => {
    const html = render({ ...props, rows: [] });
    expect(cells(html, 'th')).toEqual(['Month', 'Crimes', 'Note']);
    expect(html).toContain('<tbody></tbody>');
  });
});
