import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { useAppPage } from './harness.ts';
import { serializeSession } from '../../src/session/url.ts';
import { DEFAULT_SESSION } from '../../src/session/document.ts';

const root = resolve(import.meta.dirname, '..', '..');
const wards = JSON.parse(readFileSync(resolve(root, 'data/geo/ward-five.geojson'), 'utf8')) as FeatureCollection;
const cwac = wards.features
  .filter((f) => f.properties?.lad_code === 'E06000050')
  .map((f) => ({ code: f.properties!.code as string, name: f.properties!.name as string }))
  .sort((a, b) => (a.code < b.code ? -1 : 1))
  .slice(0, 4);

describe('a locality’s profile in Chromium', () => {
  const t = useAppPage();

  it('shows every ward section, its wards, and theme hot-spot counts; a ward link selects the ward; Escape closes it', async () => {
    const session = {
      ...DEFAULT_SESSION,
      place: 'E06000050',
      level: 'locality' as const,
      area: 'Ltest01',
      tab: 'areas' as const,
      localities: [{ id: 'Ltest01', name: 'Chester villages', wards: cwac.map((w) => w.code), lsoas: [] }],
    };
    await t.page.goto(`${t.app.url}?${serializeSession(session)}`);
    const profile = t.page.locator('[data-testid="area-profile"]');
    await expect(profile.locator('h2').textContent({ timeout: 90_000 })).resolves.toBe('Chester villages');
    // Focus moved into the profile, to its heading.
    await t.page.waitForFunction(() => document.activeElement?.id === 'profile-title', null, { timeout: 10_000 });
    const meta = await profile.locator('.profile-meta').textContent();
    expect(meta).toContain('Locality');
    expect(meta).toContain('Cheshire West and Chester');
    expect(meta).toMatch(/\d+ small areas and 4 wards/);
    expect(await profile.locator('[data-testid="profile-domains"] tbody tr').count()).toBe(8);
    expect(await profile.locator('.sentences li').first().textContent()).toMatch(/of Chester villages' \d+ small areas (is|are) among/);
    const wardRows = profile.locator('[data-testid="locality-ward-table"] tbody tr');
    expect(await wardRows.count()).toBe(4);
    // Every small area names its ward.
    const smallAreas = profile.locator('[data-testid="locality-small-areas"] tbody tr');
    const wardNames = await smallAreas.locator('td:first-of-type').allTextContents();
    expect(wardNames.length).toBeGreaterThan(4);
    expect(wardNames.every((n) => cwac.some((w) => w.name === n))).toBe(true);
    // Each theme says how many of its small areas and wards are hot or cold spots.
    const themes = profile.locator('[data-testid="locality-theme-scores"] tbody tr');
    await themes.first().waitFor({ timeout: 240_000 });
    expect(await themes.count()).toBe(3);
    for (const text of await themes.locator('td:last-child').allTextContents()) {
      expect(text).toMatch(/^Of its \d+ small areas, \d+ (is a hot spot|are hot spots) for \w+/);
      expect(text).toContain('of its 4 wards');
    }
    // A ward in the list opens that ward.
    const firstName = (await wardRows.first().locator('button').textContent())!;
    const first = cwac.find((w) => w.name === firstName)!;
    await wardRows.first().locator('button').click();
    await expect(profile.locator('h2').filter({ hasText: first.name }).textContent({ timeout: 30_000 })).resolves.toBe(first.name);
    expect(new URL(t.page.url()).searchParams.get('area')).toBe(first.code);
    await t.page.waitForFunction(() => document.activeElement?.id === 'profile-title', null, { timeout: 10_000 });
    await t.page.keyboard.press('Escape');
    await profile.waitFor({ state: 'detached', timeout: 10_000 });
    expect(new URL(t.page.url()).searchParams.get('area')).toBeNull();
  }, 400_000);
});
