import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, screenshot, useAppPage, waitForPanels } from './harness.ts';

/*
 * A person builds a presentation from three views (the default map, Leicester's
 * wards on another measure, Leicester's safety hot spots), orders it, removes
 * and restores a slide, finds it again after a reload, and downloads the
 * handout as a PDF.
 */
const LEICESTER_WARDS = '?place=E06000016&level=ward&indicator=iod25_income&method=quantiles';
const HOTSPOTS = '?place=E06000016&level=lsoa&tab=hotspots&hotspot=safety';
const TITLES = ['Deprivation across the five areas', 'Income deprivation in Leicester’s wards', 'Where safety is a hot spot in Leicester'];
const NOTE = 'Start with the big picture, then zoom in on Leicester.';
const NOTE_3 = 'Compare with the hot spots: the same wards in the east?';

const rowTitles = (page: Page) => page.locator('[data-testid="slides-dialog"] [data-testid="slide-title"]').allTextContents();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/** "Add to presentation" on the view on screen, with a title (and a note). */
async function addSlide(page: Page, title: string, note = '', shot = ''): Promise<string> {
  await page.locator('[data-testid="add-slide-button"]').click();
  const dialog = page.getByRole('dialog', { name: 'Add this view as a slide' });
  const input = dialog.getByLabel('Title');
  // Prefilled with the view's own title ("Low income (IoD 2025 score) — Leicester"), once the map has drawn it.
  await expect.poll(() => input.inputValue(), { timeout: 60_000 }).toMatch(/^.+ — .+$/);
  const prefilled = await input.inputValue();
  await input.fill(title);
  if (note) await dialog.getByLabel('Note (optional)').fill(note);
  if (shot) await screenshot(page, shot);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.count()).resolves.toBe(0);
  return prefilled;
}

function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

