import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, outsideRequests, screenshot, SCREENSHOTS, type App } from './harness.ts';
import { continueToImport } from './importFlow.ts';

/*
 * One workspace saved in one browser and opened in another (a new profile:
 * nothing shared but the file). The workspace: the Google Forms checkbox
 * survey (26 answers, all taken online so no venue list is needed), a
 * locality of two Kingston wards, one slide, and Norbiton ward's profile on
 * the hot spots tab. Expected, written before running: the other browser
 * shows the same link, one dataset of 26 rows, the locality and one slide;
 * opening the file again there asks Replace or Merge, and Merge adds nothing;
 * a file cut short and a foreign JSON file each give a plain message and
 * change nothing.
 */
const SURVEY = fileURLToPath(new URL('../fixtures/ingest/forms/google-forms-checkbox.csv', import.meta.url));
const OLDER = fileURLToPath(new URL('../fixtures/project/kingston-v1.wiproj', import.meta.url));
const FOREIGN = fileURLToPath(new URL('../fixtures/ingest/points.geojson', import.meta.url));
const KINGSTON = 'E09000021';
const NORBITON = 'E05013941';
const CANBURY = 'E05013930';
const dir = mkdtempSync(join(tmpdir(), 'wi-project-'));

const datasetRows = (page: Page) => page.locator('[data-testid="datasets"] tbody tr');
const rowsColumn = (page: Page) => datasetRows(page).locator('td[data-label="Rows"]').allTextContents();
const slidesButton = (page: Page) => page.locator('[data-testid="slides-button"]').textContent();
const message = (page: Page) => page.locator('[data-testid="project-message"]');
const restored = (page: Page) => page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
const query = (page: Page) => new URL(page.url()).search;

async function importSurvey(page: Page): Promise<void> {
  const path = join(dir, 'Community survey (Responses).csv');
  writeFileSync(path, readFileSync(SURVEY, 'utf8').replace('Where did you fill in this survey?', 'How did you take part?').replaceAll("St Mary's Church Hall", 'Online'));
  await page.setInputFiles('[data-testid="file-input"]', path);
  await page.locator('[data-testid="import-next"]').waitFor({ timeout: 60_000 });
  await continueToImport(page, async (heading) => {
    if (!heading.includes('Values')) return;
    await page.locator('[data-testid="values-tally"]').waitFor({ timeout: 60_000 });
    if (await page.locator('[data-testid="values-accept-all"]').isVisible()) await page.locator('[data-testid="values-accept-all"]').click();
  });
  await page.locator('[data-testid="import-start"]').click();
  await expect.poll(() => page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^26 of 26 rows imported/);
  await page.locator('[data-testid="import-close"]').click();
  await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
}

async function makeLocality(page: Page, name: string, wards: string[]): Promise<void> {
  await page.locator('[data-testid="tab-localities"]').click();
  await page.locator('[data-testid="locality-new"]:enabled').click({ timeout: 60_000 });
  await page.fill('[data-testid="locality-name"]', name);
  for (const code of wards) await page.check(`[data-testid="locality-ward-${code}"]`);
  await page.click('[data-testid="locality-save"]');
  await expect.poll(() => page.locator('[data-testid="locality-row-name"]').allTextContents(), { timeout: 15_000 }).toEqual([name]);
}

/** Choose a file in the Project file section (the Your data tab). */
async function openProject(page: Page, path: string): Promise<void> {
  await page.locator('[data-testid="project-open"]:enabled').waitFor({ timeout: 90_000 });
  await page.setInputFiles('[data-testid="project-file-input"]', path);
}

