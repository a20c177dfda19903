/**
 * Evidence leaving the screen, timed as a person meets it: from the click to
 * the saved file. Each run opens the view in a new browser profile and waits
 * until its panels are live, so only the export itself is timed.
 */
import { statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface ExportTimings {
  mapImage: { ms: number; bytes: number }[];
  evidencePack: { ms: number; bytes: number }[];
  englandXlsx: { ms: number; bytes: number }[];
}

async function clickToFile(page: Page, selector: string, timeout: number): Promise<{ ms: number; bytes: number }> {
  const button = page.locator(selector);
  await button.waitFor({ timeout: 120_000 });
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), button.click()]);
  const path = await download.path();
  return { ms: Date.now() - t0, bytes: statSync(path).size };
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__wardInsight?.timings.panelsLive, null, { timeout: 120_000 });
}

export async function benchExports(base: string, runs: number, fresh: () => Promise<BrowserContext>): Promise<ExportTimings> {
  const out: ExportTimings = { mapImage: [], evidencePack: [], englandXlsx: [] };
  for (let i = 0; i < runs; i++) {
    const context = await fresh();
    const page = await context.newPage();
    // Norbiton ward in Kingston: the view the issue names for the evidence pack.
    await page.goto(`${base}/?place=E09000021&level=ward&area=E05013941`);
    await ready(page);
    await page.waitForFunction(() => window.__wardInsight?.recolours.length, null, { timeout: 120_000 });
    out.mapImage.push(await clickToFile(page, '[data-testid="map-image-button"]', 60_000));
    out.evidencePack.push(await clickToFile(page, '[data-testid="evidence-pack-button"]', 300_000));
    await context.close();
  }
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const context = await fresh();
    const page = await context.newPage();
    await page.goto(`${base}/?place=england&level=lsoa`);
    await page.waitForFunction(() => window.__wardInsight?.recolours.some((r) => r.key.startsWith('england|')), null, { timeout: 120_000 });
    await page.getByRole('button', { name: /^Show 100 more of 33,755$/ }).waitFor({ timeout: 120_000 });
    const xlsx = page.getByRole('button', { name: 'Download the ranked table as Excel (.xlsx)' });
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), xlsx.click()]);
    out.englandXlsx.push({ ms: Date.now() - t0, bytes: statSync(await download.path()).size });
    await context.close();
  }
  return out;
}
