import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPage } from './harness.ts';
import { continueToImport } from './importFlow.ts';

const dir = mkdtempSync(join(tmpdir(), 'wi-evidence-'));
const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'ingest');

/** A small survey with one good row and one of each common mistake (row numbers as a spreadsheet shows them). */
const messySurvey = [
  'Response ID,Date,Latitude,Longitude,Choice 1,Choice 2,Age band',
  'A1,03/03/2025,51.40412,-0.28604,Housing issues,Policing & safety,25-34', // row 2: fine
  'A2,31/02/2025,51.40412,-0.28604,Housing issues,,35-44', // row 3: no such date (left out unless the person keeps such rows undated)
  'A3,04/03/2025,50.1,-1.5,Housing issues,,35-44', // row 4: in the sea (English Channel)
  'A1,05/03/2025,51.40412,-0.28604,Youth activities,,16-24', // row 5: duplicate id
  'A5,06/03/2025,51.40412,-0.28604,Better buses,,45-54', // row 6: not one of the themes (kept as 'Other', reported)
].join('\n');

const policeCsv = [
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context',
  'e2e-crime-0001,2025-01,Leicestershire Police,Leicestershire Police,-1.1334,52.6364,On or near Clock Tower,,,Burglary,Under investigation,',
  'e2e-crime-0002,2025-01,Leicestershire Police,Leicestershire Police,-1.1334,52.6364,On or near Clock Tower,,,Burglary,Under investigation,',
  'e2e-crime-0002,2025-01,Leicestershire Police,Leicestershire Police,-1.1334,52.6364,On or near Clock Tower,,,Burglary,Under investigation,',
].join('\n');

async function datasetRows(page: Page): Promise<number> {
  return page.locator('[data-testid="datasets"] tbody tr').count();
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', path);
  await page.locator('[data-testid="import-next"], [data-testid="import-error"]').first().waitFor({ timeout: 60_000 });
}

