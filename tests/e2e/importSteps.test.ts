import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPage } from './harness.ts';
import { continueToImport, stepHeading } from './importFlow.ts';
import { buildXlsx } from '../fixtures/ingest/xlsxBuilder.ts';

const dir = mkdtempSync(join(tmpdir(), 'wi-import-steps-'));

/** Three venues in Norbiton (Kingston upon Thames), as a group's own list would give them. */
const venueList = ['Venue,Latitude,Longitude', "St Mark's Church Hall,51.40392,-0.27755", 'Norbiton Library,51.40592,-0.28513', 'Cambridge Road Community Café,51.40795,-0.28417'].join('\n');

/**
 * A form-tool survey export whose venues are typed by hand (rows as a spreadsheet numbers them).
 * Expected, written before running: 11 rows read, 11 kept (8 placed at a listed venue, 3 online or
 * by phone kept without a place), 0 rejected.
 */
const messySurvey = [
  'Respondent ID,Date submitted,Venue,Channel,Choice 1,Choice 2,Age band',
  "S01,03/03/2025,St Mark's Church Hall,Paper,Housing issues,Policing & safety,25-34", // 2: as listed
  'S02,03/03/2025,st marks church hall,Paper,Housing issues,,35-44', // 3: case, apostrophe
  'S03,04/03/2025,St. Mark’s Church Hall,Paper,Youth activities,,16-24', // 4: full stop, curly apostrophe
  'S04,04/03/2025,Norbiton Library ,Paper,Policing & safety,,45-54', // 5: trailing space
  'S05,05/03/2025,NORBITON LIBRARY,Paper,Housing issues,,55-64', // 6: capitals
  'S06,05/03/2025,Cambridge Rd Community Cafe,Paper,Housing issues,,65-74', // 7: Rd, no accent
  'S07,06/03/2025,Cambridge Road Community Café (Tuesday),Paper,Youth activities,,25-34', // 8: text in brackets
  'S08,06/03/2025,,Online,Housing issues,,25-34', // 9: online, no place
  'S09,07/03/2025,,Phone,Policing & safety,,35-44', // 10: phone, no place
  'S10,07/03/2025,,online,Housing issues,,45-54', // 11: online, lower case
  'S11,08/03/2025,Norbiton Libary drop-in,Paper,Housing issues,,55-64', // 12: mapped by hand to Norbiton Library
].join('\n');

/** A survey with no place at all: the columns step must refuse it with the error summary. */
const noPlace = ['ID,Date,Choice 1', 'N1,03/03/2025,Housing issues', 'N2,04/03/2025,Youth activities'].join('\n');

/** A small survey placed by coordinates: 3 rows in, 3 kept. */
const plain = ['Response ID,Date,Latitude,Longitude,Choice 1,Age band', 'P1,03/03/2025,51.40412,-0.28604,Housing issues,25-34', 'P2,03/03/2025,51.40969,-0.29331,Youth activities,35-44', 'P3,04/03/2025,51.41013,-0.28465,Policing & safety,45-54'].join('\n');

/**
 * A street-rep workbook with a title, an export line and a blank row above its header (header on
 * sheet row 4). Expected: row 4 detected; 3 visits read, 3 kept.
 */
function titledWorkbook(site = 'NOR'): Uint8Array {
  return buildXlsx([
    {
      name: 'Visits',
      rows: [
        ['Street rep monitoring — Norbiton, spring 2025'],
        ['Exported 01/04/2025 by the residents’ association'],
        [],
        ['Visit ID', 'Site ID', 'Site name', 'Latitude', 'Longitude', 'Date', 'Litter', 'Graffiti', 'Noise'],
        ['W1', `${site}-1`, 'Shop parade', 51.40915, -0.28579, '01/03/2025', 'B', 'A', 'C'],
        ['W2', `${site}-1`, 'Shop parade', 51.40915, -0.28579, '01/04/2025', 'C', 'A', 'C'],
        ['W3', `${site}-2`, 'Estate green', 51.40437, -0.28177, '02/04/2025', 'A', 'B', 'A'],
      ],
    },
  ]);
}

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function openFile(page: Page, path: string | string[]): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', path);
  await page.locator('[data-testid="import-next"]').waitFor({ timeout: 60_000 });
}

