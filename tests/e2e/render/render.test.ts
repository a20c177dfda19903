/**
 * Expected-image render tests for the map, as maplibre-gl-js runs its own: each folder here
 * is a case (case.ts builds the style from the app's own layer functions and lists the
 * operations; expected.png is the committed image). The system Chromium draws it with the
 * app's MapLibre on a blank page, glyphs and data served from disk on a fake origin; the
 * canvas is compared with pixelmatch. On failure actual.png and diff.png are written next to
 * expected.png. UPDATE_RENDER=1 rewrites expected.png (look at it before committing).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type * as maplibregl from 'maplibre-gl';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../harness.ts';
import { ORIGIN, type Operation, type RenderCase } from './renderCase.ts';

const here = import.meta.dirname;
const root = resolve(here, '..', '..', '..');
/** pixelmatch's per-pixel colour threshold, and the share of pixels allowed to differ (anti-aliasing, text edges; 0 here run to run). */
const THRESHOLD = 0.1;
const ALLOWED = 0.002;
const cases = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'case.ts')))
  .map((d) => d.name)
  .sort();

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}#map{position:absolute;left:0;top:0}</style></head>
<body><div id="map"></div><script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('${ORIGIN}/maplibre/maplibre-gl-worker.mjs');
window.maplibregl = maplibregl;
</script></body></html>`;

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.css': 'text/css', '.pbf': 'application/x-protobuf' };

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wi-render-')), { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 800, height: 800 } });
  // Nothing leaves the machine: everything but the fake origin is refused.
  await context.route('**', (route) => route.abort());
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file =
      path === '/' ? null : path.startsWith('/maplibre/') ? resolve(root, 'node_modules/maplibre-gl/dist', path.slice(10)) : path.startsWith('/glyphs/') ? resolve(root, 'public', path.slice(1)) : undefined;
    if (file === null) return route.fulfill({ contentType: 'text/html', body: PAGE });
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'maplibregl' in window);
});

afterAll(async () => {
  await context?.close();
});

/** Draw a case and return the canvas as PNG bytes. */
async function render(c: RenderCase): Promise<Buffer> {
  // Sent as JSON text: the style holds the boundaries themselves.
  const input = JSON.stringify({ style: c.style, operations: c.operations, width: c.width, height: c.height });
  const dataUrl = await page.evaluate(
    (json: string) =>
      new Promise<string>((done, fail) => {
        const { style, operations, width, height } = JSON.parse(json) as { style: maplibregl.StyleSpecification; operations: Operation[]; width: number; height: number };
        const gl = (window as unknown as { maplibregl: typeof maplibregl }).maplibregl;
        const el = document.getElementById('map')!;
        el.innerHTML = '';
        el.style.width = `${width}px`;
        el.style.height = `${height}px`;
        const map = new gl.Map({ container: el, style, attributionControl: false, interactive: false, pixelRatio: 1, fadeDuration: 0, canvasContextAttributes: { preserveDrawingBuffer: true } });
        map.on('error', (e) => fail(new Error(String(e.error?.message ?? e))));
        map.once('load', () => {
          for (const op of operations) {
            if (op.type === 'fitBounds') map.fitBounds(op.bounds, { padding: op.padding, animate: false });
            else if (op.type === 'jumpTo') map.jumpTo({ center: op.center, zoom: op.zoom });
            else if (op.type === 'setFilter') map.setFilter(op.layer, op.filter);
            else if (op.type === 'setLayoutProperty') map.setLayoutProperty(op.layer, op.name as 'visibility', op.value as 'visible');
            else for (const [id, state] of Object.entries(op.states)) map.setFeatureState({ source: op.source, id }, state);
          }
          map.once('idle', () => {
            const url = map.getCanvas().toDataURL('image/png');
            map.remove();
            done(url);
          });
          map.triggerRepaint();
        });
      }),
    input,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

describe('map render tests (expected images)', () => {
  it('finds its cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const name of cases) {
    it(name, async () => {
      const { build } = (await import(join(here, name, 'case.ts'))) as { build: () => RenderCase };
      const c = build();
      const png = await render(c);
      const dir = join(here, name);
      const expectedPath = join(dir, 'expected.png');
      for (const f of ['actual.png', 'diff.png']) rmSync(join(dir, f), { force: true });
      if (process.env.UPDATE_RENDER === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, png);
        if (process.env.UPDATE_RENDER !== '1') throw new Error(`${name}: no expected.png; wrote one — look at it, then commit it`);
        return;
      }
      const actual = PNG.sync.read(png);
      const expected = PNG.sync.read(readFileSync(expectedPath));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
      const share = differing / (actual.width * actual.height);
      if (share > ALLOWED) {
        writeFileSync(join(dir, 'actual.png'), png);
        writeFileSync(join(dir, 'diff.png'), PNG.sync.write(diff));
      }
      expect(share, `${c.description}: ${differing} pixels differ (see ${name}/diff.png)`).toBeLessThanOrEqual(ALLOWED);
    });
  }
});
