import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { screenshot, useAppPage } from './harness.ts';
import { labelPoint } from '../../src/geo/labelPoint.ts';

const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const MESSY = resolve(root, 'tests/fixtures/localities/messy-wards.csv');
const CWAC = 'E06000050';
const BLACON = 'E05012209';
const LACHE = 'E05012221';
const UPTON = 'E05012242';
const HANDBRIDGE = 'E05012218';
const CITY = 'E05012211';

async function clickWard(page: Page, code: string): Promise<void> {
  const f = wards.features.find((x) => x.properties?.code === code);
  if (!f) throw new Error(`no boundary for ${code}`);
  const [lon, lat] = labelPoint(f as Feature<Polygon | MultiPolygon>);
  await page.evaluate(() => window.__wardInsight?.whenIdle?.());
  const at = await page.evaluate(([x, y]) => window.__wardInsight!.project!(x as number, y as number), [lon, lat]);
  await page.mouse.click(at.x, at.y);
}

/** The map's colours are in and the Localities section is live (its New button waits for the data engine); there is no ranked table on this tab. */
async function waitForLocalities(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__wardInsight?.timings.panelsLive !== undefined, null, { timeout: 60_000 });
  await page.locator('[data-testid="locality-new"]:enabled').waitFor({ timeout: 60_000 });
}

