import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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
    const ms = await t.page.evaluate(() =>
      Object.fromEntries(['wait', 'snapshot', 'compose'].map((s) => [s, Math.round(performance.getEntriesByName(`map-image-${s}`).at(-1)!.duration)])),
    );
    console.log(`default view PNG: ${d.png.width}×${d.png.height}, ${d.bytes} bytes, ${Date.now() - started} ms from click to download; stages (ms): ${JSON.stringify(ms)}`);
    expectReadable(d, colours);
    expect(countPixels(d, regions(d).sample, near('#fff2a8'))).toBe(0);
  });

  it('outlines the selected area in the image and names it in the key', async () => {
    await t.page.goto(`${t.app.url}?place=E09000021&level=ward&area=E05013941`);
    await waitForPanels(t.page);
    const d = await exportPng(t.page, 'map-image-selected');
    const r = d.ratio;
    const map = { x0: 16 * r, y0: 60 * r, x1: (16 + d.mapWidth) * r, y1: d.png.height - 90 * r };
    // The pink outline on the map, and its line in the key.
    expect(countPixels(d, map, near('#e8006f'))).toBeGreaterThan(500);
    expect(countPixels(d, regions(d).key, near('#e8006f'))).toBeGreaterThan(50);
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

const run = promisify(execFile);

/** The page printed to an A4 PDF: its text (pdftotext) and its first page as an image at 50 dpi (pdftoppm). */
async function printToPdf(page: Page, name: string): Promise<{ text: string; pages: number; first: PNG }> {
  const dir = mkdtempSync(join(tmpdir(), 'wi-print-'));
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
  const { stdout: info } = await run('pdfinfo', [pdf]);
  await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
  const file = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
  const buffer = readFileSync(join(dir, file));
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `${name}-pdf-page1.png`), buffer);
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), first: PNG.sync.read(buffer) };
}

/** Share of a page's pixels that are not white. */
function inked(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 720) n++;
  return n / (png.width * png.height);
}

/** Print the view as a person would with the toolbar's "Print this view" (the print dialog itself is stubbed). */
async function printView(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.locator('[data-testid="print-view-button"]').click();
  await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, null, { timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
}

async function expectPrinted(page: Page, name: string, keyTitle: string): Promise<string> {
  // On the printed page: the map image and the key, and no live map or controls.
  await expect(page.locator('[data-testid="print-map"] canvas').isVisible()).resolves.toBe(true);
  await expect(page.locator('[data-testid="print-key"]').isVisible()).resolves.toBe(true);
  await expect(page.locator('[data-testid="print-key"] .legend-title').textContent()).resolves.toBe(keyTitle);
  await expect(page.locator('[data-testid="map"]').isVisible()).resolves.toBe(false);
  await expect(page.locator('.tabs').isVisible()).resolves.toBe(false);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = PNG.sync.read(await page.screenshot({ path: join(SCREENSHOTS, `${name}-print.png`), fullPage: true }));
  expect(inked(shot)).toBeGreaterThan(0.02);
  const pdf = await printToPdf(page, name);
  expect(inked(pdf.first)).toBeGreaterThan(0.02);
  expect(pdf.text).toContain(keyTitle);
  expect(pdf.text).toContain('Made with Ward Insight on');
  console.log(`${name}: ${pdf.pages} A4 pages, first page ${(inked(pdf.first) * 100).toFixed(0)} % inked`);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return pdf.text.replace(/\s+/g, ' ');
}

describe('Printing any view on A4, production build', () => {
  const t = useAppPage();

  it('prints the default view: title, map image, key and the ranked table', async () => {
    await t.page.goto(t.app.url);
    await waitForPanels(t.page);
    const title = (await t.page.locator('.map-key .legend-title').textContent())!;
    const caption = (await t.page.locator('[data-testid="ranked-table"] caption').textContent())!;
    const first = /E0\d{7}/.exec((await t.page.locator('[data-testid="ranked-table"] tbody tr th').first().textContent())!)![0];
    await printView(t.page);
    const words = await expectPrinted(t.page, 'print-default', title);
    // The ranked table is printed under the map: its caption and first area.
    expect(words).toContain(caption.replace(/\s+/g, ' ').slice(0, 30));
    expect(words).toContain(first);
  });

  it('prints the hotspot tab with its own key, after Ctrl+P as well as from the button', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=lsoa&tab=hotspots&hotspot=safety`);
    await t.page.locator('[data-testid="hotspot-legend"]').waitFor({ timeout: 90_000 });
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    // Ctrl+P: the browser fires 'beforeprint', then prints at once.
    await t.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await t.page.emulateMedia({ media: 'print' });
    await expectPrinted(t.page, 'print-hotspots-ctrl-p', 'Safety theme score');
    await printView(t.page);
    await expectPrinted(t.page, 'print-hotspots', 'Safety theme score');
  });

  it('saves an image of a view with nothing loaded yet, its key saying so, without waiting out the timeout', async () => {
    await t.page.goto(`${t.app.url}?tab=street-reps`);
    await t.page.locator('[data-testid="street-reps-open-data"]').waitFor({ timeout: 90_000 });
    const started = Date.now();
    const d = await exportPng(t.page, 'map-image-street-reps-empty');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(countPixels(d, regions(d).key, dark)).toBeGreaterThan(1000);
  });

  it('saves an image of the survey view with no survey loaded, its key saying so', async () => {
    await t.page.goto(`${t.app.url}?tab=survey`);
    await t.page.locator('[data-testid="survey-open-data"]').waitFor({ timeout: 90_000 });
    const started = Date.now();
    const d = await exportPng(t.page, 'map-image-survey-empty');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(countPixels(d, regions(d).key, dark)).toBeGreaterThan(1000);
  });

  it('still prints the street-rep blank form on its own', async () => {
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="try-sample"]').click();
    await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="tab-street-reps"]').click();
    await t.page.locator('[data-testid="print-form-button"]').waitFor({ timeout: 60_000 });
    await t.page.evaluate(() => {
      window.print = () => {};
    });
    await t.page.locator('[data-testid="print-form-button"]').click();
    await t.page.emulateMedia({ media: 'print' });
    const pdf = await printToPdf(t.page, 'print-street-rep-form');
    expect(pdf.text).toContain('Street-rep monitoring form');
    expect(pdf.text).toContain('SAMPLE');
    expect(inked(pdf.first)).toBeGreaterThan(0.01);
    // Only the form: not the view's map key or the app's tabs.
    expect(pdf.text).not.toContain('Made with Ward Insight on');
    expect(pdf.text).not.toContain('Street-rep sites');
    await t.page.emulateMedia({ media: 'screen' });
    await t.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });
});
