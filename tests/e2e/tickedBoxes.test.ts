import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useAppPage } from './harness.ts';
import { continueToImport } from './importFlow.ts';

/*
 * The Google Forms checkbox fixture (26 answers, ticked options in the form's
 * order), every response taken online (the venue question becomes the
 * channel) so no venue list is needed. Expected,
 * written before running: the columns step answers "No" to "in order of
 * preference?", 26 of 26 rows imported, and the survey panel says the answers
 * are ticked boxes with no first choice (Housing issues: 0 ranked first, 18 in
 * the top three).
 */
const fixture = fileURLToPath(new URL('../fixtures/ingest/forms/google-forms-checkbox.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wi-ticked-'));

describe('Ticked boxes, not a ranking, in Chromium', () => {
  const t = useAppPage();

  it('are detected in the columns step, imported without ranks, and the survey panel says so', async () => {
    const path = join(dir, 'Community survey (Responses).csv');
    writeFileSync(path, readFileSync(fixture, 'utf8').replace('Where did you fill in this survey?', 'How did you take part?').replaceAll("St Mary's Church Hall", 'Online'));
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.setInputFiles('[data-testid="file-input"]', path);
    await t.page.locator('[data-testid="import-next"]').waitFor({ timeout: 60_000 });
    let asked = false;
    await continueToImport(t.page, async (heading) => {
      if (heading.includes('Columns')) {
        asked = true;
        await expect(t.page.locator('[data-testid="choices-ranked"] legend').textContent()).resolves.toBe('Are the choices in order of preference?');
        expect(await t.page.locator('[data-testid="choices-ranked-no"]').isChecked()).toBe(true);
        expect(await t.page.locator('[data-testid="choices-ranked-yes"]').isChecked()).toBe(false);
      }
      if (heading.includes('Values')) {
        await t.page.locator('[data-testid="values-tally"]').waitFor({ timeout: 60_000 });
        if (await t.page.locator('[data-testid="values-accept-all"]').isVisible()) await t.page.locator('[data-testid="values-accept-all"]').click();
      }
    });
    expect(asked).toBe(true);
    await t.page.locator('[data-testid="import-start"]').click();
    await t.page.locator('[data-testid="import-summary"]').waitFor({ timeout: 60_000 });
    await expect(t.page.locator('[data-testid="import-summary"]').textContent()).resolves.toMatch(/^26 of 26 rows imported/);
    await t.page.locator('[data-testid="import-close"]').click();
    await t.page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });

    await t.page.locator('[data-testid="tab-survey"]').click();
    const note = t.page.locator('[data-testid="survey-unranked-note"]');
    await expect.poll(() => note.textContent(), { timeout: 90_000 }).toBe('These answers are ticked boxes, not a ranking, so there is no first choice; they count as chosen. “In top three” counts every theme ticked.');
    const housing = t.page.locator('[data-testid="theme-priorities"] table tr', { hasText: 'Housing issues' });
    // The chart's table (folded away under the chart): Theme, Ranked first, share, In top three, share.
    const cells = async () => (await housing.first().locator('th, td').allTextContents()).map((c) => c.trim());
    await expect.poll(async () => (await cells()).slice(0, 2), { timeout: 30_000 }).toEqual(['Housing issues', '0']);
    expect((await cells())[3]).toBe('18');
  });
});
