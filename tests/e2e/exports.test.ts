import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import readXlsxFile from 'read-excel-file/node';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, screenshot, useAppPage, waitForPanels } from './harness.ts';

/** Press a download button; the saved file's path and suggested name. */
async function download(page: Page, button: Locator): Promise<{ path: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { path: (await dl.path())!, name: dl.suggestedFilename() };
}

/** A number as the screen writes it ("1,204", "35.2%", "0.412") back to a number, and how far rounding can move it. */
function screenNumber(text: string): { value: number; tolerance: number } {
  const clean = text.replace(/[,%]/g, '').trim();
  const decimals = clean.includes('.') ? clean.split('.')[1]!.length : 0;
  return { value: Number(clean), tolerance: 0.5 * 10 ** -decimals + 1e-9 };
}

/** Keep a copy of an exported file for people to look at. */
function keep(path: string, name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const to = join(SCREENSHOTS, name);
  copyFileSync(path, to);
  return to;
}

describe('tables and charts leave the screen as CSV, Excel, SVG and PNG', () => {
  const t = useAppPage();

  it('downloads the ranked table as Excel with a cover sheet and the numbers on screen, and the CSV holds the same numbers', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=lsoa&indicator=iod25_housing_services&method=jenks`);
    await waitForPanels(t.page);
    const table = t.page.locator('[data-testid="ranked-table"]');
    const caption = (await table.locator('caption').textContent())!;
    // What a person reads: position, name, code, ward, value, group — for every row on screen.
    const screen = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.children].map((c) => c as HTMLElement);
        const code = cells[1]!.querySelector('.code')?.textContent ?? '';
        return { position: cells[0]!.textContent!, name: cells[1]!.textContent!.slice(0, -code.length || undefined), code, ward: cells[2]!.textContent!, value: cells[3]!.textContent!, group: cells[4]!.textContent!.trim() };
      }),
    );
    expect(screen.length).toBe(100);

    const group = t.page.getByRole('group', { name: 'Download the ranked table' });
    const xlsx = await download(t.page, group.getByRole('button', { name: 'Download the ranked table as Excel (.xlsx)' }));
    expect(xlsx.name).toMatch(/^ward-insight-ranked-iod25-housing-services-small-areas-leicester-\d{4}-\d{2}-\d{2}\.xlsx$/);
    keep(xlsx.path, 'exports-ranked-table.xlsx');
    const sheets = await readXlsxFile(xlsx.path);
    expect(sheets.map((s) => s.sheet)).toEqual(['About this table', 'Data']);
    const cover = sheets[0]!.data;
    expect(cover[0]![0]).toBe(caption);
    const coverText = cover.map((r) => r.filter((c) => c !== null).join(' ')).join('\n');
    expect(coverText).toMatch(/Sources and licences .*(Ministry of Housing|MHCLG)/);
    expect(coverText).toContain('Open Government Licence');
    expect(coverText).toMatch(/What this is .*Leicester/);
    expect(coverText).toMatch(/Made \d{1,2} \w+ \d{4}/);
    expect(coverText).not.toContain('SAMPLE');

    const [header, ...rows] = sheets[1]!.data;
    expect(header).toEqual(['Position', 'Small area', 'Small area code', 'Ward', 'Barriers to housing and services (IoD 2025 score)', 'Group on map']);
    // All 200 small areas of Leicester, in the table's order (the screen shows the first 100, then "Show 100 more of 200").
    await expect(t.page.getByRole('button', { name: 'Show 100 more of 200' }).count()).resolves.toBe(1);
    expect(rows.length).toBe(200);
    screen.forEach((s, i) => {
      const r = rows[i]!;
      expect(r[0]).toBe(Number(s.position));
      expect(r[1]).toBe(s.name);
      expect(r[2]).toBe(s.code);
      expect(r[3]).toBe(s.ward);
      expect(typeof r[4]).toBe('number');
      const shown = screenNumber(s.value);
      expect(Math.abs((r[4] as number) - shown.value)).toBeLessThanOrEqual(shown.tolerance);
      expect(r[5]).toBe(s.group);
    });

    const csv = await download(t.page, group.getByRole('button', { name: 'Download the ranked table as CSV' }));
    expect(csv.name).toBe(xlsx.name.replace(/\.xlsx$/, '.csv'));
    const text = readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = csvParse(text.slice(1));
    expect(parsed.columns).toEqual(header);
    expect(parsed.length).toBe(rows.length);
    parsed.forEach((p, i) => {
      const r = rows[i]!;
      expect(p['Small area code']).toBe(r[2]);
      // The same value, to the last digit.
      expect(Number(p[parsed.columns[4]!])).toBe(r[4]);
      expect(Number(p.Position)).toBe(r[0]);
    });
  });

  it('saves a profile’s chart as a well-formed SVG with its title and source, and as a PNG that is not blank', async () => {
    const table = t.page.locator('[data-testid="ranked-table"]');
    await table.locator('tbody tr').first().click();
    const profile = t.page.locator('[data-testid="area-profile"]');
    await profile.locator('[data-testid="profile-domains"]').waitFor({ timeout: 60_000 });
    const name = (await profile.locator('h2').textContent())!;
    await profile.getByRole('group', { name: 'Download the deprivation table' }).scrollIntoViewIfNeeded();
    await screenshot(t.page, 'exports-profile-downloads');
    const charts = profile.getByRole('group', { name: /^Download chart “Deprivation scores/ });
    const svg = await download(t.page, charts.getByRole('button', { name: /as SVG$/ }));
    expect(svg.name).toMatch(/^ward-insight-deprivation-domains-.+-\d{4}-\d{2}-\d{2}\.svg$/);
    keep(svg.path, 'exports-profile-chart.svg');
    const text = readFileSync(svg.path, 'utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    const parsed = await t.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: root.localName,
        ns: root.namespaceURI,
        title: root.querySelector(':scope > title')?.textContent ?? null,
        texts: [...root.querySelectorAll('text')].map((e) => e.textContent ?? ''),
        viewBox: root.getAttribute('viewBox'),
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        classes: root.querySelectorAll('[class]').length,
        styled: [...root.querySelectorAll('circle')].map((c) => (c as SVGElement).style.fill),
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.title).toContain(`Deprivation scores: ${name}`);
    // The title is drawn above the chart and the source under it.
    expect(parsed.texts.some((s) => s.startsWith('Deprivation scores:'))).toBe(true);
    expect(parsed.texts.join(' ')).toContain('English Indices of Deprivation 2025');
    expect(parsed.viewBox).toMatch(/^0 -?[\d.]+ [\d.]+ [\d.]+$/);
    // The CSS-class colours travel with the file: every mark has its own fill.
    expect(parsed.styled.length).toBeGreaterThan(0);
    expect(parsed.styled.every((f) => f !== '')).toBe(true);

    const png = await download(t.page, charts.getByRole('button', { name: /as PNG$/ }));
    expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
    keep(png.path, 'exports-profile-chart.png');
    const image = PNG.sync.read(readFileSync(png.path));
    expect(image.width).toBe(Math.round(parsed.width * 2));
    expect(image.height).toBe(Math.round(parsed.height * 2));
    let inked = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 200 || image.data[i + 1]! < 200 || image.data[i + 2]! < 200) inked++;
    // Text, lines and marks: well over 1 % of the image, and far from all of it.
    expect(inked / (image.width * image.height)).toBeGreaterThan(0.01);
    expect(inked / (image.width * image.height)).toBeLessThan(0.5);
  });

  it('saves the crime tab’s monthly chart as SVG with a title', async () => {
    await t.page.goto(`${t.app.url}?place=E06000016&level=ward&tab=crime`);
    const charts = t.page.getByRole('group', { name: /^Download chart “Crimes by month in Leicester/ });
    await charts.waitFor({ timeout: 90_000 });
    const svg = await download(t.page, charts.getByRole('button', { name: /as SVG$/ }));
    keep(svg.path, 'exports-crime-chart.svg');
    const text = readFileSync(svg.path, 'utf8');
    const ok = await t.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return doc.getElementsByTagName('parsererror').length === 0 && (doc.documentElement.querySelector(':scope > title')?.textContent ?? '');
    }, text);
    expect(ok).toBe('Crimes by month in Leicester');
    expect(text).toContain('data.police.uk');
    expect(statSync(svg.path).size).toBeGreaterThan(2000);
  });

  it('writes all 33,755 of England’s small areas to one Excel file', async () => {
    await t.page.goto(`${t.app.url}?place=england&level=lsoa`);
    await t.page.waitForFunction(() => window.__wardInsight?.recolours.some((r) => r.key.startsWith('england|')), null, { timeout: 120_000 });
    await expect.poll(() => t.page.getByRole('button', { name: /^Show 100 more of 33,755$/ }).count(), { timeout: 60_000 }).toBe(1);
    const started = Date.now();
    const xlsx = await download(t.page, t.page.getByRole('button', { name: 'Download the ranked table as Excel (.xlsx)' }));
    const ms = Date.now() - started;
    const sheets = await readXlsxFile(xlsx.path);
    expect(sheets[1]!.data.length).toBe(33_756);
    const bytes = statSync(xlsx.path).size;
    console.log(`England ranked table: ${bytes.toLocaleString('en-GB')} bytes as .xlsx, made in ${ms} ms`);
    expect(bytes).toBeLessThan(5_000_000);
  });
});
