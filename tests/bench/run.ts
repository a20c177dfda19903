/**
 * npm run bench — speed goals from DESIGN.md, measured in headless Chromium
 * against the production build, each beside a bare-MapLibre baseline drawing
 * the same boundaries in the same run. Prints a table, writes JSON, and
 * compares with the previous run's JSON when there is one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness.ts';
import { timeReferenceTools } from './hotspots/referenceTools.ts';
import { benchAssignment } from './assign/assignBench.ts';
import { writePoliceCsv } from './import/policeCsv.ts';
import { importThroughUi } from './import/importBench.ts';
import { benchExports } from './exports/exportBench.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = resolve(import.meta.dirname, 'results');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * BENCH_ONLY=cold skips the measure switches; BENCH_ONLY=five-cold measures only the five areas' cold start;
 * BENCH_ONLY=hotspots, BENCH_ONLY=import or BENCH_ONLY=exports runs only that section (quick checks while tuning).
 */
const ONLY = process.env.BENCH_ONLY ?? 'all';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function freshContext(profile = mkdtempSync(join(tmpdir(), 'wi-bench-'))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

async function timing(page: Page, name: string, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction((n) => window.__wardInsight?.timings[n], name, { timeout });
  return (await handle.jsonValue()) as number;
}

/** Cold start: a new browser profile (empty cache) each run. */
async function coldStart(url: string, read: (page: Page) => Promise<Record<string, number>>): Promise<Record<string, number>[]> {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(url);
    out.push(await read(page));
    await context.close();
  }
  return out;
}

/** Change the measure the way a person does (the select's change event) and time it to map idle. */
async function switchLatency(page: Page, indicators: string[]): Promise<{ total: number[]; map: number[] }> {
  const total: number[] = [];
  const map: number[] = [];
  for (const code of indicators) {
    const before = await page.evaluate(() => window.__wardInsight!.recolours.length);
    const t0 = await page.evaluate((c) => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="indicator-select"]')!;
      const t = performance.now();
      select.value = c;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return t;
    }, code);
    await page.waitForFunction((n) => window.__wardInsight!.recolours.length > n, before, { timeout: 60_000 });
    const last = await page.evaluate(() => window.__wardInsight!.recolours.at(-1)!);
    total.push(last.at - t0);
    map.push(last.ms);
  }
  return { total, map };
}

const SWITCHES = ['iod25_crime', 'iod25_income', 'iod25_ind_burglary_rate', 'iod25_health', 'iod25_imd'];

interface Row {
  measure: string;
  median: number;
  baseline: number | null;
  /** What the baseline is (default: a bare MapLibre page). */
  baselineName?: string;
  ratio: number | null;
  budget: string;
  runs: number[];
}

