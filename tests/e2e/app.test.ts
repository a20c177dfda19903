import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { blendedFill, outsideRequests, pixelAt, screenshot, useAppPage, waitForPanels } from './harness.ts';
import { labelPoint } from '../../src/geo/labelPoint.ts';

const root = resolve(import.meta.dirname, '..', '..');
// Official IoD 2025 ranks copied verbatim from the MHCLG file (scripts/fixtures/leicester-iod2025-sample.ts).
const official = csvParse(readFileSync(resolve(root, 'tests/fixtures/leicester-iod2025-sample.csv'), 'utf8'));
const lsoas = JSON.parse(readFileSync(resolve(root, 'data/geo/lsoa-five.geojson'), 'utf8')) as FeatureCollection;

function insidePoint(code: string): [number, number] {
  const f = lsoas.features.find((x) => x.properties?.code === code);
  if (!f) throw new Error(`no boundary for ${code}`);
  const [lon, lat] = labelPoint(f as Feature<Polygon | MultiPolygon>);
  return [lon as number, lat as number];
}

async function fills(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => window.__wardInsight?.fills() ?? {});
}

async function waitForRecolour(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window.__wardInsight?.recolours.length ?? 0) >= n, count, { timeout: 60_000 });
}

describe('Ward Insight in Chromium, production build', () => {
  const t = useAppPage();

  it('loads the built-in data from the app itself', async () => {
    await t.page.goto(t.app.url);
    await waitForPanels(t.page);
    await expect(t.page.locator('.legend-title').textContent()).resolves.toContain('IMD 2025');
    const rows = await t.page.locator('[data-testid="ranked-table"] tbody tr').count();
    expect(rows).toBe(100); // first t.page of 869 small areas
    expect(outsideRequests(t.app)).toEqual([]); // checked again after the last test
    // The 30 MB of built-in police records load only when a section that counts them is opened.
    expect(t.app.requests.some((u) => u.endsWith('/data/tables/crimes.arrows'))).toBe(false);
    await screenshot(t.page, '01-five-areas-imd');
  });

  it('shows Leicester as a small-area map of IMD 2025 and opens an official profile on click', async () => {
    const before = (await t.page.evaluate(() => window.__wardInsight?.recolours.length)) ?? 0;
    await t.page.selectOption('[data-testid="place-select"]', 'E06000016');
    await waitForRecolour(t.page, before + 1);
    expect(t.page.url()).toContain('place=E06000016');
    expect(await t.page.locator('.legend-subtitle').textContent()).toContain('Small areas (LSOAs) in Leicester');
    const leicesterFills = await fills(t.page);
    expect(Object.keys(leicesterFills)).toHaveLength(200);
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());

    for (const row of official.slice(0, 2)) {
      const [lon, lat] = insidePoint(row.lsoa21_code as string);
      const at = await t.page.evaluate(([x, y]) => window.__wardInsight!.project!(x as number, y as number), [lon, lat]);
      await t.page.mouse.move(at.x, at.y);
      await expect(t.page.locator('[data-testid="hover-card"] strong').textContent()).resolves.toBe(row.lsoa21_name);
      await t.page.mouse.click(at.x, at.y);
      const profile = t.page.locator('[data-testid="area-profile"]');
      // The previous area stays on screen (marked busy) until the new one has loaded.
      await expect.poll(() => profile.locator('h2').textContent(), { timeout: 30_000 }).toBe(row.lsoa21_name);
      const imd = profile.locator('[data-domain="imd"] td');
      await expect.poll(() => imd.nth(1).textContent()).toBe(Number(row.IMD_rank).toLocaleString('en-GB'));
      expect(await imd.nth(2).textContent()).toBe(row.IMD_decile);
      const crime = profile.locator('[data-domain="crime"] td');
      expect(await crime.nth(1).textContent()).toBe(Number(row.Crime_rank).toLocaleString('en-GB'));
      expect(await crime.nth(2).textContent()).toBe(row.Crime_decile);
      await expect(profile.textContent()).resolves.toContain(`${row.ward24_name} ward`);
      expect(t.page.url()).toContain(`area=${row.lsoa21_code}`);
    }
    await screenshot(t.page, '02-leicester-profile');
  });

  it('recolours the map when the measure changes, as drawn on screen', async () => {
    // Read what is drawn: no pointer or hover card over the sample points, and no name the map draws there.
    await t.page.mouse.move(5, 5);
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    const sampled = await Promise.all(
      official.map(async (row) => {
        const [lon, lat] = insidePoint(row.lsoa21_code as string);
        const at = await t.page.evaluate(([x, y]) => window.__wardInsight!.project!(x as number, y as number), [lon, lat]);
        const labelled = await t.page.evaluate(({ x, y }) => window.__wardInsight!.labelsAt!(x, y, 3), at);
        return { code: row.lsoa21_code as string, at, labelled };
      }),
    );
    const points = sampled.filter((p) => p.labelled.length === 0);
    expect(points.length).toBeGreaterThanOrEqual(2);
    const drawn = async () => {
      await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
      return Promise.all(points.map((p) => pixelAt(t.page, p.at.x, p.at.y)));
    };
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] as number)) <= 10);

    const before = await fills(t.page);
    const pixelsBefore = await drawn();
    points.forEach((p, i) => expect(near(pixelsBefore[i]!, blendedFill(before[p.code]!))).toBe(true));

    const n = (await t.page.evaluate(() => window.__wardInsight?.recolours.length)) ?? 0;
    await t.page.selectOption('[data-testid="indicator-select"]', 'iod25_crime');
    await waitForRecolour(t.page, n + 1);
    const after = await fills(t.page);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]).length;
    expect(changed).toBeGreaterThan(50);
    const pixelsAfter = await drawn();
    points.forEach((p, i) => expect(near(pixelsAfter[i]!, blendedFill(after[p.code]!))).toBe(true));
    // The fixture's areas differ in crime decile from their IMD decile, so the screen changed.
    expect(points.some((_, i) => !near(pixelsAfter[i]!, pixelsBefore[i]!))).toBe(true);
    expect(await t.page.locator('.legend-title').textContent()).toMatch(/crime/i);
    await screenshot(t.page, '03-leicester-crime');
  });

  it('reopens the same view from a copied link', async () => {
    const link = t.page.url();
    const expected = await fills(t.page);
    const profileTitle = await t.page.locator('[data-testid="area-profile"] h2').textContent();
    const second = await t.app.context.newPage();
    await second.goto(link);
    await waitForPanels(second);
    await second.locator('[data-testid="area-profile"] h2').waitFor();
    expect(await second.locator('[data-testid="area-profile"] h2').textContent()).toBe(profileTitle);
    expect(await second.locator('[data-testid="place-select"]').inputValue()).toBe('E06000016');
    expect(await second.locator('[data-testid="indicator-select"]').inputValue()).toBe('iod25_crime');
    expect(await fills(second)).toEqual(expected);
    await screenshot(second, '04-reopened-link');
    await second.close();
  });

  it('shows wards with population-weighted values and says so', async () => {
    const n = (await t.page.evaluate(() => window.__wardInsight?.recolours.length)) ?? 0;
    await t.page.getByLabel('Wards').check();
    await waitForRecolour(t.page, n + 1);
    expect(Object.keys(await fills(t.page))).toHaveLength(21);
    await expect(t.page.locator('.legend').textContent()).resolves.toContain('population-weighted');
    await t.page.locator('[data-testid="ranked-table"] tbody tr').first().press('Enter');
    await expect(t.page.locator('[data-testid="area-profile"] .sentences').textContent({ timeout: 30_000 })).resolves.toMatch(
      /of .+'s? \d+ small areas (?:is|are) among the 20% most deprived in England/,
    );
    await screenshot(t.page, '05-leicester-wards');

    // The official ward outlines can be laid over the best-fit wards, and taken off again.
    await t.page.getByLabel('Official ward boundaries').check();
    await t.page.waitForFunction(() => window.__wardInsight!.layerVisible!('ward-official-line'));
    expect(t.app.requests.some((u) => u.endsWith('/data/geo/ward-official-five.geojson'))).toBe(true);
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    await screenshot(t.page, '05b-official-ward-outlines');
    await t.page.getByLabel('Official ward boundaries').uncheck();
    await t.page.waitForFunction(() => !window.__wardInsight!.layerVisible!('ward-official-line'));
  });

  it('opens a link naming an unknown measure on the default one, the same in the measure box, the key and the table', async () => {
    await t.page.goto(`${t.app.url}?place=E08000010&level=lsoa&indicator=no_such_measure&method=deciles`);
    await waitForPanels(t.page);
    await expect.poll(() => t.page.locator('[data-testid="indicator-select"]').inputValue()).toBe('iod25_imd');
    expect(await t.page.locator('.legend-title').textContent()).toContain('IMD 2025');
    expect(await t.page.locator('[data-testid="ranked-table"] caption').textContent()).toContain('IMD 2025');
    expect(new URL(t.page.url()).searchParams.get('indicator')).toBe('iod25_imd');
    // A search with no match says so, naming what was typed.
    await t.page.getByLabel('Find an area').fill('Ellesmere');
    await expect(t.page.locator('[data-testid="ranked-empty"]').textContent()).resolves.toBe("No area matches 'Ellesmere'");
  });
});
