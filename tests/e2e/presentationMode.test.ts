import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPage, waitForPanels } from './harness.ts';

/*
 * Presentation mode on a 1920×1080 projector: three slides (an official
 * statistic, a hotspots view, the synthetic survey), moved through with the
 * keys and a click, then Escape gives back the person's own view.
 */
const STORE = 'ward-insight.presentation';
const DEPRIVATION = '?place=E09000021&level=ward&indicator=iod25_imd&method=deciles';
const HOTSPOTS = '?place=E06000016&level=lsoa&tab=hotspots&hotspot=safety';
const TITLE_1 = 'Deprivation in Kingston upon Thames, ward by ward';
const TITLE_3 = 'What residents told us';

const counter = (page: Page) => page.locator('[data-testid="presentation-counter"]').textContent();
const title = (page: Page) => page.locator('[data-testid="presentation-title"]').textContent();
const announced = (page: Page) => page.locator('[data-testid="presentation-announce"]').textContent();
const fullScreen = (page: Page) => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
const presenting = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('presenting'));

/** The map idle and two frames painted, so a screenshot shows what the screen shows. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => window.__wardInsight?.whenIdle?.());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The size of the key's first colour swatch and the side panel's body text, as a person sees them. */
async function sizes(page: Page) {
  return page.evaluate(() => {
    const swatch = document.querySelector('.map-column .legend-classes .swatch')?.getBoundingClientRect();
    const text = document.querySelector('.side p');
    return { swatch: swatch ? swatch.width * swatch.height : 0, text: text ? parseFloat(getComputedStyle(text).fontSize) : 0 };
  });
}

