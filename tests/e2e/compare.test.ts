import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useAppPage } from './harness.ts';

const root = resolve(import.meta.dirname, '..', '..');
const BLACON = 'E05012209';
const LACHE = 'E05012221';

/** Small areas of a ward in England's most deprived 10 % for a domain, counted straight from the built-in files. */
function countIn10pct(ward: string, domain: string): number {
  const areas = tableFromIPC(readFileSync(resolve(root, 'data/tables/areas.arrows')));
  const iod = tableFromIPC(readFileSync(resolve(root, 'data/tables/iod2025.arrows')));
  const codes = new Set<string>();
  for (const row of areas) if (row.level === 'lsoa' && row.ward_code === ward) codes.add(String(row.code));
  let n = 0;
  for (const row of iod) if (codes.has(String(row.lsoa_code)) && Number(row[`${domain}_decile`]) === 1) n++;
  return n;
}

/** A picture of the whole compare panel, however far it runs below the fold. */
async function panelShot(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="compare-panel"]').screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** The comparison table fits its panel, or says it scrolls and keeps the measure column in view. */
async function tableLayout(page: Page) {
  return page.locator('[data-testid="compare-table-scroll"]').evaluate((el) => {
    const table = el.querySelector('table')!;
    const clipped = [...table.querySelectorAll('thead th')].filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent);
    return { fits: el.scrollWidth <= el.clientWidth + 1, clipped, width: el.clientWidth, tableWidth: table.scrollWidth };
  });
}