describe('Residents’ evidence in Chromium, production build', () => {
  const t = useAppPage();

  it('loads the synthetic sample, labelled as such, through the import worker', async () => {
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="no-datasets"]').waitFor();
    await t.page.locator('[data-testid="try-sample"]').click();
    await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });
    const table = (await t.page.locator('[data-testid="datasets"]').textContent()) ?? '';
    expect(table).toContain('sample-survey.csv');
    expect(table).toContain('SAMPLE — synthetic data');
    expect(table).toContain('1,500');
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(1500);
  });

  it('shows survey counts, theme priorities and who answered against who lives here', async () => {
    await t.page.locator('[data-testid="tab-survey"]').click();
    const count = t.page.locator('[data-testid="survey-count"]');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toContain('1,500 responses');
    await expect(t.page.locator('[data-testid="sample-banner"]').first().textContent()).resolves.toContain('SAMPLE — synthetic data');
    await t.page.locator('[data-testid="theme-priorities"]').waitFor();
    // The section shows "Counting the priorities…" until its query answers.
    await expect.poll(() => t.page.locator('[data-testid="theme-priorities"]').textContent(), { timeout: 60_000 }).toContain('Housing issues');
    const rep = t.page.locator('[data-testid="representativeness"]');
    await rep.waitFor({ timeout: 60_000 });
    await expect.poll(() => rep.textContent(), { timeout: 60_000 }).toMatch(/statistically significant/);
    await expect.poll(() => t.page.locator('[data-testid="under-represented"]').first().textContent(), { timeout: 60_000 }).toMatch(/16–24/);
    await screenshot(t.page, '12-survey-sample');
  });

  it('shows street-rep sites by their latest grade and the issues getting worse', async () => {
    await t.page.locator('[data-testid="tab-street-reps"]').click();
    await t.page.locator('[data-testid="site-legend"]').waitFor({ timeout: 60_000 });
    const worse = t.page.locator('[data-testid="getting-worse"] tbody tr');
    await worse.first().waitFor({ timeout: 60_000 });
    expect(await worse.count()).toBeGreaterThan(3);
    await screenshot(t.page, '13-street-reps-sample');
  });

  it('reports every rejected row of a messy file by number, and keeps what is loaded', async () => {
    const path = join(dir, 'messy-survey.csv');
    writeFileSync(path, messySurvey);
    await t.page.locator('[data-testid="tab-data"]').click();
    await importFile(t.page, path);
    // 'Better buses' is proposed as 'Other': leave it not chosen, so the usual rule reports it on its row.
    await continueToImport(t.page, async (heading) => {
      if (heading.includes('Values')) await t.page.locator('[data-testid^="value-group-"]', { hasText: 'Better buses' }).locator('select').selectOption('');
    });
    await t.page.locator('[data-testid="import-start"]').click();
    const issues = t.page.locator('[data-testid="import-issues"] tbody tr');
    await issues.first().waitFor({ timeout: 60_000 });
    const rows = await issues.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(['3', '4', '5', '6']);
    expect(rows[0]).toEqual(['3', 'Date', 'Left out', expect.stringContaining("'31/02/2025' isn't a real date")]);
    expect(rows[1]![2]).toBe('Left out');
    expect(rows[1]![3]).toMatch(/outside the five areas/);
    expect(rows[2]![3]).toMatch(/already used on row 2/);
    expect(rows[3]![3]).toMatch(/Better buses/);
    await expect(t.page.locator('[data-testid="import-summary"]').textContent()).resolves.toMatch(/^2 of 5 rows imported; 3 rejected; 1 changed; 1 outside the five areas; 1 duplicate\./);
    await screenshot(t.page, '14-import-report');
    await t.page.locator('[data-testid="import-close"]').click();
    // The user's survey replaced the sample survey; the sample street reps stay.
    expect(await datasetRows(t.page)).toBe(2);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(2);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('street_rep_visits'))).toBeGreaterThan(900);
  });

  it('refuses a binary file renamed .csv in plain English, losing nothing', async () => {
    await importFile(t.page, join(fixtures, 'png-renamed.csv'));
    await expect(t.page.locator('[data-testid="import-error"]').textContent()).resolves.toMatch(/PNG|image/i);
    expect(await datasetRows(t.page)).toBe(2);
    await t.page.locator('[data-testid="import-close"]').click();
    await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
  });

  it('imports several police.uk files at once, skipping a repeated Crime ID', async () => {
    const path = join(dir, 'police.csv');
    writeFileSync(path, policeCsv);
    const february = join(dir, 'police-february.csv');
    writeFileSync(february, policeCsv.replaceAll('e2e-crime-000', 'e2e-crime-feb-').replaceAll('2025-01', '2025-02'));
    await t.page.setInputFiles('[data-testid="file-input"]', [path, february]);
    await continueToImport(t.page);
    await t.page.locator('[data-testid="import-start"]').click();
    await expect.poll(() => t.page.locator('[data-testid="import-summary"]').textContent(), { timeout: 60_000 }).toMatch(/^2 of 3 rows imported/);
    await t.page.locator('[data-testid="import-others"]').click();
    await expect.poll(() => t.page.locator('[data-testid="quiet-import"]').textContent(), { timeout: 60_000 }).toMatch(/police-february\.csv: 2 of 3 rows/);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('imported_crimes'))).toBe(4);
    expect(await datasetRows(t.page)).toBe(4);
  });

  it('keeps imported data after a reload, and removes it when asked', async () => {
    await t.page.reload();
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    expect(await datasetRows(t.page)).toBe(4);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(2);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('imported_crimes'))).toBe(4);
    await t.page.getByRole('button', { name: 'Remove messy-survey.csv' }).click();
    await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 3);
    expect(await t.page.evaluate(() => window.__wardInsight!.countRows!('survey_responses'))).toBe(0);
    await t.page.reload();
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    expect(await datasetRows(t.page)).toBe(3);
    expect(await t.page.locator('[data-testid="datasets"]').textContent()).not.toContain('messy-survey.csv');
  });
});
