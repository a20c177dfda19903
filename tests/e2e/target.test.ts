import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { screenshot, useAppPage } from './harness.ts';

const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const cwacWards = new Map(wards.features.filter((f) => f.properties?.lad_code === 'E06000050').map((f) => [f.properties!.code as string, f.properties!.name as string]));

describe('Where to target in Chromium', () => {
  const t = useAppPage();

  it('ranks Cheshire West and Chester’s wards for housing, each with a reason, and colours the map by need', async () => {
    await t.page.goto(`${t.app.url}?tab=target&place=E06000050&tt=housing`);
    const rows = t.page.locator('[data-testid="target-row"]');
    // Police records load, then the small-area and ward hot spot tests run (9,999 permutations each).
    await rows.first().waitFor({ timeout: 240_000 });
    expect(await rows.count()).toBe(10);
    await t.page.click('[data-testid="target-show-all"]');
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code') ?? ''));
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.every((c) => cwacWards.has(c))).toBe(true);
    const names = await t.page.locator('[data-testid="target-open"]').allTextContents();
    expect(names).toEqual(codes.map((c) => cwacWards.get(c)));
    const reasons = await t.page.locator('[data-testid="target-reason"]').allTextContents();
    expect(reasons).toHaveLength(codes.length);
    expect(reasons.every((r) => r.trim().length > 20)).toBe(true);
    expect(reasons[0]).toMatch(/^Highest housing score of \d+ wards in Cheshire West and Chester/);
    await expect(t.page.locator('[data-testid="target-method"]').textContent()).resolves.toContain('population-weighted');
    await expect(t.page.locator('[data-testid="target-legend"]').textContent()).resolves.toContain('Most in need');
    // The map shows the need classes of exactly these wards.
    await t.page.waitForFunction((first) => Boolean(window.__wardInsight?.fills()[first]), codes[0] ?? "", { timeout: 30_000 });
    const fills = await t.page.evaluate(() => window.__wardInsight?.fills() ?? {});
    expect(codes.every((c) => typeof fills[c] === 'string')).toBe(true);
    // At 1400×900 (the harness viewport) each row is a card whose reason fits inside the side panel, not off its right edge.
    await t.page.click('[data-testid="target-show-all"]');
    const panel = await t.page.locator('[data-testid="target-panel"]').boundingBox();
    const reason = await t.page.locator('[data-testid="target-reason"]').first().boundingBox();
    expect(panel && reason).toBeTruthy();
    expect(reason!.x + reason!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
    await expect(t.page.locator('[data-testid="target-row"]').first().textContent()).resolves.toMatch(/^\s*1\. .+ — housing score -?\d+\.\d\d \(highest need fifth\)/);
    await screenshot(t.page, 'target-housing-wards');
  }, 300_000);

  it('opens a ward’s profile from its row, with a Back button to the ranking', async () => {
    const first = t.page.locator('[data-testid="target-open"]').first();
    const name = await first.textContent();
    await first.click();
    const profile = t.page.locator('[data-testid="area-profile"]');
    await expect(profile.locator('h2').textContent({ timeout: 60_000 })).resolves.toBe(name);
    const back = t.page.getByRole('button', { name: /Back to Where to target/ });
    await back.waitFor({ timeout: 10_000 });
    await back.click();
    await t.page.locator('[data-testid="target-row"]').first().waitFor({ timeout: 60_000 });
    expect(t.page.url()).toContain('tab=target');
  }, 120_000);
});
