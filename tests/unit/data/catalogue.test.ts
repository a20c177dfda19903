import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildCatalogue } from '../../../scripts/data/catalogue.ts';
import { out } from '../../../scripts/data/raw-paths.ts';

const THEMES = ['Overall deprivation', 'Income & work', 'Education', 'Health', 'Crime & safety', 'Housing', 'Living environment', 'Population'];
const cat = buildCatalogue();

describe('indicator catalogue', () => {
  it('every entry is complete', () => {
    for (const e of cat) {
      expect(e.source.trim(), e.code).not.toBe('');
      expect(e.attribution.trim(), e.code).toMatch(/Open Government Licence/);
      expect(e.label.trim(), e.code).not.toBe('');
      expect(e.description.trim(), e.code).not.toBe('');
      expect(THEMES, e.code).toContain(e.theme);
      expect(['weighted_mean', 'sum', 'none']).toContain(e.aggregation);
      if (e.table_name !== 'iod2025' && e.table_name !== 'census') {
        expect(e.higher_is_worse, e.code).toBe(false);
        expect(e.value_column, e.code).toBe(e.rank_column);
      }
    }
    expect(new Set(cat.map((e) => e.code)).size).toBe(cat.length);
    expect(cat.map((e) => e.code)).toEqual(expect.arrayContaining(['iod25_imd', 'iod25_crime', 'iod25_ind_burglary_rate', 'iod19_imd', 'iod15_imd', 'census_population', 'census_pct_social_rented']));
  });

  const built = ['iod2025', 'iod2019', 'iod2015', 'census', 'catalogue'].every((t) => existsSync(out(`tables/${t}.arrows`)));
  it.skipIf(!built)('every value/rank/decile column exists in its built table file', () => {
    const cols = new Map<string, string[]>();
    for (const t of ['iod2025', 'iod2019', 'iod2015', 'census']) {
      cols.set(t, tableFromIPC(readFileSync(out(`tables/${t}.arrows`))).schema.fields.map((f) => f.name));
    }
    for (const e of cat) {
      for (const c of [e.value_column, e.rank_column, e.decile_column]) if (c) expect(cols.get(e.table_name), `${e.code}.${c}`).toContain(c);
    }
    const onDisk = tableFromIPC(readFileSync(out('tables/catalogue.arrows')));
    expect(onDisk.numRows).toBe(cat.length);
  });
});