/** "Add to presentation" on the view on screen, with this title (empty: the view's own) and a note. */
async function addSlide(page: Page, title: string, note = ''): Promise<void> {
  await page.locator('[data-testid="add-slide-button"]').click();
  const dialog = page.getByRole('dialog', { name: 'Add this view as a slide' });
  const input = dialog.getByLabel('Title');
  await expect.poll(() => input.inputValue(), { timeout: 60_000 }).not.toBe('');
  await input.fill(title);
  if (note) await dialog.getByLabel('Note (optional)').fill(note);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('Presentation mode in Chromium, production build, 1920×1080', () => {
  const t = useAppPage();

  it('shows three slides full screen, moves with keys and clicks, keeps the sample label, and Escape gives the view back', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 1920, height: 1080 });

    // The synthetic survey, loaded as a person does, for the third slide.
    await page.goto(`${t.app.url}?tab=data`);
    await page.waitForFunction(() => window.__wardInsight?.timings.evidenceRestored !== undefined, null, { timeout: 90_000 });
    await page.locator('[data-testid="try-sample"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="datasets"] tbody tr').length === 2, null, { timeout: 90_000 });

    // Three slides added through "Add to presentation": the second keeps no title of its own.
    await page.goto(`${t.app.url}${DEPRIVATION}`);
    await waitForPanels(page);
    await addSlide(page, TITLE_1, 'Speaker only: never on the projector.');
    await page.goto(`${t.app.url}${HOTSPOTS}`);
    await page.locator('[data-testid="hotspot-legend"]').waitFor({ timeout: 90_000 });
    await addSlide(page, '');
    await page.locator('[data-testid="tab-survey"]').click();
    await page.locator('[data-testid="sample-banner"]').waitFor({ timeout: 90_000 });
    await addSlide(page, TITLE_3);
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { slides?: { view: string }[] }, STORE);
    expect(stored.slides?.map((s) => s.view.includes('tab=survey'))).toEqual([false, false, true]);

    // The person's own view, which Escape must give back.
    await page.goto(`${t.app.url}?place=E09000021&level=lsoa`);
    await waitForPanels(page);
    const own = page.url();
    await expect.poll(async () => (await sizes(page)).swatch, { timeout: 60_000 }).toBeGreaterThan(0);
    const normal = await sizes(page);

    const present = page.getByRole('button', { name: 'Present (3 slides)' });
    await present.click();
    await expect.poll(() => counter(page), { timeout: 30_000 }).toBe('1 / 3');
    expect(await title(page)).toBe(TITLE_1);
    expect(await announced(page)).toBe(`Slide 1 of 3: ${TITLE_1}`);
    expect(await presenting(page)).toBe(true);
    await expect.poll(() => fullScreen(page)).toBe('HTML');
    await expect.poll(() => page.evaluate(() => window.location.search), { timeout: 30_000 }).toContain('level=ward');
    expect(await page.locator('body').textContent()).not.toContain('Speaker only');

    // Nothing to click: the tabs, the header's controls and the toolbar are gone; the map and the table stay.
    await page.locator('[data-testid="ranked-table"] tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="tab-areas"]').isVisible()).toBe(false);
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="map-toolbar"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="key-hide"]').isVisible()).toBe(false);
    expect(await page.locator('.side button:visible:not(.link), .side select:visible, .side input:visible').count()).toBe(0);
    expect(await page.locator('[data-testid="ranked-table"]').isVisible()).toBe(true);
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    // Bigger: the key's swatches by area, the side panel's text at least one and a half times.
    await expect.poll(async () => (await sizes(page)).swatch, { timeout: 30_000 }).toBeGreaterThan(normal.swatch * 2);
    expect((await sizes(page)).text).toBeGreaterThanOrEqual(normal.text * 1.5);
    await settled(page);
    await screenshot(page, 'presentation-slide');

    // A slide without a title of its own shows its view's title.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter(page)).toBe('2 / 3');
    await expect.poll(() => page.evaluate(() => window.location.search), { timeout: 30_000 }).toContain('tab=hotspots');
    await expect.poll(() => title(page), { timeout: 90_000 }).toContain('Leicester');
    expect(await announced(page)).toMatch(/^Slide 2 of 3: .*Leicester/);
    await settled(page);
    await screenshot(page, 'presentation-hotspots');

    await page.keyboard.press(' ');
    await expect.poll(() => counter(page)).toBe('3 / 3');
    expect(await title(page)).toBe(TITLE_3);
    const banner = page.locator('[data-testid="sample-banner"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('SAMPLE — synthetic data');
    await expect.poll(() => page.locator('.map-column').textContent(), { timeout: 60_000 }).toContain('SAMPLE — synthetic data');
    await expect.poll(() => page.locator('.side').textContent(), { timeout: 60_000 }).toContain('What residents put first');
    await settled(page);
    await screenshot(page, 'presentation-sample');

    // Past the last slide: an end screen, not the first slide again.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid="presentation-end"]').textContent()).toBe('End of presentation — press Escape to return');
    expect(await announced(page)).toBe('End of presentation — press Escape to return');
    await screenshot(page, 'presentation-end');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid="presentation-end"]').isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => counter(page)).toBe('3 / 3');
    await page.keyboard.press('Home');
    await expect.poll(() => counter(page)).toBe('1 / 3');
    // A click anywhere moves on.
    await page.mouse.click(700, 600);
    await expect.poll(() => counter(page)).toBe('2 / 3');
    await page.keyboard.press('End');
    await expect.poll(() => counter(page)).toBe('3 / 3');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => counter(page)).toBe('2 / 3');

    // Escape: the person's own view, exactly, and the page as it was.
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page)).toBe(false);
    await expect.poll(() => fullScreen(page)).toBeNull();
    expect(await page.locator('[data-testid="presentation"]').count()).toBe(0);
    await expect.poll(() => page.url()).toBe(own);
    expect(await page.locator('[data-testid="tab-areas"]').isVisible()).toBe(true);
    expect(await page.locator('#root').getAttribute('inert')).toBeNull();
    await waitForPanels(page);
    await expect.poll(async () => (await sizes(page)).swatch, { timeout: 30_000 }).toBe(normal.swatch);

    // The slides are still there after a reload; leaving full screen the browser's way ends the presentation too.
    await page.reload();
    await waitForPanels(page);
    await present.click();
    await expect.poll(() => counter(page), { timeout: 30_000 }).toBe('1 / 3');
    expect(await title(page)).toBe(TITLE_1);
    await expect.poll(() => fullScreen(page)).toBe('HTML');
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => presenting(page)).toBe(false);
    await expect.poll(() => page.url()).toBe(own);
  });
});