async function main() {
  // The baseline page is built on its own so the app's build carries no bench code.
  await build({
    root: resolve(import.meta.dirname, 'baseline'),
    base: '/bench-baseline/',
    logLevel: 'warn',
    build: { outDir: resolve(ROOT, 'dist', 'bench-baseline'), emptyOutDir: true },
  });
  const server = await preview({ root: ROOT, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;

  const rows: Row[] = [];
  const add = (measure: string, runs: number[], baselineRuns: number[] | null, budget: string, baselineName?: string) => {
    const m = median(runs);
    const b = baselineRuns ? median(baselineRuns) : null;
    rows.push({ measure, median: m, baseline: b, ratio: b ? m / b : null, budget, runs, ...(baselineName ? { baselineName } : {}) });
  };

  if (ONLY === 'hotspots' || ONLY === 'all') await benchHotspots(base, add);
  if (ONLY === 'import' || ONLY === 'all') await benchImport(base, add);
  if (ONLY === 'exports' || ONLY === 'all') {
    const e = await benchExports(base, RUNS, () => freshContext());
    const kb = (xs: { bytes: number }[]) => xs.map((x) => x.bytes / 1024);
    const ms = (xs: { ms: number }[]) => xs.map((x) => x.ms);
    add('Map image (PNG), click → file, Norbiton (ms)', ms(e.mapImage), null, '—');
    add('Map image (PNG) size (KB)', kb(e.mapImage), null, '—');
    add('Evidence pack (PDF), click → file, Norbiton ward (ms)', ms(e.evidencePack), null, '—');
    add('Evidence pack (PDF) size (KB)', kb(e.evidencePack), null, '—');
    add('England ranked table (33,755 rows) as Excel, click → file (ms)', ms(e.englandXlsx), null, '—');
    add('England ranked table as Excel, size (KB)', kb(e.englandXlsx), null, '—');
  }
  if (ONLY === 'hotspots' || ONLY === 'import' || ONLY === 'exports') return report(rows, server);

  // Five authorities: cold start.
  const bareFive = await coldStart(`${base}/bench-baseline/?set=five`, async (page) => ({
    idle: (await (await page.waitForFunction(() => window.__baseline?.idleAt, null, { timeout: 120_000 })).jsonValue()) as number,
  }));
  const appFive = await coldStart(`${base}/`, async (page) => ({
    mapColoured: await timing(page, 'mapColoured'),
    panelsLive: await timing(page, 'panelsLive'),
  }));
  add('Five areas: cold start to coloured map (ms)', appFive.map((r) => r.mapColoured!), bareFive.map((r) => r.idle!), '≤ 1.2 × bare');
  add('Five areas: cold start to all panels live (ms)', appFive.map((r) => r.panelsLive!), null, '≤ 2,500 ms');

  if (ONLY === 'five-cold') return report(rows, server);

  // England: cold start.
  const bareEngland = await coldStart(`${base}/bench-baseline/?set=england`, async (page) => ({
    idle: (await (await page.waitForFunction(() => window.__baseline?.idleAt, null, { timeout: 120_000 })).jsonValue()) as number,
  }));
  const appEngland = await coldStart(`${base}/?place=england&level=lsoa&indicator=iod25_imd&method=deciles`, async (page) => ({
    mapColoured: await timing(page, 'mapColoured'),
    panelsLive: await timing(page, 'panelsLive'),
  }));
  add('England: cold start to coloured map (ms)', appEngland.map((r) => r.mapColoured!), bareEngland.map((r) => r.idle!), '≤ 1.2 × bare');
  add('England: cold start to all panels live (ms)', appEngland.map((r) => r.panelsLive!), null, '—');

  // Indicator switches, warm page.
  const switchCases = [
    ['Five areas', '', 'five', '≤ 60 ms'],
    ['England', '?place=england&level=lsoa&indicator=iod25_imd&method=deciles', 'england', '≤ 150 ms'],
  ] as const;
  for (const [label, query, set, budget] of ONLY === 'cold' ? [] : switchCases) {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${base}/${query}`);
    // Steady state: England's rows have finished loading in the background.
    await timing(page, 'englandLoaded');
    await page.waitForFunction((s) => window.__wardInsight?.recolours.some((r) => r.key.startsWith(`${s}|`)), set === 'five' ? 'five' : 'england', { timeout: 120_000 });
    const sw = await switchLatency(page, SWITCHES);
    const bare = await context.newPage();
    await bare.goto(`${base}/bench-baseline/?set=${set}`);
    await bare.waitForFunction(() => window.__baseline?.idleAt, null, { timeout: 120_000 });
    const bareRecolour: number[] = [];
    for (let i = 0; i < RUNS; i++) bareRecolour.push(await bare.evaluate(() => window.__baseline!.recolour!()));
    add(`${label}: change measure → map idle, total (ms)`, sw.total, bareRecolour, budget);
    add(`${label}: of which feature-state + redraw (ms)`, sw.map, bareRecolour, 'beat bare feature-state');
    await context.close();
  }

  await report(rows, server);
}

type Add = (measure: string, runs: number[], baselineRuns: number[] | null, budget: string, baselineName?: string) => void;

/**
 * England's 33,755 small areas in the app's hotspot worker (fresh page each
 * run, so queen contiguity is built every time), beside R spdep and PySAL on
 * the same polygons in the same run.
 */
async function benchHotspots(base: string, add: Add): Promise<void> {
  const timings: { load: number; queen: number; analytic: number; statistics: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${base}/?place=england&level=lsoa&tab=hotspots&hotspot=iod25_crime`);
    await page.waitForFunction(() => window.__wardInsight?.hotspotRuns?.length, null, { timeout: 240_000 });
    timings.push(await page.evaluate(() => window.__wardInsight!.hotspotRuns![0]!));
    await context.close();
  }
  const tools = await timeReferenceTools(resolve(ROOT, 'data/geo/lsoa-england.geojson'));
  const tool = (name: string, step: string) => {
    const t = tools.find((x) => x.tool.startsWith(name) && x.step.startsWith(step));
    return t?.ms ? [t.ms] : null;
  };
  const queen = timings.map((t) => t.queen);
  add('England queen contiguity, in a worker (ms)', queen, tool('R spdep', 'poly2nb'), '≤ 1,500 ms', 'R spdep poly2nb');
  add('England queen contiguity, in a worker (ms) ', queen, tool('PySAL', 'Queen.from_dataframe'), '≤ 1,500 ms', 'PySAL Queen.from_dataframe');
  add('England Gi* analytic z (ms)', timings.map((t) => t.analytic), tool('R spdep', 'localG'), '≤ 50 ms', 'R spdep localG');
  add('England Gi* + 999 permutations + FDR, in a worker (ms)', timings.map((t) => t.statistics), null, '≤ 2,000 ms');
}

/**
 * A 1,000,000-row police.uk CSV imported through the app's own UI, to the
 * finished report with the rows in DuckDB; the per-point assignment speed
 * of the spatial index against a naive turf loop, measured in the same run.
 */
async function benchImport(base: string, add: Add): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wi-import-'));
  const csv = join(dir, 'police-1m.csv');
  const bytes = await writePoliceCsv(csv, 1_000_000);
  console.log(`Wrote ${csv}: ${(bytes / 1e6).toFixed(0)} MB`);
  const ms: number[] = [];
  const peak: number[] = [];
  const tabPeak: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const profile = mkdtempSync(join(tmpdir(), 'wi-bench-import-'));
    const context = await freshContext(profile);
    const r = await importThroughUi(context, base, csv, profile);
    await context.close();
    if (r.rowsQueryable !== 1_000_000) throw new Error(`Only ${r.rowsQueryable} rows queryable: ${r.summary}`);
    ms.push(r.ms);
    peak.push(r.peakBytes / 2 ** 20);
    tabPeak.push(r.rendererPeakBytes / 2 ** 20);
    const mib = (b: number) => Math.round(b / 2 ** 20);
    console.log(
      `  import run ${i + 1}: ${r.ms} ms; tab peak ${mib(r.rendererPeakBytes)} MiB (idle ${mib(r.rendererIdleBytes)}); whole browser peak ${mib(r.peakBytes)} MiB (idle ${mib(r.idleBytes)}) — ${r.summary}`,
    );
  }
  add('Import 1M-row police CSV to queryable, through the UI (ms)', ms, null, '≤ 10,000 ms');
  add('Import 1M rows: peak memory of the tab — page, workers, DuckDB (MiB)', tabPeak, null, '≤ 1,536 MiB');
  add('Import 1M rows: peak memory of the whole browser, incl. GPU and storage processes (MiB)', peak, null, '—');
  const a = benchAssignment(1_000_000, 2_000);
  const perPoint = a.rows.find((r) => /index/i.test(r.measure) && r.usPerPoint > 0);
  const naive = a.rows.find((r) => /turf/i.test(r.measure));
  if (perPoint && naive) add('Point → small area, µs per point (index)', [perPoint.usPerPoint], [naive.usPerPoint], '≥ 100 × faster than naive', 'naive turf loop');
  const fair = a.rows.find((r) => /flatbush/i.test(r.measure));
  if (perPoint && fair) add('Point → small area, µs per point (index) ', [perPoint.usPerPoint], [fair.usPerPoint], '— (fair baseline)', 'flatbush candidates + turf booleanPointInPolygon');
}

