import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { inflateSync } from 'node:zlib';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

/** Flags for the system Chromium on a closed network (see STACK-NOTES.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export interface App {
  url: string;
  context: BrowserContext;
  /** Every URL the page asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serve the production build (dist/) and open the system Chromium on it. */
export async function openApp(): Promise<App> {
  const server: PreviewServer = await preview({
    root: resolve(import.meta.dirname, '..', '..'),
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wi-chromium-')), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return {
    url,
    context,
    requests,
    async close() {
      await context.close();
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    },
  };
}

/** Wait until the map shows database colours and the panels are live. */
export async function waitForPanels(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__wardInsight?.timings.panelsLive !== undefined, null, { timeout: 60_000 });
  await page.locator('[data-testid="ranked-table"] tbody tr').first().waitFor({ timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Requests that went anywhere but the app's own origin. */
export function outsideRequests(app: App): string[] {
  return app.requests.filter((u) => !u.startsWith(app.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/**
 * Open the app once for a test file; `app` and `page` are filled in before the
 * first test. After the last test it checks that, across everything the file
 * did, no request left the machine.
 */
export function useAppPage(): { app: App; page: Page } {
  const opened = {} as { app: App; page: Page };
  beforeAll(async () => {
    opened.app = await openApp();
    opened.page = await opened.app.context.newPage();
  });
  afterAll(async () => {
    if (!opened.app) return;
    const outside = outsideRequests(opened.app);
    await opened.app.close();
    expect(outside).toEqual([]);
  });
  return opened;
}

/**
 * The colour a person sees at one point of the page, read from a 1×1
 * screenshot. A one-pixel PNG row is its raw bytes whatever the filter type,
 * so inflating the image data is all the decoding needed.
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  return [raw[1] as number, raw[2] as number, raw[3] as number];
}

/** The colour the map should show for a fill: MapLibre draws fills at 92 % opacity over the background. */
export function blendedFill(hex: string, background = '#eef2f5', opacity = 0.92): [number, number, number] {
  const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [f, b] = [rgb(hex), rgb(background)];
  return [0, 1, 2].map((i) => Math.round(opacity * f[i]! + (1 - opacity) * b[i]!)) as [number, number, number];
}
