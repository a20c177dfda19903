import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { continueToImport } from '../../e2e/importFlow.ts';

/**
 * Memory (bytes) of every process whose command line mentions `marker` (the
 * browser's profile dir): proportional set size, so pages Chromium's processes
 * share (libraries, shared memory) are counted once, not once per process.
 */
export function rssOf(marker: string): number {
  return Object.values(memoryByProcess(marker)).reduce((a, b) => a + b, 0);
}

/** The same, per kind of Chromium process ('browser', 'renderer', 'gpu-process', 'utility', …). */
export function memoryByProcess(marker: string): Record<string, number> {
  const total: Record<string, number> = {};
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(marker)) continue;
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      if (m) total[type] = (total[type] ?? 0) + Number(m[1]) * 1024;
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
export async function importThroughUi(
  context: BrowserContext,
  base: string,
  csvPath: string,
  profileDir: string,
): Promise<{ ms: number; peakBytes: number; idleBytes: number; rendererPeakBytes: number; rendererIdleBytes: number; summary: string; rowsQueryable: number }> {
  const page = await context.newPage();
  await page.goto(`${base}/?tab=data`);
  await page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored, null, { timeout: 120_000 });
  await page.setInputFiles('[data-testid="file-input"]', csvPath);
  // The import dialog is a series of steps now: accept each proposal until Import shows.
  await continueToImport(page);
  const start = page.locator('[data-testid="import-start"]');
  await start.waitFor({ timeout: 120_000 });
  const idle = memoryByProcess(profileDir);
  const idleBytes = Object.values(idle).reduce((a, b) => a + b, 0);
  const rendererIdleBytes = idle.renderer ?? 0;
  let peak = idleBytes;
  let rendererPeak = rendererIdleBytes;
  // The page, its workers and DuckDB all live in the renderer process: that is the tab's memory.
  const sampler = setInterval(() => {
    const now = memoryByProcess(profileDir);
    peak = Math.max(peak, Object.values(now).reduce((a, b) => a + b, 0));
    rendererPeak = Math.max(rendererPeak, now.renderer ?? 0);
    if (process.env.BENCH_TRACE) trace.push(`${Date.now() - t0}ms ${Math.round((now.renderer ?? 0) / 2 ** 20)}MiB`);
  }, 50);
  const trace: string[] = [];
  const t0 = Date.now();
  await start.click();
  await page.locator('[data-testid="import-summary"]').waitFor({ timeout: 300_000 });
  const ms = Date.now() - t0;
  clearInterval(sampler);
  if (process.env.BENCH_TRACE) console.log(trace.filter((_, i) => i % 5 === 0).join('  '));
  const summary = (await page.locator('[data-testid="import-summary"]').textContent()) ?? '';
  const rowsQueryable = await page.evaluate(() => window.__wardInsight!.countRows!('imported_crimes'));
  await page.close();
  return { ms, peakBytes: peak, idleBytes, rendererPeakBytes: rendererPeak, rendererIdleBytes, summary, rowsQueryable };
}