describe('Compare, production build', () => {
  const t = useAppPage();

  it('shows two Cheshire West and Chester wards side by side with the real counts', async () => {
    await t.page.goto(`${t.app.url}?tab=compare&place=E06000050&cmp=${BLACON}.${LACHE}`);
    const table = t.page.locator('[data-testid="compare-table"]');
    await table.waitFor({ timeout: 120_000 });
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
    expect(headers.slice(1)).toEqual(['Blacon', 'Lache', 'Cheshire West and Chester for reference', 'England for reference']);
    // At 1400 × 900 the table fits the side panel: no sideways scroll, no heading cut off.
    expect(await tableLayout(t.page)).toMatchObject({ fits: true, clipped: [] });
    expect(await t.page.locator('[data-testid="compare-scroll-hint"]').count()).toBe(0);
    // The profile's domain names, and England's empty cells say why.
    expect(await table.locator('tbody .group-row th').allTextContents()).toEqual(expect.arrayContaining(['Low income', 'People out of work', 'Poor health and disability']));
    expect((await table.locator('tr[data-row="crime-rate"] td').allTextContents()).at(-1)).toMatch(/^— \(.+\)$/);
    const blacon = countIn10pct(BLACON, 'income');
    const lache = countIn10pct(LACHE, 'income');
    const income = await table.locator('tr[data-row="income-10"] td').allTextContents();
    expect(income.slice(0, 2)).toEqual([String(blacon), String(lache)]);
    // Every measure has its source line.
    expect(await table.locator('tbody tr[data-row]').count()).toBe(await table.locator('tbody tr[data-row] .source').count());
    const imdB = countIn10pct(BLACON, 'imd');
    const imdL = countIn10pct(LACHE, 'imd');
    const words = (n: number, first: boolean) => (n === 0 ? (first ? 'no small areas' : 'none') : first ? `${n} small area${n === 1 ? '' : 's'}` : String(n));
    const [hi, lo] = imdB >= imdL ? [['Blacon', imdB], ['Lache', imdL]] as const : [['Lache', imdL], ['Blacon', imdB]] as const;
    const sentences = await t.page.locator('[data-testid="compare-sentences"] li').allTextContents();
    if (imdB !== imdL) {
      expect(sentences).toContain(`${hi[0]} has ${words(hi[1], true)} in England's most deprived 10 % for overall deprivation; ${lo[0]} has ${words(lo[1], false)}.`);
    }
    expect(sentences.some((s) => /police-recorded crimes per 1,000 residents over the 4 months with data: Jan–Apr 2024/.test(s))).toBe(true);
    // One small chart per domain, one bar per column in each.
    expect(await t.page.locator('[data-testid="compare-chart"] figure').count()).toBe(8);
    expect(await t.page.locator('[data-testid="compare-chart"] figure').first().locator('rect.compare-bar').count()).toBe(4);
    const chart = t.page.locator('[data-testid="compare-chart"]');
    expect(await chart.locator('.chart-caption').textContent()).toContain('further right = more deprived');
    // Every bar starts at the zero line: a negative score runs left of it, a positive one right.
    const bars = await chart.locator('figure').evaluateAll((figures) =>
      figures.flatMap((f) => {
        const zero = Number(f.querySelector('line.compare-zero')!.getAttribute('x1'));
        return [...f.querySelectorAll('g[data-area]')].flatMap((g) => {
          const rect = g.querySelector('rect.compare-bar');
          if (!rect) return [];
          const x = Number(rect.getAttribute('x'));
          const w = Number(rect.getAttribute('width'));
          return [{ value: Number(g.querySelector('.compare-bar-value')!.textContent!.replace('−', '-')), left: x - zero, right: x + w - zero, title: g.querySelector('title')!.textContent }];
        });
      }),
    );
    expect(bars.some((b) => b.value < 0)).toBe(true);
    for (const b of bars) {
      if (b.value < 0) expect([b.right, b.left < 0]).toEqual([expect.closeTo(0, 0), true]);
      else expect(Math.abs(b.left)).toBeLessThan(0.6);
    }
    expect(bars.some((b) => b.title?.startsWith('Cheshire West and Chester: '))).toBe(true);
    // The download is named after the areas and holds codes, not locality ids, rounded.
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.locator('[data-testid="compare-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('compare-blacon-lache.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`Blacon (${BLACON})`);
    expect(csv).not.toMatch(/\d\.\d{4}/);
    await panelShot(t.page, 'compare-blacon-lache');

    // On a phone-sized screen the table either fits or says it scrolls, and the measure column stays put.
    await t.page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => (await tableLayout(t.page)).width, { timeout: 10_000 }).toBeLessThan(360);
    const narrow = await tableLayout(t.page);
    expect(narrow.clipped).toEqual([]);
    if (!narrow.fits) {
      await t.page.locator('[data-testid="compare-scroll-hint"]').waitFor({ timeout: 5_000 });
      const scroller = t.page.locator('[data-testid="compare-table-scroll"]');
      const firstCell = table.locator('tr[data-row="income-10"] th');
      const before = (await firstCell.boundingBox())!.x;
      await scroller.evaluate((el) => el.scrollBy(120, 0));
      expect((await firstCell.boundingBox())!.x).toBeCloseTo(before, 0);
      await scroller.evaluate((el) => el.scrollTo(0, 0));
    }
    await panelShot(t.page, 'compare-blacon-lache-360');
    await t.page.setViewportSize({ width: 1400, height: 900 });
  }, 180_000);

  it('removes and adds areas with the keyboard, saying what to do with fewer than two', async () => {
    await t.page.getByRole('button', { name: 'Remove Lache from the comparison' }).click();
    await expect(t.page.locator('[data-testid="compare-empty"]').textContent()).resolves.toBe('Choose two to five wards or localities to compare.');
    expect(t.page.url()).toContain(`cmp=${BLACON}`);
    const add = t.page.locator('[data-testid="compare-add"]');
    await add.getByLabel('Find a ward to add').fill('Lache');
    await add.locator(`button[data-code="${LACHE}"]`).focus();
    await t.page.keyboard.press('Enter');
    await t.page.locator('[data-testid="compare-table"]').waitFor({ timeout: 120_000 });
    expect(t.page.url()).toContain(`cmp=${BLACON}.${LACHE}`);
  }, 180_000);
});
