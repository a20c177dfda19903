import { describe, expect, it } from 'vitest';
import { screenshot, useAppPage, waitForPanels } from './harness.ts';

describe('England and authority views', () => {
  const t = useAppPage();

  it('loads England only when chosen and colours all 33,755 small areas', async () => {
    await t.page.goto(t.app.url);
    await waitForPanels(t.page);
    expect(t.app.requests.some((u) => u.includes('lsoa-england'))).toBe(false);
    await t.page.selectOption('[data-testid="place-select"]', 'england');
    await t.page.waitForFunction(() => window.__wardInsight?.recolours.some((r) => r.key.startsWith('england|')), null, {
      timeout: 90_000,
    });
    expect(t.app.requests.some((u) => u.includes('lsoa-england.geojson'))).toBe(true);
    const filled = await t.page.evaluate(() => Object.keys(window.__wardInsight!.fills()).length);
    expect(filled).toBe(33_755);
    // Decile counts in the key are England's: a tenth of LSOAs each (3,375 or 3,376).
    const counts = await t.page.locator('.legend-count').allTextContents();
    expect(counts.map((c) => Number(c.replace(/,/g, '')))).toSatisfy((xs: number[]) => xs.every((x) => x === 3375 || x === 3376));
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    await screenshot(t.page, '06-england-imd');

    // Choosing England's most deprived small area in the table brings it into view.
    const before = await t.page.evaluate(() => window.__wardInsight!.zoom!());
    await t.page.locator('[data-testid="ranked-table"] tbody tr').first().click();
    await t.page.waitForFunction((z) => window.__wardInsight!.zoom!() > z + 3, before, { timeout: 30_000 });
    await expect(t.page.locator('[data-testid="area-profile"] h2').textContent({ timeout: 60_000 })).resolves.toBe('Tendring 018A');
    // Zoomed in, England's ward names appear.
    await expect.poll(() => t.page.evaluate(() => window.__wardInsight?.labels?.('areas') ?? []), { timeout: 30_000 }).toContain('West Clacton & Jaywick Sands');
    // Its ward link switches the map to wards.
    await t.page.locator('[data-testid="area-profile"] .profile-meta button.link').click();
    await t.page.waitForFunction(() => new URLSearchParams(location.search).get('level') === 'ward');
    // The small area's profile stays on screen (marked busy) until the ward's has loaded.
    await expect.poll(() => t.page.locator('[data-testid="area-profile"] h2').textContent(), { timeout: 60_000 }).toBe('West Clacton & Jaywick Sands');
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    await screenshot(t.page, '06b-england-ward-zoomed');
  });

  it('tells Wigan users there is no street-level police data instead of showing zeros', async () => {
    await t.page.goto(`${t.app.url}?place=E08000010&level=ward&indicator=iod25_crime&method=deciles&area=E05015004`);
    await waitForPanels(t.page);
    const profile = t.page.locator('[data-testid="area-profile"]');
    await profile.waitFor({ timeout: 60_000 });
    await expect(profile.textContent()).resolves.toMatch(/No street-level police data is available for Wigan/);
    await screenshot(t.page, '07-wigan-ward-profile');
  });

  it('opens a profile from the ranked table with the keyboard alone', async () => {
    await t.page.goto(`${t.app.url}?place=E09000021&level=lsoa&indicator=iod25_housing_services&method=jenks`);
    await waitForPanels(t.page);
    // From the search box, one Tab reaches the table; arrows move; Enter opens.
    await t.page.getByLabel('Find an area').focus();
    await t.page.keyboard.press('Tab');
    const rows = t.page.locator('[data-testid="ranked-table"] tbody tr');
    expect(await rows.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await t.page.keyboard.press('ArrowDown');
    await t.page.keyboard.press('ArrowDown');
    const third = (await rows.nth(2).locator('th').textContent())!;
    await t.page.keyboard.press('Enter');
    const profile = t.page.locator('[data-testid="area-profile"] h2');
    await profile.waitFor({ timeout: 60_000 });
    expect(third.startsWith((await profile.textContent())!)).toBe(true);
    expect(await rows.nth(2).getAttribute('aria-current')).toBe('true');
    expect(await t.page.locator('.legend-subtitle').textContent()).toContain('Kingston upon Thames');
    expect(await t.page.locator('.legend-note').first().textContent()).toMatch(/natural gaps/);
    await screenshot(t.page, '08-kingston-housing-jenks');
    // Focus moved into the opened profile; Escape closes it and returns focus to the row.
    await expect.poll(() => profile.evaluate((el) => el === document.activeElement), { timeout: 30_000 }).toBe(true);
    await t.page.keyboard.press('Escape');
    await t.page.locator('[data-testid="area-profile"]').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => rows.nth(2).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(t.page.url()).not.toContain('area=');
  });

  it("describes Norbiton ward in plain English", async () => {
    await t.page.goto(`${t.app.url}?place=E09000021&level=ward&indicator=iod25_housing_services&method=deciles&area=E05013941`);
    await waitForPanels(t.page);
    const profile = t.page.locator('[data-testid="area-profile"]');
    await profile.locator('.sentences').waitFor({ timeout: 60_000 });
    expect(await profile.locator('h2').textContent()).toBe('Norbiton');
    expect(await profile.locator('.sentences li').first().textContent()).toMatch(
      /^\d+ of Norbiton's \d+ small areas (?:is|are) among the 20% most deprived in England for overall deprivation/,
    );
    await t.page.evaluate(() => window.__wardInsight?.whenIdle?.());
    await screenshot(t.page, '09-norbiton-ward');
  });
});