describe('Add to presentation, the slide list and the handout in Chromium, production build', () => {
  const t = useAppPage();

  it('adds three views as slides, reorders, removes and undoes, keeps them after a reload, and downloads a three-page handout', async () => {
    const { page } = t;
    await page.goto(t.app.url);
    await waitForPanels(page);
    await expect.poll(() => page.locator('[data-testid="slides-button"]').textContent()).toBe('Slides (0)');

    // Escape closes the popover without adding anything, and the focus goes back to the button.
    await page.locator('[data-testid="add-slide-button"]').click();
    await page.getByRole('dialog', { name: 'Add this view as a slide' }).waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Add this view as a slide' }).count()).resolves.toBe(0);
    expect(await focused(page)).toBe('Add to presentation');

    // A press elsewhere on the page puts it away too.
    await page.locator('[data-testid="add-slide-button"]').click();
    await page.getByRole('dialog', { name: 'Add this view as a slide' }).waitFor();
    await page.mouse.click(60, 22);
    await expect.poll(() => page.getByRole('dialog', { name: 'Add this view as a slide' }).count()).toBe(0);
    expect(await page.locator('[data-testid="slides-button"]').textContent()).toBe('Slides (0)');

    const ownTitle = await addSlide(page, TITLES[0]!, NOTE, 'presentation-add-slide');
    expect(ownTitle).toBe('Overall deprivation (IMD 2025 score) — all five areas');
    const status = page.locator('[data-testid="add-slide-status"]');
    await expect.poll(() => status.textContent()).toContain('Added as slide 1 of 1.');
    expect(await focused(page)).toBe('Add to presentation');

    await page.goto(`${t.app.url}${LEICESTER_WARDS}`);
    await waitForPanels(page);
    await addSlide(page, TITLES[1]!);
    await expect.poll(() => status.textContent()).toContain('Added as slide 2 of 2.');

    await page.goto(`${t.app.url}${HOTSPOTS}`);
    expect(await addSlide(page, TITLES[2]!)).toBe('Safety theme score — Leicester');
    await expect.poll(() => status.textContent()).toContain('Added as slide 3 of 3.');
    await expect.poll(() => page.locator('[data-testid="slides-button"]').textContent()).toBe('Slides (3)');

    // "Manage slides" opens the list, in the order added, each with its view in words.
    await status.getByRole('button', { name: 'Manage slides' }).click();
    const dialog = page.locator('[data-testid="slides-dialog"]');
    await dialog.waitFor();
    expect(await rowTitles(page)).toEqual(TITLES);
    const views = await dialog.locator('[data-testid="slide-view"]').allTextContents();
    expect(views[0]).toMatch(/^Official statistics: .+, small areas in all five areas$/);
    expect(views[1]).toMatch(/^Official statistics: .*[Ii]ncome.*, wards in Leicester$/);
    expect(views[2]).toBe('Hotspots: hot spots of safety, small areas in Leicester');
    expect(await dialog.locator('[data-testid="slide-note"]').allTextContents()).toEqual([`Note: ${NOTE}`]);

    // Slide 3 up: it is slide 2 now, and the focus went with it.
    await dialog.getByRole('button', { name: 'Move slide 3 up' }).click();
    expect(await rowTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1]]);
    expect(await focused(page)).toBe('Move slide 2 up');
    // The keyboard works the same: Enter on the focused button moves it again.
    await page.keyboard.press('Enter');
    expect(await rowTitles(page)).toEqual([TITLES[2], TITLES[0], TITLES[1]]);
    expect(await focused(page)).toBe('Move slide 1 down');
    await page.keyboard.press('Enter');
    expect(await rowTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1]]);

    // Remove the first slide, then Undo puts it back where it was.
    await dialog.getByRole('button', { name: 'Remove slide 1' }).click();
    expect(await rowTitles(page)).toEqual([TITLES[2], TITLES[1]]);
    await expect.poll(() => dialog.locator('[data-testid="slides-undo-status"]').textContent()).toContain(`Removed slide 1, “${TITLES[0]}”.`);
    expect(await focused(page)).toBe('Undo');
    await dialog.getByRole('button', { name: 'Undo' }).click();
    expect(await rowTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1]]);
    await screenshot(page, 'presentation-slides-dialog');

    // Kept in the browser: after a reload the slides are there, in the new order.
    await page.goto(`${t.app.url}?place=E09000021&level=lsoa`);
    await waitForPanels(page);
    const own = new URL(page.url()).search;
    await page.locator('[data-testid="slides-button"]').click();
    await dialog.waitFor();
    expect(await rowTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1]]);

    // Edit a note in the list; Escape in the edit form cancels the edit, not the dialog.
    await dialog.getByRole('button', { name: 'Edit title and note of slide 3' }).click();
    const row3 = dialog.locator('[data-testid="slide-row"]').nth(2);
    await row3.getByLabel('Note (optional)').fill('This will be cancelled');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await row3.locator('[data-testid="slide-note"]').count()).toBe(0);
    expect(await focused(page)).toBe('Edit title and note of slide 3');
    await page.keyboard.press('Enter');
    await row3.getByLabel('Note (optional)').fill(NOTE_3);
    await row3.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row3.locator('[data-testid="slide-note"]').textContent()).toBe(`Note: ${NOTE_3}`);
    expect(await rowTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1]]);

    // The handout: a page per slide, each drawn from its own view, then the person's view comes back.
    const started = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), dialog.getByRole('button', { name: 'Download handout (PDF)' }).click()]);
    const path = (await dl.path())!;
    const wallMs = Date.now() - started;
    expect(dl.suggestedFilename()).toMatch(/^ward-insight-presentation-handout-\d{4}-\d{2}-\d{2}\.pdf$/);
    const handoutStatus = dialog.locator('[data-testid="handout-status"]');
    await expect.poll(() => handoutStatus.textContent(), { timeout: 30_000 }).toMatch(/^Saved .+\.pdf \(3 pages, [\d.]+ (KB|MB)\)\.$/);
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe(own);

    const pageMs = Number(await handoutStatus.getAttribute('data-ms'));
    const bytes = statSync(path).size;
    const info = pdfInfo(path);
    expect(info.Pages).toBe('3');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const title of TITLES) expect(text).toContain(title);
    expect(text).toContain('Slide 1 of 3');
    expect(text).toContain('Page 3 of 3');
    expect(text).toContain(NOTE);
    expect(text).toContain(NOTE_3);
    // In the list's order: the hot spots slide moved up to be slide 2.
    expect(text.indexOf(TITLES[0]!)).toBeLessThan(text.indexOf(TITLES[2]!));
    expect(text.indexOf(TITLES[2]!)).toBeLessThan(text.indexOf(TITLES[1]!));
    expect(text).toContain('Hotspots: hot spots of safety, small areas in Leicester');

    // Page 1 is not blank: much of it is the map (not white), and the map has its colours.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'wi-handout-'));
    execFileSync('pdftoppm', ['-r', '60', '-png', path, join(dir, 'p')]);
    for (const n of [1, 2, 3]) copyFileSync(join(dir, `p-${n}.png`), join(SCREENSHOTS, `presentation-handout-p${n}.png`));
    const png = PNG.sync.read(readFileSync(join(dir, 'p-1.png')));
    let coloured = 0;
    let inked = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r + g + b < 3 * 250) inked++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
    }
    expect(inked / (png.width * png.height)).toBeGreaterThan(0.25);
    expect(coloured / (png.width * png.height)).toBeGreaterThan(0.001);

    // Cancel part-way: no file, and the person's own view comes back.
    await dialog.getByRole('button', { name: 'Download handout (PDF)' }).click();
    await expect.poll(() => dialog.locator('[data-testid="handout-progress"]').textContent()).toMatch(/^Making the handout: slide \d of 3…$/);
    await screenshot(page, 'presentation-handout-progress');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => handoutStatus.textContent(), { timeout: 30_000 }).toBe('Cancelled: no file was saved. Your own view is back on the map.');
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe(own);

    // "Present from here" starts presentation mode at that slide; Escape gives the view back.
    await dialog.getByRole('button', { name: 'Present from slide 2' }).click();
    await expect.poll(() => page.locator('[data-testid="presentation-counter"]').textContent()).toBe('2 / 3');
    expect(await page.locator('[data-testid="presentation-title"]').textContent()).toBe(TITLES[2]);
    expect(await dialog.count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="presentation"]').count()).toBe(0);
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe(own);

    // "Show this view" puts a slide's view on the map.
    await page.locator('[data-testid="slides-button"]').click();
    await dialog.getByRole('button', { name: 'Show the view of slide 2' }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('tab=hotspots');
    expect(await focused(page)).toBe('Slides (3)');

    console.log(`handout: 3 slides in ${pageMs} ms in the page (${wallMs} ms click to file), ${Math.round(bytes / 1000)} KB`);
  }, 400_000);

  it('fits a 360 px phone: the popover and the slide list stay on screen', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${t.app.url}?place=E06000016&level=ward`);
    await page.locator('[data-testid="add-slide-button"]').click();
    const popover = page.getByRole('dialog', { name: 'Add this view as a slide' });
    await popover.waitFor();
    const box = (await popover.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'presentation-add-slide-360');
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="slides-button"]').click();
    const dialog = page.locator('[data-testid="slides-dialog"]');
    await dialog.waitFor();
    const d = (await dialog.boundingBox())!;
    expect(d.x).toBeGreaterThanOrEqual(0);
    expect(d.x + d.width).toBeLessThanOrEqual(360);
    // Nothing inside is wider than the dialog (no sideways scrolling).
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, 'presentation-slides-dialog-360');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  }, 120_000);

  it('says which slide failed when a view cannot be drawn, and gives the person their own view back', async () => {
    const { page } = t;
    await page.setViewportSize({ width: 1400, height: 900 });
    // England's wards cannot be fetched (as on a dropped connection), so slide 2 cannot be drawn.
    await page.route('**/data/geo/*-england.geojson', (route) => route.abort());
    const slides = [
      { id: 'five', title: 'The five areas', note: '', view: '?place=five&level=ward', addedAt: '2026-12-01T10:00:00.000Z' },
      { id: 'england', title: 'All of England', note: '', view: '?place=england&level=ward', addedAt: '2026-12-01T10:01:00.000Z' },
    ];
    await page.goto(`${t.app.url}?place=E09000021&level=ward`);
    await page.evaluate((value) => localStorage.setItem('ward-insight.presentation', value), JSON.stringify({ v: 1, slides }));
    await page.goto(`${t.app.url}?place=E09000021&level=ward`);
    await waitForPanels(page);
    const own = new URL(page.url()).search;
    await page.locator('[data-testid="slides-button"]').click();
    const dialog = page.locator('[data-testid="slides-dialog"]');
    expect(await rowTitles(page)).toEqual(['The five areas', 'All of England']);
    await dialog.getByRole('button', { name: 'Download handout (PDF)' }).click();
    const error = dialog.locator('[data-testid="handout-error"]');
    await expect.poll(() => error.textContent(), { timeout: 60_000 }).toMatch(/^The handout could not be made\. Slide 2, “All of England”, could not be drawn: .+ Your own view is back on the map(\.|; you can try again\.)$/);
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe(own);
    expect(await dialog.getByRole('button', { name: 'Download handout (PDF)' }).isEnabled()).toBe(true);
    await screenshot(page, 'presentation-handout-error');
    await page.unroute('**/data/geo/*-england.geojson');
  }, 120_000);
});
