import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import type { TableSpec } from '../../../scripts/data/arrow-write.ts';
import { buildCatalogue } from '../../../scripts/data/catalogue.ts';
import type { Poly } from '../../../scripts/data/geo-util.ts';
import { ENGLAND_BBOX, FIVE_LADS } from '../../../scripts/data/raw-paths.ts';
import { checkCatalogue, checkCodeSets, checkGeoLayer, checkLadCounts, checkNulls } from '../../../scripts/data/validate.ts';

const square = (x: number, y: number, d = 0.01): number[][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const fc = (features: Feature<Poly, Record<string, unknown>>[]): FeatureCollection<Poly, Record<string, unknown>> => ({ type: 'FeatureCollection', features });
const feat = (code: string, coordinates: number[][][]): Feature<Poly, Record<string, unknown>> => ({ type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates } });

describe('validation passes good input', () => {
  it('accepts matching code sets, counts, valid geometry and complete columns', () => {
    expect(checkCodeSets('x', ['a', 'b'], ['b', 'a'])).toEqual([]);
    const counts = new Map(FIVE_LADS.map((l) => [l.code, l.expectedLsoas]));
    expect(checkLadCounts('x', counts, FIVE_LADS)).toEqual([]);
    expect(checkGeoLayer('x', fc([feat('E1', [square(-1, 52)]), feat('E2', [square(-1.1, 52)])]), ['code'], ENGLAND_BBOX).errors).toEqual([]);
  });
});

describe('validation fails on deliberately broken input', () => {
  it('code mismatch between files (LSOA in boundaries without an IoD row)', () => {
    const e = checkCodeSets('boundaries vs IoD', ['E01000001'], ['E01000001', 'E01999999']);
    expect(e.join()).toMatch(/unexpected.*E01999999/);
    expect(checkCodeSets('lookup', ['E01000001', 'E01000002'], ['E01000001']).join()).toMatch(/missing.*E01000002/);
  });
  it('wrong LSOA count for an authority', () => {
    const counts = new Map(FIVE_LADS.map((l) => [l.code, l.expectedLsoas]));
    counts.set('E06000016', 199);
    expect(checkLadCounts('lsoa-five', counts, FIVE_LADS).join()).toMatch(/Leicester.*199.*expected 200/);
  });
  it('invalid geometry: open ring, too few positions, outside England, NaN, bow-tie, extra property', () => {
    const open = square(-1, 52).slice(0, 4);
    const short = [[-1, 52], [-1.01, 52], [-1, 52]];
    const paris = square(2.35, 48.85);
    const nan = square(-1, 52).map((p, i) => (i === 1 ? [NaN, 52] : p));
    const bowtie = [[-1, 52], [-0.99, 52.01], [-0.99, 52], [-1, 52.01], [-1, 52]];
    const layer = fc([feat('E1', [open]), feat('E2', [short]), feat('E3', [paris]), feat('E4', [nan]), feat('E5', [bowtie])]);
    const extra = feat('E6', [square(-1, 52)]);
    extra.properties.name = 'x';
    layer.features.push(extra);
    const r = checkGeoLayer('broken', layer, ['code'], ENGLAND_BBOX);
    expect(r.invalid).toBe(5);
    const all = r.errors.join('\n');
    expect(all).toMatch(/E1: .*not closed/);
    expect(all).toMatch(/E2: .*3 positions/);
    expect(all).toMatch(/E3: .*outside England/);
    expect(all).toMatch(/E4: .*non-finite/);
    expect(all).toMatch(/E5: .*self-intersecting/);
    expect(all).toMatch(/E6: properties code,name/);
  });
  it('duplicate or unsorted codes', () => {
    const r = checkGeoLayer('x', fc([feat('E2', [square(-1, 52)]), feat('E1', [square(-1.1, 52)])]), ['code'], ENGLAND_BBOX);
    expect(r.errors.join()).toMatch(/not sorted/);
  });
  it('unexpected nulls, but allows declared nullable columns', () => {
    const spec: TableSpec = {
      name: 't',
      columns: [
        { name: 'code', type: 'utf8', values: ['a', null] },
        { name: 'x', type: 'float64', values: [1, null] },
      ],
      nullable: ['x'],
    };
    expect(checkNulls(spec)).toEqual(['t.code: 1 unexpected null(s)']);
    spec.nullable = ['x', 'code'];
    expect(checkNulls(spec)).toEqual([]);
  });
  it('catalogue entry pointing at a missing column', () => {
    const cat = buildCatalogue().slice(0, 1);
    expect(checkCatalogue(cat, new Map([[cat[0]?.table_name ?? '', ['lsoa_code']]])).join()).toMatch(/not in/);
    const noSource = [{ ...buildCatalogue()[0]!, source: '' }];
    expect(checkCatalogue(noSource, new Map([['iod2015', ['imd_rank', 'imd_decile']], ['iod2019', ['imd_rank', 'imd_decile']], ['iod2025', ['imd', 'imd_rank', 'imd_decile']]])).join()).toMatch(/empty source/);
  });
});