async function report(rows: Row[], server: PreviewServer): Promise<void> {
  await new Promise<void>((done) => server.httpServer.close(() => done()));

  mkdirSync(RESULTS, { recursive: true });
  const latest = join(RESULTS, 'latest.json');
  const previous = existsSync(latest) ? (JSON.parse(readFileSync(latest, 'utf8')) as { rows: Row[] }) : null;
  const fmt = (v: number | null, d = 0) => (v === null ? '—' : v.toFixed(d));
  console.log(`\nWard Insight bench — medians of ${RUNS} runs, headless Chromium (SwiftShader), ${new Date().toISOString()}\n`);
  console.log('| measure | median | baseline (same run) | ratio | budget | previous run |');
  console.log('|---|---:|---:|---:|---|---:|');
  for (const r of rows) {
    const prev = previous?.rows.find((p) => p.measure === r.measure);
    const baseline = r.baseline === null ? '—' : `${fmt(r.baseline, r.baseline < 10 ? 2 : 0)} (${r.baselineName ?? 'bare MapLibre'})`;
    console.log(`| ${r.measure} | ${fmt(r.median, r.median < 10 ? 2 : 0)} | ${baseline} | ${fmt(r.ratio, r.ratio !== null && r.ratio < 0.01 ? 4 : 2)} | ${r.budget} | ${prev ? fmt(prev.median) : '—'} |`);
  }
  // Only a full run replaces the committed results that later runs compare against.
  const json = { date: new Date().toISOString(), runs: RUNS, rows };
  const file = ONLY === 'all' ? latest : join(RESULTS, `partial-${ONLY}.json`);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

await main();
