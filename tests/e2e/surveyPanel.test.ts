import { describe, expect, it } from 'vitest';
import { screenshot, useAppPage } from './harness.ts';

/*
 * The bundled synthetic survey (seed 20250301): 1,500 responses, 293 with a comment,
 * 35 of them containing "rent" (Rents, parents…), 15 containing "bobby".
 */
const COMMENTS = 293;

describe('Survey comments and counted clusters in Chromium, production build', () => {
  const t = useAppPage();

  it('shows the comments as text, searchable, filtered with the other filters', async () => {
    await t.page.goto(`${t.app.url}?tab=data`);
    await t.page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="try-sample"]').click();
    await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });
    await t.page.locator('[data-testid="tab-survey"]').click();

    const count = t.page.locator('[data-testid="survey-comments-count"]');
    await expect.poll(() => count.textContent(), { timeout: 90_000 }).toBe(`${COMMENTS} of the matching responses left a comment.`);
    // The first 25, as text: the sample's quotes arrive as typed, not as markup.
    const items = t.page.locator('[data-testid="survey-comments-list"] li');
    expect(await items.count()).toBe(25);
    expect(await t.page.locator('[data-testid="survey-comments-list"] .comment-text b, [data-testid="survey-comments-list"] .comment-text script').count()).toBe(0);

    await t.page.locator('[data-testid="survey-comments-search"]').fill('rent');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`35 of ${COMMENTS} comments contain “rent”.`);
    await t.page.locator('[data-testid="survey-comments-search"]').fill('BOBBY');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`15 of ${COMMENTS} comments contain “BOBBY”.`);
    expect(await items.count()).toBe(15);
    expect((await items.first().textContent()) ?? '').toMatch(/bobby/i);

    // With a venue chosen, the comments are that venue's only.
    await t.page.locator('[data-testid="survey-comments-search"]').fill('');
    const venue = t.page.locator('[data-testid="survey-panel"] select').filter({ has: t.page.locator('option', { hasText: 'All venues' }) });
    const options = await venue.locator('option').allTextContents();
    await venue.selectOption({ label: options[1]! });
    await expect.poll(async () => Number(((await count.textContent()) ?? '').split(' ')[0]), { timeout: 60_000 }).toBeLessThan(COMMENTS);
    const metas = await t.page.locator('[data-testid="survey-comments-list"] li .hint').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.includes(options[1]!))).toBe(true);
    await venue.selectOption({ index: 0 });
  });

  it('labels each cluster with its count, drawn with the app’s own glyphs', async () => {
    await t.page.waitForFunction(() => window.__wardInsight!.layerVisible!('evidence-cluster-counts'), null, { timeout: 60_000 });
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    const glyphs = t.app.requests.filter((u) => u.includes('/glyphs/'));
    expect(glyphs.some((u) => u.startsWith(t.app.url) && u.endsWith('/glyphs/Source%20Sans%20Pro%20SemiBold/0-255.pbf'))).toBe(true);
    const status = await t.page.evaluate(() => fetch('glyphs/Source%20Sans%20Pro%20SemiBold/0-255.pbf').then((r) => r.status));
    expect(status).toBe(200);
    const legend = t.page.locator('[data-testid="survey-legend"]');
    await expect.poll(() => legend.textContent(), { timeout: 60_000 }).toContain('a numbered circle is that many responses at or near one place1,500');
    // Closer in on Lache and Blacon (Chester), where the counts can be read.
    const at = await t.page.evaluate(() => window.__wardInsight!.project!(-2.91, 53.185));
    await t.page.mouse.move(at.x, at.y);
    for (let i = 0; i < 6; i++) {
      await t.page.mouse.wheel(0, -400);
      await t.page.waitForTimeout(150);
    }
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    expect(await t.page.evaluate(() => window.__wardInsight!.zoom!())).toBeGreaterThan(10);
    await screenshot(t.page, '21-survey-cluster-counts');
  });
});