const datasetRows = (page: Page) => page.locator('[data-testid="datasets"] tbody tr').count();
const countRows = (page: Page, table: string) => page.evaluate((t) => window.__wardInsight!.countRows!(t), table);
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth);

/** A test that failed half way leaves its dialog open: close it so the next test starts clean. */
async function closeDialog(page: Page): Promise<void> {
  if (!(await page.locator('[data-testid="import-dialog"]').count())) return;
  for (const id of ['import-close', 'import-dismiss', 'import-confirm-close']) {
    const button = page.locator(`[data-testid="${id}"]`);
    if (await button.count()) await button.click();
  }
  await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached', timeout: 10_000 });
}

describe('The import dialog, step by step, in Chromium', () => {
  const t = useAppPage();
  afterEach(async () => {
    if (t.page) await closeDialog(t.page);
  });

  it('(a) keeps every valid row of a messy survey once its venues are reconciled in the values step', async () => {
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    const before = await countRows(t.page, 'survey_responses');
    await openFile(t.page, write('messy-venues.csv', messySurvey));
    await screenshot(t.page, 'import-1-file-1400');
    await continueToImport(t.page, async (heading) => {
      if (heading.includes('Columns')) {
        await t.page.setInputFiles('[data-testid="venue-file"]', write('venues.csv', venueList));
        await expect.poll(() => t.page.locator('[data-testid="venue-count"]').textContent()).toMatch(/^3 venues read/);
        await screenshot(t.page, 'import-4-columns-1400');
      }
      if (heading.includes('Values')) {
        await t.page.locator('[data-testid="values-tally"]').waitFor({ timeout: 60_000 });
        await expect(t.page.locator('[data-testid="values-placeless"]').textContent()).resolves.toMatch(/^3 responses have no place/);
        // The hand-typed "Norbiton Libary drop-in" matches nothing: map it by hand.
        const unmatched = t.page.locator('[data-testid^="value-group-"]', { hasText: 'Norbiton Libary drop-in' });
        await unmatched.locator('select').selectOption('Norbiton Library');
        if (await t.page.locator('[data-testid="values-accept-all"]').isVisible()) await t.page.locator('[data-testid="values-accept-all"]').click();
        await expect(t.page.locator('[data-testid="values-tally"]').textContent()).resolves.toMatch(/ 0 rejected, 0 not chosen/);
        await screenshot(t.page, 'import-5-values-1400');
      }
    });
    await screenshot(t.page, 'import-6-check-1400');
    await t.page.locator('[data-testid="import-start"]').click();
    await t.page.locator('[data-testid="import-summary"]').waitFor({ timeout: 60_000 });
    await screenshot(t.page, 'import-7-report-1400');
    const issues = (await t.page.locator('[data-testid="import-issues"]').count()) ? await t.page.locator('[data-testid="import-issues"] tbody').innerText() : '';
    await expect(t.page.locator('[data-testid="import-summary"]').textContent(), issues).resolves.toMatch(/^11 of 11 rows imported/);
    expect((await countRows(t.page, 'survey_responses')) - before).toBe(11);
    await t.page.locator('[data-testid="import-close"]').click();
    await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
  });

  it('remembers the value choices for the next file of the same kind', async () => {
    await openFile(t.page, write('messy-venues-april.csv', messySurvey.replaceAll('/03/2025', '/04/2025').replace(/^S/gm, 'T')));
    await continueToImport(t.page, async (heading) => {
      if (heading.includes('Columns')) await expect(t.page.locator('[data-testid="venue-count"]').textContent()).resolves.toMatch(/Using the venue list from your last survey file \(venues\.csv, 3 venues\)/);
      if (!heading.includes('Values')) return;
      await expect(t.page.locator('[data-testid="values-remembered"]').textContent({ timeout: 60_000 })).resolves.toMatch(/Using your choices from the last/);
      await expect(t.page.locator('[data-testid="values-tally"]').textContent()).resolves.toMatch(/ 0 not chosen/);
    });
    await t.page.locator('[data-testid="import-dismiss"]').click();
    await t.page.locator('[data-testid="import-confirm-close"]').click();
    await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
  });

  it('(b) imports a workbook with a title above its header: the detected row is shown, another can be picked', async () => {
    const visits = await countRows(t.page, 'street_rep_visits');
    await openFile(t.page, write('titled-visits.xlsx', titledWorkbook()));
    await t.page.locator('[data-testid="import-next"]').click();
    await expect.poll(() => stepHeading(t.page)).toMatch(/Sheet and header row/);
    // Focus moved to the new step's heading, so a keyboard or screen-reader user starts there.
    expect(await t.page.evaluate(() => document.activeElement?.id)).toBe('import-heading');
    const chosen = t.page.locator('[data-testid="header-rows"] tr.header-row');
    await expect(chosen.getAttribute('data-row')).resolves.toBe('4');
    await expect(t.page.locator('[data-testid="header-row-4"]').isChecked()).resolves.toBe(true);
    await screenshot(t.page, 'import-2-header-1400');
    // Pick the title row, see it read as the header, then go back to row 4.
    await t.page.locator('[data-testid="header-row-1"]').check();
    await expect.poll(() => t.page.locator('[data-testid="header-rows"] tr.header-row').getAttribute('data-row')).toBe('1');
    await expect.poll(() => t.page.locator('[data-testid="import-preview"] caption').textContent()).toMatch(/under row 1/);
    await t.page.locator('[data-testid="header-row-4"]').check();
    await expect.poll(() => t.page.locator('[data-testid="import-preview"] caption').textContent()).toMatch(/under row 4/);
    await expect(t.page.locator('[data-testid="import-preview"] tbody th').first().textContent()).resolves.toBe('5');
    await continueToImport(t.page);
    await expect(t.page.locator('[data-testid="import-check"]').textContent()).resolves.toMatch(/Row 4; rows 1–3 skipped/);
    await t.page.locator('[data-testid="import-start"]').click();
    await expect.poll(() => t.page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^3 of 3 rows imported/);
    expect((await countRows(t.page, 'street_rep_visits')) - visits).toBe(3);
    await t.page.locator('[data-testid="import-close"]').click();
  });

  it('(c) shows the GOV.UK error summary, focused, and its link moves to the field', async () => {
    await openFile(t.page, write('no-place.csv', noPlace));
    for (let i = 0; i < 3; i++) await t.page.locator('[data-testid="import-next"]:not([disabled])').click();
    await expect.poll(() => stepHeading(t.page)).toMatch(/Columns/);
    await expect(t.page.locator('[data-testid="error-summary"]').count()).resolves.toBe(0);
    await t.page.locator('[data-testid="import-next"]').click();
    const summary = t.page.locator('[data-testid="error-summary"]');
    await summary.waitFor();
    await expect(summary.locator('[role="alert"] h3').textContent()).resolves.toBe('There is a problem');
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await expect.poll(() => stepHeading(t.page)).toMatch(/Columns/);
    const link = summary.locator('a', { hasText: 'No location column' });
    const target = (await link.getAttribute('href'))!.slice(1);
    await screenshot(t.page, 'import-error-summary-1400');
    await link.click();
    expect(await t.page.evaluate(() => document.activeElement?.id)).toBe(target);
    await expect(t.page.locator(`#${target}-error`).textContent()).resolves.toMatch(/No location column/);
    expect(await t.page.locator(`#${target}`).getAttribute('aria-invalid')).toBe('true');
    // Escape asks before losing the work, then closes.
    await t.page.keyboard.press('Escape');
    await t.page.locator('[data-testid="import-confirm-close"]').click();
    await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
  });

  it('(e) a double click on Import starts one import', async () => {
    const before = await datasetRows(t.page);
    const rows = await countRows(t.page, 'survey_responses');
    await openFile(t.page, write('double-click.csv', plain));
    await continueToImport(t.page);
    // Count the import requests the page sends its import worker.
    await t.page.evaluate(() => {
      const w = window as unknown as { importsSent: number; cancelsSent: number };
      w.importsSent = 0;
      w.cancelsSent = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
        if ((message as { type?: unknown } | null)?.type === 'import') w.importsSent++;
        // The second click of a double click must not land on a Cancel that appeared under the pointer.
        if ((message as { type?: unknown } | null)?.type === 'cancel') w.cancelsSent++;
        return post.call(this, message, ...rest);
      } as typeof post;
    });
    await t.page.locator('[data-testid="import-start"]').dblclick();
    await t.page.locator('[data-testid="import-start"]').click({ timeout: 1000 }).catch(() => undefined);
    await expect.poll(() => t.page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^3 of 3 rows imported/);
    expect(await t.page.evaluate(() => (window as unknown as { importsSent: number }).importsSent)).toBe(1);
    expect(await t.page.evaluate(() => (window as unknown as { cancelsSent: number }).cancelsSent)).toBe(0);
    await t.page.locator('[data-testid="import-close"]').click();
    // The user's survey replaces nothing here (no sample loaded): one more dataset, three more rows.
    expect(await datasetRows(t.page)).toBe(before + 1);
    expect((await countRows(t.page, 'survey_responses')) - rows).toBe(3);
  });

  it('(f) Remove then Undo brings the dataset back', async () => {
    const before = await datasetRows(t.page);
    const rows = await countRows(t.page, 'survey_responses');
    await t.page.getByRole('button', { name: 'Remove double-click.csv' }).click();
    await t.page.locator('[data-testid="remove-undo"]').waitFor();
    expect(await datasetRows(t.page)).toBe(before - 1);
    expect((await countRows(t.page, 'survey_responses')) - rows).toBe(-3);
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('remove-undo');
    await screenshot(t.page, 'data-removed-undo-1400');
    await t.page.keyboard.press('Enter');
    await t.page.locator('[data-testid="remove-bar"]').waitFor({ state: 'detached' });
    expect(await datasetRows(t.page)).toBe(before);
    expect(await countRows(t.page, 'survey_responses')).toBe(rows);
    expect(await t.page.locator('[data-testid="datasets"]').textContent()).toContain('double-click.csv');
    // Still there after a reload: Undo saved it back in the browser too.
    await t.page.reload();
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    expect(await datasetRows(t.page)).toBe(before);
  });

  it('(d) at 390 × 844 every step fits with no sideways scroll, and Remove is on screen', async () => {
    const page = await t.app.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${t.app.url}?tab=data`);
    await page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    const remove = page.getByRole('button', { name: /^Remove / }).first();
    await remove.scrollIntoViewIfNeeded();
    const box = (await remove.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'data-panel-390');
    expect(await noSidewaysScroll(page)).toBe(true);
    await openFile(page, write('titled-visits-390.xlsx', titledWorkbook('NARROW')));
    let step = 0;
    await continueToImport(page, async (heading) => {
      expect(await noSidewaysScroll(page), heading).toBe(true);
      await screenshot(page, `import-${++step}-390`);
    });
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, `import-${++step}-390`);
    await page.locator('[data-testid="import-start"]').click();
    await page.locator('[data-testid="import-summary"], [data-testid="import-error"]').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-report-390');
    expect(await page.locator('[data-testid="import-error"]').count(), (await page.locator('[data-testid="import-error"]').textContent().catch(() => '')) ?? '').toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'import-report-390');
    await page.locator('[data-testid="import-close"]').click();
    // The survey's values step (venues, channels, themes, ages) fits too.
    await openFile(page, write('messy-venues-390.csv', messySurvey));
    await continueToImport(page, async (heading) => {
      expect(await noSidewaysScroll(page), heading).toBe(true);
      if (heading.includes('Values')) {
        await page.locator('[data-testid="values-tally"]').waitFor({ timeout: 60_000 });
        expect(await noSidewaysScroll(page), heading).toBe(true);
        await screenshot(page, 'import-values-survey-390');
      }
    });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="import-confirm-close"]').click();
    await page.close();
  });
});
