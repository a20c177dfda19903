import type { Page } from 'playwright-core';

/** The import dialog's step heading now ("Step 3 of 6: What the file holds"). */
export const stepHeading = (page: Page) => page.locator('[data-testid="import-step-heading"]').textContent();

/**
 * Press Continue through the import dialog's steps, accepting what is proposed,
 * until the Import button shows. Fails with the error summary's text if a step
 * refuses to move on.
 */
export async function continueToImport(page: Page, onStep?: (heading: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if (await page.locator('[data-testid="import-start"]').isVisible()) return;
    const heading = (await stepHeading(page)) ?? '';
    await onStep?.(heading);
    await page.locator('[data-testid="import-next"]:not([disabled])').click({ timeout: 60_000 });
    const moved = await page
      .waitForFunction((was) => document.querySelector('[data-testid="import-step-heading"]')?.textContent !== was || document.querySelector('[data-testid="error-summary"]') !== null, heading, { timeout: 60_000 })
      .then(() => true);
    const problem = await page.locator('[data-testid="error-summary"]').count();
    if (moved && problem) throw new Error(`The import dialog refused to go on from "${heading}": ${await page.locator('[data-testid="error-summary"]').textContent()}`);
  }
  throw new Error('The import dialog never reached its Import button.');
}
