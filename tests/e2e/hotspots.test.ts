import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { screenshot, useAppPage } from './harness.ts';
import { HOTSPOT_CSV_COLUMNS } from '../../src/analysis/hotspots/exportCsv.ts';
import { HOT_COLD_COLOURS, NO_DATA_COLOUR } from '../../src/map/palette.ts';

async function fills(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => window.__wardInsight?.fills() ?? {});
}
const runs = (page: Page) => page.evaluate(() => window.__wardInsight?.hotspotRuns?.length ?? 0);
async function waitForRun(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => (window.__wardInsight?.hotspotRuns?.length ?? 0) > n, after, { timeout: 90_000 });
  await page.locator('[data-testid="hotspot-legend"]').waitFor({ timeout: 30_000 });
}

describe('Hotspots in Chromium, production build', () => {
  const t = useAppPage();

  it('finds safety hot spots for Leicester with a legend, the method under the map and a ranked list', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=lsoa&tab=hotspots&hotspot=safety`);
    await waitForRun(t.page, 0);
    const legend = t.page.locator('[data-testid="hotspot-legend"]');
    await expect(legend.textContent()).resolves.toContain('Safety theme score');
    await expect(legend.textContent()).resolves.toMatch(/Hot spot, 9\d% confidence/);
    const sentence = (await t.page.locator('[data-testid="method-sentence"]').textContent()) ?? '';
    expect(sentence).toContain('Getis–Ord Gi*');
    expect(sentence).toContain('9,999 random permutations');
    expect(sentence).toContain('false discovery rate');
    // Every Leicester small area carries a hot/cold class colour (or grey for no value).
    const colours = await fills(t.page);
    expect(Object.keys(colours)).toHaveLength(200);
    const allowed = new Set<string>([...Object.values(HOT_COLD_COLOURS), NO_DATA_COLOUR]);
    expect(Object.values(colours).every((c) => allowed.has(c))).toBe(true);
    const hot = Object.values(colours).filter((c) => c === HOT_COLD_COLOURS['hot-99'] || c === HOT_COLD_COLOURS['hot-95'] || c === HOT_COLD_COLOURS['hot-90']).length;
    expect(hot).toBeGreaterThan(0);
    const listed = await t.page.locator('[data-testid="hotspot-list"] tbody tr').count();
    expect(listed).toBe(Math.min(50, hot));
    // What drives each hotspot is named.
    await expect(t.page.locator('[data-testid="hotspot-list"] tbody tr').first().locator('td').last().textContent()).resolves.toMatch(/crime risk|police-recorded|residents naming|street reps/);
    await t.page.locator('[data-testid="method-note"] summary').click();
    await expect(t.page.locator('[data-testid="method-note"]').textContent()).resolves.toMatch(/not/i);
    await screenshot(t.page, '10-leicester-safety-hotspots');
  });

  it('shows what drives a hotspot’s score', async () => {
    const first = t.page.locator('[data-testid="hotspot-list"] tbody tr').first();
    const name = (await first.locator('button').textContent()) ?? '';
    await first.locator('button').click();
    const card = t.page.locator('[data-testid="area-breakdown"]');
    await card.waitFor();
    await expect(card.locator('h3').textContent()).resolves.toBe(name);
    await expect(card.textContent()).resolves.toMatch(/Result: Hot spot, 9\d% confidence/);
    const measures = await card.locator('tbody tr td:first-child').allTextContents();
    expect(measures).toContain('crime risk (official index)');
    expect(measures).toContain('police-recorded crime rate');
    // The contributions add up to the score shown in the caption.
    const caption = (await card.locator('caption').textContent()) ?? '';
    const score = Number(/score of (-?[\d.]+)/.exec(caption)![1]);
    const adds = (await card.locator('tbody tr td:last-child').allTextContents()).map(Number);
    expect(Math.abs(adds.reduce((a, b) => a + b, 0) - score)).toBeLessThan(0.02);
    await screenshot(t.page, '10b-hotspot-breakdown');
  });

  it('exports the run as CSV with the expected columns', async () => {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.locator('[data-testid="hotspot-export"]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = csvParse(text.slice(1));
    expect(rows.columns).toEqual([...HOTSPOT_CSV_COLUMNS]);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.permutations === '9999' && r.statistic === 'gi-star')).toBe(true);
    const classes = new Set(rows.map((r) => r.class));
    expect([...classes].every((c) => ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99', ''].includes(c ?? ''))).toBe(true);
    expect(rows[0]!.weights_used).toMatch(/queen contiguity.*theme weights: crime risk \(official index\) 0\.4/);
  });

  it('updates the map when a theme weight changes', async () => {
    const before = await fills(t.page);
    const n = await runs(t.page);
    await t.page.locator('[data-testid="weight-iod_crime"]').fill('0');
    await waitForRun(t.page, n);
    await t.page.waitForFunction((b) => {
      const now = window.__wardInsight!.fills();
      return Object.keys(b).some((k) => now[k] !== b[k]);
    }, before);
    const after = await fills(t.page);
    expect(Object.keys(after).filter((k) => after[k] !== before[k]).length).toBeGreaterThan(0);
    expect((await t.page.locator('[data-testid="hotspot-export"]').count()) > 0).toBe(true);
    // With the IoD crime domain weighted 0 it no longer drives anything.
    await expect(t.page.locator('[data-testid="hotspot-list"]').textContent()).resolves.not.toContain('crime risk (official index)');
  });

  it('shows emerging hot spots in Leicester’s monthly crime, with each class explained', async () => {
    await t.page.locator('[data-testid="emerging-mode"]').click();
    const table = t.page.locator('[data-testid="emerging-table"]');
    await table.waitFor({ timeout: 90_000 });
    await expect(t.page.locator('[data-testid="emerging-months"]').textContent()).resolves.toMatch(/Police data with every area covered: 3\d months in a row, .* Tested over 3\d months/);
    await expect(t.page.locator('[data-testid="emerging-method-sentence"]').textContent()).resolves.toMatch(/Months tested: \w{3} 20\d\d–\w{3} 20\d\d \(3\d months\), every month with data\./);
    await expect(table.textContent()).resolves.toMatch(/This area and its neighbours/);
    await screenshot(t.page, '11-leicester-emerging');
  });

  it('opens the full profile of the chosen area', async () => {
    await t.page.getByRole('button', { name: 'Hotspots now' }).click();
    await t.page.locator('[data-testid="breakdown-profile"]').click({ timeout: 90_000 });
    await t.page.locator('[data-testid="area-profile"] h2').waitFor({ timeout: 60_000 });
    expect(t.page.url()).not.toContain('tab=hotspots');
  });

  it('leaves Wigan’s missing police data out of the safety theme, and says so', async () => {
    await t.page.goto(`${t.app.url}?place=E08000010&level=lsoa&tab=hotspots&hotspot=safety`);
    await waitForRun(t.page, 0); // a new page load starts a new list of runs
    await expect(t.page.locator('[data-testid="hotspot-panel"]').textContent()).resolves.toMatch(/Police-recorded crime rate: no value for any small area in view \(no police data for Wigan\), so it is left out/);
  });
});