const rows = (page: Page) => page.locator('[data-testid="localities-list"] > li');
const rowNamed = (page: Page, name: string) => rows(page).filter({ has: page.locator('[data-testid="locality-row-name"]', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });

describe('localities in Chromium, production build', () => {
  const t = useAppPage();

  it('makes a locality of four Cheshire West and Chester wards, two clicked on the map and two ticked in the list', async () => {
    const page = t.page;
    await page.goto(`${t.app.url}?place=${CWAC}&tab=localities`);
    await waitForLocalities(page);
    await expect(page.locator('[data-testid="localities-panel"]').textContent()).resolves.toContain('Kept in this browser and in the page’s link; nothing is sent anywhere.');
    await page.click('[data-testid="locality-new"]');
    await page.fill('[data-testid="locality-name"]', 'Chester West');
    await page.click('[data-testid="locality-pick-map"]');
    await expect.poll(() => page.url()).toContain('level=ward');
    const chosen = page.locator('[data-testid="locality-chosen"] li');
    await clickWard(page, BLACON);
    await expect.poll(() => chosen.count(), { timeout: 15_000 }).toBe(1);
    await clickWard(page, LACHE);
    await clickWard(page, UPTON);
    await expect.poll(() => chosen.count()).toBe(3);
    // A second click on a chosen ward takes it out again.
    await clickWard(page, UPTON);
    await expect.poll(() => chosen.count()).toBe(2);
    // Picking on the map does not open the ward's profile.
    expect(page.url()).not.toContain('area=');
    await expect(page.locator(`[data-testid="locality-ward-${BLACON}"]`).isChecked()).resolves.toBe(true);
    await page.fill('[data-testid="locality-ward-search"]', 'handbridge');
    await page.press('[data-testid="locality-ward-search"]', 'Enter');
    await expect(page.locator(`[data-testid="locality-ward-${HANDBRIDGE}"]`).isChecked()).resolves.toBe(true);
    await page.fill('[data-testid="locality-ward-search"]', 'chester city and the');
    await page.check(`[data-testid="locality-ward-${CITY}"]`);
    await expect(chosen.allTextContents()).resolves.toEqual([
      expect.stringContaining('Blacon'),
      expect.stringContaining('Lache'),
      expect.stringContaining('Handbridge Park'),
      expect.stringContaining('Chester City & the Garden Quarter'),
    ]);
    await screenshot(page, 'localities-01-editor');
    await page.click('[data-testid="locality-save"]');
    const mine = rowNamed(page, 'Chester West');
    await expect.poll(() => mine.locator('[data-testid="locality-row-size"]').textContent(), { timeout: 15_000 }).toMatch(/^4 wards, \d+ small areas, [\d,]+ people/);
    expect(page.url()).toContain('loc=');
  });

  it('still lists it after a reload, and in a fresh page of the same browser without the link', async () => {
    await t.page.reload();
    await waitForLocalities(t.page);
    await rowNamed(t.page, 'Chester West').waitFor({ timeout: 30_000 });
    const bare = await t.app.context.newPage();
    await bare.goto(`${t.app.url}?place=${CWAC}&tab=localities`);
    await waitForLocalities(bare);
    await expect(rowNamed(bare, 'Chester West').locator('[data-testid="locality-row-size"]').textContent({ timeout: 30_000 })).resolves.toMatch(/^4 wards/);
    await bare.close();
  });

  it('shows it on the map as a locality', async () => {
    const row = rowNamed(t.page, 'Chester West');
    const id = (await row.getAttribute('data-testid'))!.replace('locality-row-', '');
    await t.page.click(`[data-testid="locality-show-${id}"]`);
    await expect.poll(() => t.page.url()).toContain('level=locality');
    expect(t.page.url()).toContain(`area=${id}`);
  });

  it('imports the messy CSV: two localities, with every left-out row explained', async () => {
    const page = t.page;
    await page.click('[data-testid="localities-csv-open"]');
    // The file is matched once the place's ward list is in.
    await page.locator('[data-testid="localities-csv-choose"]:enabled').waitFor({ timeout: 30_000 });
    await page.setInputFiles('[data-testid="localities-csv-input"]', MESSY);
    await expect(page.locator('[data-testid="localities-csv-summary"]').textContent()).resolves.toBe(
      'messy-wards.csv: 8 wards matched, 1 repeated (counted once), 3 rows left out.',
    );
    const table = await page.locator('[data-testid="localities-csv-rows"] tbody').textContent();
    expect(table).toContain('did you mean Whitby Groves?');
    expect(table).toContain('Norbiton is a ward in Kingston upon Thames');
    // The file's "Chester West" is kept apart from the one made by hand.
    await expect(page.locator('[data-testid="localities-csv-name-0"]').inputValue()).resolves.toBe('Chester West (imported)');
    await screenshot(page, 'localities-02-csv-report');
    await page.click('[data-testid="localities-csv-add"]');
    await expect(rowNamed(page, 'Chester West (imported)').locator('[data-testid="locality-row-size"]').textContent()).resolves.toMatch(/^4 wards/);
    await expect(rowNamed(page, 'Ellesmere Port').locator('[data-testid="locality-row-size"]').textContent()).resolves.toMatch(/^4 wards/);
    expect(await rows(page).count()).toBe(3);
  });

  it('exports the localities as a file and imports it back after deleting one', async () => {
    const page = t.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="localities-export"]')]);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8')) as { kind: string; v: number; localities: { name: string }[] };
    expect(file).toMatchObject({ kind: 'ward-insight-localities', v: 1 });
    expect(file.localities.map((l) => l.name)).toEqual(['Chester West', 'Chester West (imported)', 'Ellesmere Port']);

    const port = rowNamed(page, 'Ellesmere Port');
    const id = (await port.getAttribute('data-testid'))!.replace('locality-row-', '');
    await page.click(`[data-testid="locality-delete-${id}"]`);
    await page.locator('[data-testid="locality-undo"]').waitFor();
    expect(await rows(page).count()).toBe(2);

    await page.setInputFiles('[data-testid="localities-file-input"]', path);
    await expect.poll(() => page.locator('[data-testid="localities-file-message"]').textContent()).toContain('Added 1 locality: Ellesmere Port. 2 localities were already here.');
    expect(await rows(page).count()).toBe(3);
    // The CSV is not a localities file: said so, nothing changed.
    await page.setInputFiles('[data-testid="localities-file-input"]', MESSY);
    await expect.poll(() => page.locator('[data-testid="localities-file-message"]').textContent()).toContain('Nothing was changed.');
    expect(await rows(page).count()).toBe(3);
    await screenshot(page, 'localities-03-list');
  });
});
