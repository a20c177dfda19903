import { openApp } from './e2e/harness.ts';
const app = await openApp();
const page = await app.context.newPage();
await page.goto(app.url + '?place=england&level=lsoa&indicator=iod25_imd&method=deciles');
await page.waitForFunction(() => window.__wardInsight?.timings.englandLoaded && window.__wardInsight?.recolours.some((r) => r.key.startsWith('england|')), null, { timeout: 90000 });
const out: string[] = [];
for (const code of ['iod25_crime', 'iod25_income', 'iod25_health', 'iod25_imd', 'iod25_education', 'iod25_crime']) {
  const n = await page.evaluate(() => window.__wardInsight!.recolours.length);
  const t0 = await page.evaluate((c) => { const s = document.querySelector<HTMLSelectElement>('[data-testid="indicator-select"]')!; const t = performance.now(); s.value = c; s.dispatchEvent(new Event('change', { bubbles: true })); return t; }, code);
  await page.waitForFunction((k) => window.__wardInsight!.recolours.length > k, n);
  const last = await page.evaluate(() => window.__wardInsight!.recolours.at(-1)!);
  const st = await page.evaluate(() => window.__wardInsight!.stages.at(-1)!);
  out.push(`total ${Math.round(last.at - t0)} map ${Math.round(last.ms)} query ${Math.round(st.query)} model ${Math.round(st.model)}`);
}
console.log(out.join('\n'));
await app.close();
