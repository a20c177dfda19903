import { describe, expect, it } from 'vitest';
import { screenshot, useAppPage } from './harness.ts';

describe('Police data in Chromium, production build', () => {
  const t = useAppPage();

  it('shows Leicester’s crime rates by ward, the monthly trend and each crime as a dot', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=ward&tab=crime`);
    const summary = t.page.locator('[data-testid="crime-summary"]');
    await expect.poll(() => summary.textContent(), { timeout: 90_000 }).toMatch(/crimes .*over the 12 latest months with data: Nov 2021–Oct 2022\./);
    const rows = t.page.locator('[data-testid="crime-table"] tbody tr');
    expect(await rows.count()).toBe(21); // Leicester's 21 wards, highest rate first
    const rates = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[2]!.textContent!.replace(/,/g, ''))));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    await expect(t.page.locator('[data-testid="crime-legend"]').textContent()).resolves.toContain('Crimes per 1,000 residents');
    const fills = await t.page.evaluate(() => window.__wardInsight!.fills());
    expect(Object.keys(fills)).toHaveLength(21);
    await t.page.locator('[data-testid="crime-dots"]').check();
    await t.page.waitForFunction(() => window.__wardInsight!.layerVisible!('evidence-points'), null, { timeout: 30_000 });
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    await screenshot(t.page, '15-leicester-crime-wards');
  });

  it('says plainly that Wigan has no street-level police data', async () => {
    await t.page.goto(`${t.app.url}?place=E08000010&level=lsoa&tab=crime`);
    await expect.poll(() => t.page.locator('[data-testid="crime-none"]').textContent(), { timeout: 90_000 }).toMatch(/No street-level police data is available for Wigan/);
  });
});
