import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DomainComparison } from '../../../src/charts/DomainComparison.tsx';

describe('DomainComparison chart', () => {
  it('matches its golden SVG', async () => {
    const svg = renderToStaticMarkup(
      createElement(DomainComparison, {
        areaName: 'Norbiton',
        authorityName: 'Kingston',
        rows: [
          { label: 'Overall deprivation', area: 30.1234, authority: 11.1, england: 21.7, min: 0.5, max: 90.2, higherIsWorse: true },
          { label: 'Crime', area: -0.2, authority: -0.5, england: 0, min: -3, max: 3.5, higherIsWorse: true },
          { label: 'No data here', area: null, authority: 1, england: 2, min: 0, max: 4, higherIsWorse: true },
        ],
      }),
    );
    await expect(svg.replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/domainComparison.svg');
  });
});
