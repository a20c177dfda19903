import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

/** Resident set size (bytes) of every process whose command line mentions `marker` (the browser's profile dir). */
export function rssOf(marker: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(marker)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/**
 * Import a police.uk CSV through the app's own UI (file picker → mapping →
 * Import) and time it from the click to the finished report, when the rows
 * are in DuckDB and queryable. Peak memory is the browser's whole process
 * tree, sampled every 50 ms.
 */
export async function importThroughUi(context: BrowserContext, base: string, csvPath: string, profileDir: string): Promise<{ ms: number; peakBytes: number; summary: string; rowsQueryable: number }> {
  const page = await context.newPage();
  await page.goto(`${base}/?tab=data`);
  await page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored, null, { timeout: 120_000 });
  await page.setInputFiles('[data-testid="file-input"]', csvPath);
  const start = page.locator('[data-testid="import-start"]');
  await start.waitFor({ timeout: 120_000 });
  let peak = rssOf(profileDir);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(profileDir))), 50);
  const t0 = Date.now();
  await start.click();
  await page.locator('[data-testid="import-summary"]').waitFor({ timeout: 300_000 });
  const ms = Date.now() - t0;
  clearInterval(sampler);
  const summary = (await page.locator('[data-testid="import-summary"]').textContent()) ?? '';
  const rowsQueryable = await page.evaluate(() => window.__wardInsight!.countRows!('imported_crimes'));
  await page.close();
  return { ms, peakBytes: peak, summary, rowsQueryable };
}