describe('A project file saved in one browser and opened in another, production build', () => {
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) {
      const outside = outsideRequests(app);
      await app.close();
      expect(outside).toEqual([]);
    }
  });
  let saved = '';
  /** The second browser's page (a persistent context also has a blank first page). */
  let other: Page;
  let savedView = '';

  it('saves the survey, a locality, a slide and the view as one file', async () => {
    const app = await openApp();
    apps.push(app);
    const page = await app.context.newPage();
    await page.goto(`${app.url}?place=${KINGSTON}&tab=data`);
    await restored(page);
    await importSurvey(page);
    await makeLocality(page, 'North Kingston', [NORBITON, CANBURY]);

    // Norbiton's profile on the hot spots tab, added as a slide.
    await page.goto(`${app.url}?place=${KINGSTON}&level=ward&area=${NORBITON}&tab=hotspots&hotspot=housing`);
    await restored(page);
    await page.locator('[data-testid="add-slide-button"]').click();
    const dialog = page.getByRole('dialog', { name: 'Add this view as a slide' });
    await expect.poll(() => dialog.getByLabel('Title').inputValue(), { timeout: 60_000 }).not.toBe('');
    await dialog.getByLabel('Title').fill('Norbiton housing');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => slidesButton(page)).toBe('Slides (1)');

    await page.locator('[data-testid="tab-data"]').click();
    await expect.poll(() => rowsColumn(page)).toEqual(['26']);
    savedView = query(page);
    expect(savedView).toContain(`area=${NORBITON}`);
    expect(savedView).toContain('loc=');
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="project-save"]').click()]);
    saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const ms = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/^ward-insight-project-\d{4}-\d{2}-\d{2}\.wiproj$/);
    await expect.poll(() => message(page).textContent()).toMatch(/^Saved ward-insight-project-.*\.wiproj \(\d+ KB\): 1 locality, 1 dataset, 1 slide and the view on screen\.$/);
    const size = statSync(saved).size;
    console.log(`project file: ${size} bytes, saved in ${ms} ms`);
    const file = JSON.parse(readFileSync(saved, 'utf8'));
    expect(file).toMatchObject({ format: 'ward-insight-project', v: 1, view: savedView, localities: [{ name: 'North Kingston', wards: [NORBITON, CANBURY] }] });
    expect(file.datasets.map((d: { meta: { rows: number } }) => d.meta.rows)).toEqual([26]);
    expect(file.presentation.slides.map((s: { title: string }) => s.title)).toEqual(['Norbiton housing']);
  });

  it('opens in a fresh browser with the same view, rows, locality and slide', async () => {
    const app = await openApp();
    apps.push(app);
    const page = await app.context.newPage();
    other = page;
    await page.goto(`${app.url}?tab=data`);
    await restored(page);
    expect(await datasetRows(page).count()).toBe(0);
    const started = Date.now();
    await openProject(page, saved);
    // Nothing here to lose: it opens without asking.
    await expect.poll(() => message(page).textContent(), { timeout: 60_000 }).toBe('Opened: 1 locality, 1 dataset (26 rows), 1 slide.');
    console.log(`project opened in ${Date.now() - started} ms`);
    expect(await page.locator('[data-testid="project-ask"]').count()).toBe(0);
    await expect.poll(() => query(page)).toBe(savedView);
    await expect.poll(() => rowsColumn(page)).toEqual(['26']);
    expect(await page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(26);
    await expect.poll(() => slidesButton(page)).toBe('Slides (1)');
    // Kept in this browser, as an import is: still there after a reload.
    await page.reload();
    await restored(page);
    await expect.poll(() => rowsColumn(page)).toEqual(['26']);
    await expect.poll(() => slidesButton(page)).toBe('Slides (1)');
    await page.locator('[data-testid="tab-localities"]').click();
    await expect.poll(() => page.locator('[data-testid="locality-row-name"]').allTextContents(), { timeout: 30_000 }).toEqual(['North Kingston']);
    await page.locator('[data-testid="tab-data"]').click();
  });

  it('asks Replace or Merge when opened again there, and Merge adds nothing twice', async () => {
    const page = other;
    const before = query(page);
    await openProject(page, saved);
    const ask = page.locator('[data-testid="project-ask"]');
    await ask.waitFor({ timeout: 60_000 });
    await expect(ask.locator('h4').textContent()).resolves.toMatch(/^Open ward-insight-project-.*\.wiproj: replace what is here, or merge\?$/);
    await expect(ask.textContent()).resolves.toContain('This browser already has 1 locality, 1 dataset, 1 slide. The file holds 1 locality, 1 dataset (26 rows) and its own view');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('project-ask-heading');
    await page.locator('[data-testid="project-file"]').scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('[data-testid="project-file"]').screenshot({ path: join(SCREENSHOTS, 'project-file-ask.png') });
    await page.locator('[data-testid="project-merge"]').click();
    await expect.poll(() => message(page).textContent(), { timeout: 60_000 }).toMatch(/^Nothing new to add: everything in the file is already here\./);
    expect(await rowsColumn(page)).toEqual(['26']);
    expect(await page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(26);
    await expect.poll(() => slidesButton(page)).toBe('Slides (1)');
    expect(query(page)).toBe(before);
  });

  it('refuses a file cut short and a foreign JSON file with a plain message, changing nothing', async () => {
    const page = other;
    const before = query(page);
    const text = readFileSync(saved, 'utf8');
    const cut = join(dir, 'cut-short.wiproj');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const foreign = join(dir, 'points.json');
    writeFileSync(foreign, readFileSync(FOREIGN));
    const cases: [string, RegExp][] = [
      [cut, /^cut-short\.wiproj: This project file is damaged: it ends part-way through\. .* Nothing was changed\.$/],
      [foreign, /^points\.json: This is not a Ward Insight project file: it holds a different kind of data\. Nothing was changed\.$/],
    ];
    for (const [path, expected] of cases) {
      await openProject(page, path);
      await expect.poll(() => message(page).textContent(), { timeout: 30_000 }).toMatch(expected);
      expect(await message(page).getAttribute('role')).toBe('alert');
      expect(await page.locator('[data-testid="project-ask"]').count()).toBe(0);
      expect(await rowsColumn(page)).toEqual(['26']);
      expect(await slidesButton(page)).toBe('Slides (1)');
      expect(query(page)).toBe(before);
    }
    await screenshot(page, 'project-file-refused');
  });

  it('opens a file saved by format version 1 with Replace everything, and says what it brought over the saved view', async () => {
    const page = other;
    await openProject(page, OLDER);
    await page.locator('[data-testid="project-ask"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="project-replace"]').click();
    // The saved view is another tab: the notice stays on screen after the Your data tab has gone.
    const notice = page.locator('[data-testid="project-notice"]');
    // Its survey was made from the same CSV as the one here (same bytes, same fingerprint), so that one is kept, not loaded twice.
    await expect
      .poll(() => notice.locator('p').textContent(), { timeout: 60_000 })
      .toBe('Opened: 1 locality, 2 datasets (36 rows), 2 slides. ‘Community survey (Responses).csv’ is already loaded here (the same data), so it was not loaded twice.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close this message');
    await expect.poll(() => query(page)).toMatch(/area=E05013941.*tab=hotspots/);
    await expect.poll(() => slidesButton(page)).toBe('Slides (2)');
    await screenshot(page, 'project-file-opened-v1');
    await page.keyboard.press('Enter');
    expect(await notice.count()).toBe(0);
    await page.locator('[data-testid="tab-data"]').click();
    await expect.poll(() => rowsColumn(page)).toEqual(['26', '10']);
    expect(await page.evaluate(() => window.__wardInsight!.countRows!('street_rep_visits'))).toBe(10);
  });
});
