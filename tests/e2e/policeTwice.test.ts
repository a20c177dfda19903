import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppPage, waitForPanels } from './harness.ts';
import { continueToImport } from './importFlow.ts';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'ingest', 'police', '2024-05-cheshire-street.csv');
const dir = mkdtempSync(join(tmpdir(), 'wi-police-twice-'));

const datasetRows = (page: Page) => page.locator('[data-testid="datasets"] tbody tr').count();
const crimes = (page: Page) => page.evaluate(() => window.__wardInsight!.countRows!('imported_crimes'));

async function crimeSummary(page: Page): Promise<string> {
  await page.locator('[data-testid="tab-crime"]').click();
  const summary = page.locator('[data-testid="crime-summary"]');
  await expect.poll(() => summary.textContent(), { timeout: 90_000 }).toMatch(/May 2024/);
  return (await summary.textContent()) ?? '';
}

describe('The same police.uk month imported twice, production build', () => {
  const t = useAppPage();

  it('keeps the first copy only: totals unchanged, and it says the file is already loaded', async () => {
    await t.page.goto(`${t.app.url}?place=E06000050&level=lsoa&tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    await continueToImport(t.page);
    await t.page.locator('[data-testid="import-start"]').click();
    // 14 rows: 8 kept (three identical anti-social behaviour rows among them), 4 Cheshire East rows left out in one line.
    const report = t.page.locator('[data-testid="import-report"]');
    await expect.poll(() => t.page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^8 of 14 rows imported/);
    await expect(report.textContent()).resolves.toContain("4 rows are outside the five areas (another council in the force's area) and were left out: rows 10, 11, 12 and 15.");
    await expect(report.textContent()).resolves.toContain('Placed by the LSOA 2021 code police.uk gives: 8 rows');
    await t.page.locator('[data-testid="import-close"]').click();
    expect(await crimes(t.page)).toBe(8);
    const before = await crimeSummary(t.page);

    // The same bytes under another name: refused before anything is stored.
    const copy = join(dir, 'may-again.csv');
    copyFileSync(FIXTURE, copy);
    for (const path of [FIXTURE, copy]) {
      await t.page.locator('[data-testid="tab-data"]').click();
      await t.page.setInputFiles('[data-testid="file-input"]', path);
      await continueToImport(t.page);
      await t.page.locator('[data-testid="import-start"]').click();
      const error = t.page.locator('[data-testid="import-error"]');
      await expect.poll(() => error.textContent(), { timeout: 60_000 }).toMatch(/^This file is already loaded, as '2024-05-cheshire-street\.csv' imported on \d{1,2} [A-Z][a-z]{2} \d{4}; nothing was added\.$/);
      await t.page.locator('[data-testid="import-dismiss"], [data-testid="import-close"]').first().click();
      const confirm = t.page.locator('[data-testid="import-confirm-close"]');
      if (await confirm.isVisible()) await confirm.click();
      await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
      expect(await datasetRows(t.page)).toBe(1);
      expect(await crimes(t.page)).toBe(8);
    }
    expect(await crimeSummary(t.page)).toBe(before);
  });
});

describe('Find a postcode, production build', () => {
  const t = useAppPage();

  it('zooms to a Norbiton postcode’s small area and opens its profile; an outside one gets a plain message', async () => {
    await t.page.goto(t.app.url);
    await waitForPanels(t.page);
    const box = t.page.getByRole('textbox', { name: 'Find a postcode' });
    await box.fill('sw1a 1aa');
    await box.press('Enter');
    await expect.poll(() => t.page.locator('[data-testid="postcode-message"]').textContent(), { timeout: 30_000 }).toBe("The postcode 'SW1A 1AA' is outside the five areas (no postcode in SW1A is in them).");
    await box.fill('kt11nz');
    await t.page.locator('[data-testid="postcode-find"]').click();
    const profile = t.page.locator('[data-testid="area-profile"]');
    await expect.poll(() => profile.textContent(), { timeout: 60_000 }).toContain('Norbiton');
    expect(new URL(t.page.url()).searchParams.get('area')).toBe('E01002971');
    // Area-level only: the postcode is in neither the link nor the page's text.
    expect(t.page.url()).not.toMatch(/kt1|KT1/);
    await expect(t.page.locator('[data-testid="postcode-message"]').textContent()).resolves.toBe('');
  });
});

describe('A survey placed by postcode, production build', () => {
  const t = useAppPage();

  it('places rows by postcode in the import worker and reports the ones it cannot place', async () => {
    const path = join(dir, 'postcode-survey.csv');
    // Written before running: 4 rows; kept 2 (Norbiton KT1 1NZ typed as 'kt11nz'; CH33 9AA has no
    // centroid and is placed inside its small area, listed as changed); rejected 2 (SW1A 1AA outside, 'KT1' malformed).
    writeFileSync(path, ['Response ID,Postcode,Choice 1', 'P1,kt11nz,Housing issues', 'P2,CH33 9AA,Youth activities', 'P3,SW1A 1AA,Housing issues', 'P4,KT1,Housing issues'].join('\n'));
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.setInputFiles('[data-testid="file-input"]', path);
    await continueToImport(t.page);
    await t.page.locator('[data-testid="import-start"]').click();
    await expect.poll(() => t.page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^2 of 4 rows imported; 2 rejected; 1 changed; 1 outside the five areas/);
    const rows = await t.page.locator('[data-testid="import-issues"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(rows).toEqual(['3', '4', '5']);
    await expect(t.page.locator('[data-testid="import-report"]').textContent()).resolves.toContain('the postcodes themselves are not kept or shown anywhere');
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(2);
  });
});
