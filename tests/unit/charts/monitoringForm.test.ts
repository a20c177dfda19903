import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MonitoringForm } from '../../../src/features/streetReps/MonitoringForm.tsx';
import { SAMPLE_LABEL, STREET_REP_ISSUES } from '../../../src/ingest/schemas.ts';

const sites = [
  { site_id: 'LAC-01', name: 'Lache Park Avenue shops' },
  { site_id: 'LAC-02', name: 'Hawthorn Road play area' },
];
const render = (synthetic: boolean, s = sites) => renderToStaticMarkup(createElement(MonitoringForm, { wardName: 'Lache', sites: s, synthetic }));

describe('MonitoringForm', () => {
  it('matches its golden HTML', async () => {
    await expect(render(true).replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/monitoringForm.html');
  });

  it('prints one page per site, each labelled as sample data, with a break between pages only', () => {
    const html = render(true);
    expect(html.startsWith('<div class="printable monitoring-form" data-testid="monitoring-form">')).toBe(true);
    const pages = html.split('<section').slice(1);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('break-after:page');
    expect(pages[1]).not.toContain('break-after:page');
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(SAMPLE_LABEL);
      expect(page).toContain(`>${sites[i]!.name}<`);
      expect(page).toContain(`>${sites[i]!.site_id}<`);
      expect(page).toContain('>Lache<');
      // Four tick boxes for every issue on the form.
      expect(page.match(/aria-label="Tick for grade [A-D]: /g)).toHaveLength(STREET_REP_ISSUES.length * 4);
      for (const heading of ['Peace &amp; quiet', 'Green &amp; clean', 'Safe &amp; secure']) expect(page).toContain(`>${heading}</caption>`);
      expect(page).toContain('<strong>D</strong> — A really big issue, unacceptable');
      expect(page).toContain('>Person monitoring<');
    }
  });

  it('leaves out the sample label for real data and gives a blank page when there are no sites', () => {
    expect(render(false)).not.toContain(SAMPLE_LABEL);
    const blank = render(false, []);
    expect(blank.split('<section').length - 1).toBe(1);
    expect(blank).toContain('aria-label="Blank monitoring form"');
  });
});
