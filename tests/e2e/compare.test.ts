import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { screenshot, useAppPage } from './harness.ts';

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

describe('Compare, production build', () => {
  const t = useAppPage();

  it('shows two Cheshire West and Chester wards side by side with the real counts', async () => {
    await t.page.goto(`${t.app.url}?tab=compare&place=E06000050&cmp=${BLACON}.${LACHE}`);
    const table = t.page.locator('[data-testid="compare-table"]');
    await table.waitFor({ timeout: 120_000 });
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(['Blacon', 'Lache', 'Cheshire West and Chester (for reference)', 'England (for reference)']);
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
    await screenshot(t.page, 'compare-blacon-lache');
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
