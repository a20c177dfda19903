import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { blendedFill, screenshot, useAppPage } from './harness.ts';
import { areaLabelsOf } from '../../src/map/labelLayers.ts';
import { firstPaintColours } from '../../src/analysis/firstPaint.ts';

const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const firstPaint = JSON.parse(readFileSync(resolve(root, 'data/first-paint.json'), 'utf8')) as { ward: Record<string, number> };
const NORBITON = 'E05013941';
const TOLWORTH = wards.features.find((f) => f.properties?.name === 'Tolworth')!.properties!.code as string;

const labels = (page: Page, kind: 'areas' | 'places') => page.evaluate((k) => window.__wardInsight?.labels?.(k) ?? [], kind);
const idle = (page: Page) => page.evaluate(() => window.__wardInsight?.whenIdle?.());
const mapShown = (page: Page) => page.waitForFunction(() => window.__wardInsight?.timings.mapColoured !== undefined, null, { timeout: 60_000 });

/** The pixels of a box of the page, as [r, g, b] triples. */
async function pixels(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<[number, number, number][]> {
  const png = PNG.sync.read(await page.screenshot({ clip }));
  const out: [number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]);
  return out;
}

describe('names drawn by the map', () => {
  const t = useAppPage();

  it('draws ward names into the map canvas, and the selected ward always keeps its name', async () => {
    await t.page.goto(`${t.app.url}?place=E09000021&level=ward`);
    await mapShown(t.page);
    await expect.poll(() => labels(t.page, 'areas'), { timeout: 30_000 }).toContain('Tolworth');
    await idle(t.page);
    // No HTML labels any more: the name is pixels in the canvas. Around Tolworth's label point there is
    // near-black text on a white halo, which is neither the ward's fill colour nor anything else on the map.
    const at = areaLabelsOf(wards).find((l) => l.code === TOLWORTH)!.at;
    const p = await t.page.evaluate(([x, y]) => window.__wardInsight!.project!(x as number, y as number), at);
    const box = await pixels(t.page, { x: Math.round(p.x) - 24, y: Math.round(p.y) - 6, width: 48, height: 12 });
    const fill = blendedFill(firstPaintColours({ [TOLWORTH]: firstPaint.ward[TOLWORTH]! }).get(TOLWORTH)!);
    const dark = box.filter(([r, g, b]) => r < 70 && g < 70 && b < 70).length;
    const white = box.filter(([r, g, b]) => r > 235 && g > 235 && b > 235).length;
    expect(dark).toBeGreaterThan(20);
    expect(white).toBeGreaterThan(20);
    expect(Math.max(...fill)).toBeGreaterThan(100); // the ward's own colour is not near-black: the dark pixels are the name
    expect(await t.page.locator('.ward-label, .authority-label').count()).toBe(0);
    await screenshot(t.page, 'labels-01-kingston-wards');

    // Norbiton's name is crowded out at this zoom; selecting the ward places its name first.
    expect(await labels(t.page, 'areas')).not.toContain('Norbiton');
    await t.page.goto(`${t.app.url}?place=E09000021&level=ward&area=${NORBITON}`);
    await mapShown(t.page);
    await expect.poll(() => labels(t.page, 'areas'), { timeout: 30_000 }).toContain('Norbiton');
  });

  it('shows authority names zoomed out, and OS place names only from their zoom', async () => {
    await t.page.goto(t.app.url);
    await mapShown(t.page);
    await expect.poll(() => labels(t.page, 'areas'), { timeout: 30_000 }).toEqual(['Barnsley', 'Cheshire West and Chester', 'Kingston upon Thames', 'Leicester', 'Wigan']);
    // Zoomed out to all five areas, no town or village names crowd the map…
    expect(await labels(t.page, 'places')).toEqual([]);
    // …nor their credit, which shows with the names themselves.
    expect(await t.page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('OS Open Names');
    await t.page.goto(`${t.app.url}?place=E06000050&level=ward`);
    await mapShown(t.page);
    // Cheshire West and Chester as a whole: the city and towns, not yet villages or suburbs.
    await expect.poll(() => labels(t.page, 'places'), { timeout: 30_000 }).toContain('Northwich');
    const towns = await labels(t.page, 'places');
    expect(towns).toContain('Chester');
    expect(towns).not.toContain('Tarvin'); // a village: it shows when zoomed in further
    await t.page.goto(`${t.app.url}?place=E09000021&level=ward`);
    await mapShown(t.page);
    await expect.poll(() => labels(t.page, 'places'), { timeout: 30_000 }).toContain('Teddington');
    await expect.poll(() => t.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Places: OS Open Names © Crown copyright');
    await idle(t.page);
    await screenshot(t.page, 'labels-02-kingston-places');
  });

  it('lays a background map from a tile address the person gives under the areas, kept on this device, and takes it off again', async () => {
    const layer = () => t.page.evaluate(() => window.__wardInsight!.layerVisible!('basemap'));
    expect(await layer()).toBe(false);
    const setting = t.page.getByTestId('basemap-setting');
    await setting.locator('summary').click();
    await expect(setting.textContent()).resolves.toMatch(/that server sees which areas you look at/);
    const address = setting.getByLabel('Tile address');
    await address.fill('ftp://tiles.example.org/{z}/{x}.png');
    await setting.getByRole('button', { name: 'Turn on background map' }).click();
    await expect(setting.getByRole('alert').textContent()).resolves.toBe('The address must contain {y} where the zoom and tile numbers go.');
    await address.fill('ftp://tiles.example.org/{z}/{x}/{y}.png');
    await setting.getByRole('button', { name: 'Turn on background map' }).click();
    await expect(setting.getByRole('alert').textContent()).resolves.toMatch(/must start with https:\/\//);
    expect(await layer()).toBe(false);
    // Tiles from the app's own origin here (the test must not reach out; none exist, so none draw).
    await address.fill(`${t.app.url}tiles/{z}/{x}/{y}.png`);
    await setting.getByLabel('Credit line shown on the map').fill('Test tiles');
    await setting.getByRole('button', { name: 'Turn on background map' }).click();
    await t.page.waitForFunction(() => window.__wardInsight!.layerVisible!('basemap'));
    await expect.poll(() => t.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Test tiles');
    await expect.poll(() => t.app.requests.some((u) => u.startsWith(`${t.app.url}tiles/`))).toBe(true);
    // A device setting: still on after a reload, and not in the link.
    expect(t.page.url()).not.toContain('tiles');
    await t.page.reload();
    await mapShown(t.page);
    await t.page.waitForFunction(() => window.__wardInsight!.layerVisible!('basemap'));
    await t.page.getByTestId('basemap-setting').locator('summary').click();
    await t.page.getByTestId('basemap-setting').getByRole('button', { name: 'Turn off' }).click();
    await t.page.waitForFunction(() => !window.__wardInsight!.layerVisible!('basemap'));
    await t.page.reload();
    await mapShown(t.page);
    await idle(t.page);
    expect(await layer()).toBe(false);
  });
});
