import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useAppPage, waitForPanels } from './harness.ts';
import { HOT_COLD_COLOURS } from '../../src/map/palette.ts';

interface Decoded {
  png: PNG;
  bytes: number;
  /** Image pixels per CSS pixel of the page's map. */
  ratio: number;
  mapWidth: number;
  mapHeight: number;
}

/** Click "Save map as image (PNG)", keep a copy in screenshots/ and decode it. */
async function exportPng(page: Page, name: string): Promise<Decoded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="map-image-button"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^ward-insight-map-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/);
  const path = await download.path();
  const buffer = readFileSync(path);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `${name}.png`), buffer);
  const png = PNG.sync.read(buffer);
  const map = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
    return { width: c.clientWidth, height: c.clientHeight };
  });
  // The layout's width: 16 + map + 16 + key 320 + 16 CSS pixels (src/export/mapImage/layout.ts).
  return { png, bytes: buffer.length, ratio: png.width / (map.width + 368), mapWidth: map.width, mapHeight: map.height };
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Pixels in a box (image pixels) matching a test. */
function countPixels({ png }: Decoded, box: Box, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(png.height, box.y1); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(png.width, box.x1); x++) {
      const i = (y * png.width + x) * 4;
      if (test(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) n++;
    }
  }
  return n;
}
const dark = (r: number, g: number, b: number) => r + g + b < 200;
const near = (hex: string) => {
  const [R, G, B] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return (r: number, g: number, b: number) => Math.abs(r - R) <= 3 && Math.abs(g - G) <= 3 && Math.abs(b - B) <= 3;
};

/** The regions of the image, from the layout's fixed sizes (CSS pixels × ratio). */
function regions(d: Decoded) {
  const r = d.ratio;
  const h = d.png.height;
  return {
    title: { x0: 16 * r, y0: 14 * r, x1: d.png.width * 0.6, y1: 44 * r },
    key: { x0: (d.mapWidth + 32) * r, y0: 50 * r, x1: (d.mapWidth + 352) * r, y1: h - 80 * r },
    footer: { x0: 16 * r, y0: h - 60 * r, x1: d.png.width - 16 * r, y1: h - 16 * r },
    sample: { x0: d.png.width * 0.6, y0: 14 * r, x1: d.png.width - 16 * r, y1: 46 * r },
  };
}

/** The key's swatch colours as the page's key shows them. */
async function keyColours(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} .legend-classes .swatch`).evaluateAll((els) =>
    els.map((e) => {
      const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g)!.map(Number);
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    }),
  );
}

function expectReadable(d: Decoded, colours: readonly string[]): void {
  const at = regions(d);
  // Print resolution: at least twice the map's size on screen.
  expect(d.ratio).toBeGreaterThanOrEqual(1.99);
  expect(d.png.width).toBeGreaterThanOrEqual(2 * d.mapWidth);
  expect(d.png.height).toBeGreaterThanOrEqual(2 * d.mapHeight);
  expect(countPixels(d, at.title, dark)).toBeGreaterThan(300);
  expect(countPixels(d, at.key, dark)).toBeGreaterThan(1000);
  expect(countPixels(d, at.footer, dark)).toBeGreaterThan(500);
  for (const c of colours) expect(countPixels(d, at.key, near(c)), `key swatch ${c}`).toBeGreaterThan(100);
}

describe('Map image and print in Chromium, production build', () => {
  const t = useAppPage();

  it('saves the default view as a PNG at print resolution with title, key, scale and sources', async () => {
    await t.page.goto(t.app.url);
    await waitForPanels(t.page);
    const colours = await keyColours(t.page, '.map-key');
    expect(colours.length).toBeGreaterThanOrEqual(5);
    const started = Date.now();
    const d = await exportPng(t.page, 'map-image-default');
    console.log(`default view PNG: ${d.png.width}×${d.png.height}, ${d.bytes} bytes, ${Date.now() - started} ms from click to download`);
    expectReadable(d, colours);
    expect(countPixels(d, regions(d).sample, near('#fff2a8'))).toBe(0);
  });

  it('waits for the new view: the hotspot tab’s image, asked for straight after switching tab, has the hotspot key', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=lsoa`);
    await waitForPanels(t.page);
    await t.page.locator('[data-testid="tab-hotspots"]').click();
    // At once, before the run is done: the image must be of the hotspot view, not the view before.
    const d = await exportPng(t.page, 'map-image-hotspots');
    console.log(`hotspot view PNG: ${d.png.width}×${d.png.height}, ${d.bytes} bytes`);
    const colours = await keyColours(t.page, '[data-testid="hotspot-legend"]');
    expect(colours).toContain(HOT_COLD_COLOURS['hot-99']);
    expectReadable(d, colours);
    // The areas tab's deciles are not in this key.
    expect(countPixels(d, regions(d).key, near('#440154'))).toBe(0);
  });

  it('labels the image SAMPLE when the synthetic sample is on the map', async () => {
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="try-sample"]').click();
    await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="tab-survey"]').click();
    const d = await exportPng(t.page, 'map-image-survey-sample');
    const at = regions(d);
    // The yellow SAMPLE label in the header, and in the key.
    expect(countPixels(d, at.sample, near('#fff2a8'))).toBeGreaterThan(2000);
    expect(countPixels(d, at.key, near('#fff2a8'))).toBeGreaterThan(2000);
    expectReadable(d, ['#5e3c99']);
  });
});
