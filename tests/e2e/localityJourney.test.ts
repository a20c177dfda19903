import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CHROMIUM, CHROMIUM_ARGS, blendedFill, pixelAt, screenshot, useAppPage, waitForPanels } from './harness.ts';
import { labelPoint } from '../../src/geo/labelPoint.ts';

// The journey: a board's locality of four Cheshire West and Chester wards,
// made on the map, kept after a reload, shown as a level, compared, and sent as a link.
const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const lsoas = JSON.parse(readFileSync(resolve(root, 'data/geo/lsoa-five.geojson'), 'utf8')) as FeatureCollection;
const ELLESMERE_PORT = ['E05012227', 'E05012244', 'E05012245', 'E05012246']; // Netherpool, Westminster, Whitby Groves, Whitby Park
const CHESTER = ['E05012209', 'E05012211', 'E05012221', 'E05012228']; // Blacon, Chester City, Lache, Newton & Hoole
const smallAreasOf = (codes: string[]) => lsoas.features.filter((f) => codes.includes(String(f.properties?.ward_code)));

async function screenPoint(page: Page, feature: Feature): Promise<{ x: number; y: number }> {
  const [lon, lat] = labelPoint(feature as Feature<Polygon | MultiPolygon>);
  return page.evaluate(([x, y]) => window.__wardInsight!.project!(x as number, y as number), [lon, lat]);
}

describe('a locality, from the map to a link in a fresh browser', () => {
  const t = useAppPage();
  let comparisonLink = '';
  let comparisonText = '';

  it('makes a locality of four wards by clicking them on the map, and another from the list', async () => {
    const page = t.page;
    await page.goto(`${t.app.url}?place=E06000050&level=ward&tab=localities`);
    await page.locator('[data-testid="localities-panel"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__wardInsight?.timings.mapColoured !== undefined, null, { timeout: 60_000 });
    await page.click('[data-testid="locality-new"]');
    await page.fill('[data-testid="locality-name"]', 'Ellesmere Port');
    await page.click('[data-testid="locality-pick-map"]');
    await page.evaluate(() => window.__wardInsight?.whenIdle?.());
    for (const code of ELLESMERE_PORT) {
      const at = await screenPoint(page, wards.features.find((f) => f.properties?.code === code)!);
      await page.mouse.click(at.x, at.y);
      await page.locator(`[data-testid="locality-chosen-remove-${code}"]`).waitFor({ timeout: 10_000 });
    }
    await screenshot(page, 'journey-01-picking-wards');
    await page.click('[data-testid="locality-save"]');
    await page.click('[data-testid="locality-new"]');
    await page.fill('[data-testid="locality-name"]', 'Chester');
    for (const code of CHESTER) {
      await page.fill('[data-testid="locality-ward-search"]', '');
      await page.check(`[data-testid="locality-ward-${code}"]`);
    }
    await page.click('[data-testid="locality-save"]');
    await expect.poll(() => page.locator('[data-testid="locality-row-name"]').allTextContents()).toEqual(['Ellesmere Port', 'Chester']);
  });

  it('keeps both after a reload, and shows them as a level on the map, in the table and in the profile', async () => {
    const page = t.page;
    await page.goto(`${t.app.url}?place=E06000050&level=ward`);
    await waitForPanels(page);
    await page.check('[data-testid="level-locality"]');
    await expect.poll(() => page.locator('[data-testid="ranked-table"] tbody th').allInnerTexts(), { timeout: 30_000 }).toHaveLength(2);
    const names = await page.locator('[data-testid="ranked-table"] tbody th').allInnerTexts();
    expect(names.map((n) => n.split('\n')[0]).sort()).toEqual(['Chester', 'Ellesmere Port']);
    expect(await page.locator('.legend').textContent()).toMatch(/Localities in Cheshire West and Chester/);
    expect(await page.locator('.legend').textContent()).toMatch(/population-weighted averages of their small areas/);
    // Every small area of the locality carries the locality's colour on screen, and only those are coloured.
    await page.evaluate(() => window.__wardInsight?.whenIdle?.());
    const fills = await page.evaluate(() => window.__wardInsight!.fills());
    const ellesmere = smallAreasOf(ELLESMERE_PORT);
    expect(Object.keys(fills)).toHaveLength(ellesmere.length + smallAreasOf(CHESTER).length);
    const colour = fills[String(ellesmere[0]!.properties?.code)]!;
    expect(new Set(ellesmere.map((f) => fills[String(f.properties?.code)]))).toEqual(new Set([colour]));
    const at = await screenPoint(page, ellesmere[0]!);
    const seen = await pixelAt(page, at.x, at.y);
    blendedFill(colour).forEach((c, i) => expect(Math.abs(seen[i]! - c)).toBeLessThanOrEqual(3));
    await screenshot(page, 'journey-02-locality-level');
    // The key folds away so it never hides the map, and comes back.
    await page.click('[data-testid="key-hide"]');
    expect(await page.locator('.legend').count()).toBe(0);
    await page.click('[data-testid="key-show"]');
    expect(await page.locator('.legend-title').textContent()).toContain('IMD 2025');

    await page.locator('[data-testid="ranked-table"] tbody tr', { hasText: 'Ellesmere Port' }).click();
    const profile = page.locator('[data-testid="area-profile"]');
    await expect.poll(() => profile.locator('h2').textContent(), { timeout: 30_000 }).toBe('Ellesmere Port');
    await expect.poll(() => profile.locator('[data-testid="locality-ward-table"] tbody tr').count(), { timeout: 30_000 }).toBe(4);
    expect(await profile.locator('[data-domain="income"]').count()).toBe(1);
  });

  it('compares the two localities with the authority and England, in words and numbers', async () => {
    const page = t.page;
    await page.click('[data-testid="tab-compare"]');
    const picker = page.locator('[data-testid="compare-add"]');
    const localities = picker.getByRole('list', { name: 'Localities you can add' });
    await localities.getByRole('button', { name: /Ellesmere Port/ }).click();
    await localities.getByRole('button', { name: /Chester/ }).click();
    const table = page.locator('[data-testid="compare-table"]');
    await table.waitFor({ timeout: 60_000 });
    const header = await table.locator('thead').innerText();
    for (const name of ['Ellesmere Port', 'Chester', 'Cheshire West and Chester', 'England']) expect(header).toContain(name);
    const sentences = page.locator('[data-testid="compare-sentences"]');
    await expect.poll(() => sentences.innerText(), { timeout: 30_000 }).toMatch(/(Ellesmere Port|Chester) has (\d+ small areas?|no small areas) in England's most deprived 10 %[^;]*; (Chester|Ellesmere Port) has/);
    comparisonText = (await table.innerText()) + (await sentences.innerText());
    comparisonLink = page.url();
    expect(comparisonLink).toContain('loc=');
    await screenshot(page, 'journey-03-compare');
  });

  it('opens the same comparison from the link in a browser that has never seen the localities', async () => {
    const fresh = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wi-fresh-')), { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
    try {
      const page = await fresh.newPage();
      await page.goto(comparisonLink);
      const table = page.locator('[data-testid="compare-table"]');
      await table.waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await table.innerText()) + (await page.locator('[data-testid="compare-sentences"]').innerText()), { timeout: 60_000 }).toBe(comparisonText);
    } finally {
      await fresh.close();
    }
  });
});
