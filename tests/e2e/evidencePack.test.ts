import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useAppPage } from './harness.ts';
import { serializeSession } from '../../src/session/url.ts';
import { DEFAULT_SESSION } from '../../src/session/document.ts';

const KINGSTON = 'E09000021';
const NORBITON = 'E05013941';
const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const kingstonWards = wards.features
  .filter((f) => f.properties?.lad_code === KINGSTON)
  .map((f) => f.properties!.code as string)
  .sort()
  .slice(0, 3);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Clicks the pack's button and returns the saved PDF's path, its name and the build time the page reports. */
async function downloadPack(page: Page): Promise<{ path: string; name: string; ms: number }> {
  const button = page.locator('[data-testid="evidence-pack-button"]');
  await button.waitFor({ timeout: 90_000 });
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 400_000 }), button.click()]);
  const path = await dl.path();
  const status = page.locator('[data-testid="evidence-pack-status"]');
  await expect.poll(() => status.getAttribute('data-ms'), { timeout: 30_000 }).not.toBeNull();
  return { path, name: dl.suggestedFilename(), ms: Number(await status.getAttribute('data-ms')) };
}

/** pdfinfo's fields. */
function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Every page at 40 dpi: the share of dark pixels on each. */
function darkShares(path: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'wi-pack-'));
  execFileSync('pdftoppm', ['-r', '40', '-png', path, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => {
      const png = PNG.sync.read(readFileSync(join(dir, f)));
      let dark = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 110) dark++;
      return dark / (png.width * png.height);
    });
}

/** Pages first..last at 80 dpi into the screenshots folder, as evidence-pack-p<n>.png. */
function savePages(path: string, prefix: string, last: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wi-pack-shot-'));
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', String(last), path, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f, i) => {
      const to = join(SCREENSHOTS, `${prefix}-p${i + 1}.png`);
      copyFileSync(join(dir, f), to);
      return to;
    });
}

describe('the evidence pack (PDF) in Chromium, production build', () => {
  const t = useAppPage();

  it("makes Norbiton ward's pack with its profile sentences, themes, method note, sources, sample label and page numbers", async () => {
    const { page } = t;
    await page.goto(`${t.app.url}?tab=data`);
    await page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await page.locator('[data-testid="try-sample"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });
    // Kingston, Norbiton ward's profile (the sample stays loaded: it is kept in the browser).
    await page.goto(`${t.app.url}?place=${KINGSTON}&level=ward&area=${NORBITON}`);
    const profile = page.locator('[data-testid="area-profile"]');
    await expect.poll(() => profile.locator('h2').textContent(), { timeout: 90_000 }).toBe('Norbiton');
    await expect.poll(() => profile.locator('.sentences li').count(), { timeout: 60_000 }).toBeGreaterThan(2);
    const sentences = (await profile.locator('.sentences li').allTextContents()).map(squash);
    const finePrint = squash((await profile.locator('.fine-print').last().textContent()) ?? '');

    // Cancel while it builds: it says so and saves nothing.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('[data-testid="evidence-pack-button"]').click();
    await page.locator('[data-testid="evidence-pack-cancel"]').click();
    await expect.poll(() => page.locator('[data-testid="evidence-pack-status"]').textContent(), { timeout: 30_000 }).toBe('Cancelled: no file was saved.');
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);

    const { path, name, ms } = await downloadPack(page);
    expect(name).toMatch(/^ward-insight-evidence-pack-norbiton-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = statSync(path).size;
    const info = pdfInfo(path);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);

    const text = squash(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/-\n/g, '-'));
    const plain = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(plain).toContain('Norbiton');
    expect(plain).toContain('Made with Ward Insight');
    for (const s of sentences) expect(plain).toContain(s);
    expect(plain).toContain(finePrint.slice(0, 80));
    for (const heading of ['Theme scores: housing, safety and communal areas', 'Housing', 'Safety', 'Communal areas', 'What drives its own score as a whole ward']) expect(plain).toContain(heading);
    expect(plain).toContain('How the hot and cold spots were found');
    expect(plain).toContain('Getis–Ord Gi*');
    expect(plain).toMatch(/false discovery rate/);
    expect(plain).toContain('What residents put first');
    expect(plain).toContain('Who answered versus who lives here');
    expect(plain).toContain('Street-rep trends');
    expect(plain).toContain('Police-recorded crime month by month');
    expect(plain).toContain('police.uk');
    expect(plain).toContain('Ministry of Housing, Communities and Local Government');
    expect(plain).toContain('SAMPLE — synthetic data');
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);

    const dark = darkShares(path);
    expect(dark).toHaveLength(pages);
    for (const share of dark) expect(share).toBeGreaterThan(0.002);
    copyFileSync(path, join(SCREENSHOTS, 'evidence-pack-norbiton.pdf'));
    const shots = savePages(path, 'evidence-pack', pages);
    console.log(`Norbiton evidence pack: ${pages} pages, ${bytes.toLocaleString('en-GB')} bytes, built in ${ms} ms; pages saved: ${shots.join(', ')}`);
  }, 600_000);

  it("makes a locality's pack", async () => {
    const { page } = t;
    const session = {
      ...DEFAULT_SESSION,
      place: KINGSTON,
      level: 'locality' as const,
      area: 'Lpack01',
      tab: 'areas' as const,
      localities: [{ id: 'Lpack01', name: 'Kingston north', wards: kingstonWards, lsoas: [] }],
    };
    await page.goto(`${t.app.url}?${serializeSession(session)}`);
    const profile = page.locator('[data-testid="area-profile"]');
    await expect.poll(() => profile.locator('h2').textContent(), { timeout: 90_000 }).toBe('Kingston north');
    const { path, name, ms } = await downloadPack(page);
    expect(name).toMatch(/^ward-insight-evidence-pack-kingston-north-\d{4}-\d{2}-\d{2}\.pdf$/);
    const info = pdfInfo(path);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
    const plain = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(plain).toContain('Kingston north');
    expect(plain).toContain('Locality (your own group of areas)');
    expect(plain).toContain('Wards in this locality');
    expect(plain).toMatch(/Of its \d+ small areas/);
    for (const share of darkShares(path)) expect(share).toBeGreaterThan(0.002);
    savePages(path, 'evidence-pack-locality', 1);
    console.log(`Locality evidence pack: ${info.Pages} pages, ${statSync(path).size.toLocaleString('en-GB')} bytes, built in ${ms} ms`);
  }, 600_000);
});
