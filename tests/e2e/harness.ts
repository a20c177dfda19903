import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

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

/** Open the app once for a test file; `app` and `page` are filled in before the first test. */
export function useAppPage(): { app: App; page: Page } {
  const opened = {} as { app: App; page: Page };
  beforeAll(async () => {
    opened.app = await openApp();
    opened.page = await opened.app.context.newPage();
  });
  afterAll(async () => opened.app?.close());
  return opened;
}
