import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBuiltInDatabase } from '../builtInDatabase.ts';
import { wardList, type WardListRow } from '../../../src/db/queries/wardList.ts';
import { readWardCsv, type WardRef } from '../../../src/localities/wardCsv.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => readFileSync(resolve(ROOT, 'tests/fixtures/localities', name), 'utf8');
const CWAC = 'E06000050';

let cheshire: WardListRow[];
let five: WardListRow[];

beforeAll(async () => {
  const db = await openBuiltInDatabase('startup');
  cheshire = await wardList(db, CWAC);
  five = await wardList(db, 'five');
}, 120_000);

describe('a messy CSV of ward names for two Cheshire West and Chester localities', () => {
  const read = () => readWardCsv(fixture('messy-wards.csv'), cheshire, { elsewhere: five, placeName: 'Cheshire West and Chester' });

  it('counts every non-blank row once, by what happened to it', () => {
    // Written before the first run, from the fixture: 16 lines, 2 blank.
    expect(read().counts).toEqual({ matched: 8, duplicate: 1, unknown: 1, ambiguous: 0, elsewhere: 2, skipped: 2 });
    expect(read().rows.map((r) => r.row)).toEqual([1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(read().problem).toBeNull();
  });

  it('makes one group per locality named in the file, the blank locality cell joining the one above', () => {
    const byName = Object.fromEntries(read().groups.map((g) => [g.name, g.wards.map((c) => cheshire.find((w) => w.code === c)!.name)]));
    expect(byName).toEqual({
      'Chester West': ['Blacon', 'Lache', 'Handbridge Park', 'Chester City & the Garden Quarter'],
      'Ellesmere Port': ['Westminster', 'Netherpool', 'Strawberry', 'Ledsham & Manor'],
    });
  });

  it('says in plain English why each left-out row was left out', () => {
    const at = (row: number) => read().rows.find((r) => r.row === row)!;
    expect(at(1).message).toBe('Title row, above the header');
    expect(at(3).message).toBe('Header row');
    expect(at(6).message).toBe('Handbridge Park (written “HANDBRIDGE   park”)');
    expect(at(10).message).toBe('No ward called “Whitby Grooves” in Cheshire West and Chester — did you mean Whitby Groves?');
    expect(at(13).message).toBe('Norbiton is a ward in Kingston upon Thames, not in Cheshire West and Chester: left out');
    expect(at(14).outcome).toMatchObject({ status: 'duplicate', firstRow: 5 });
    expect(at(15).message).toBe('St Helens is a ward in Barnsley, not in Cheshire West and Chester: left out');
  });
});

describe('a TSV of codes with no header', () => {
  it('matches codes in any case, and says which codes are not wards here', () => {
    const result = readWardCsv(fixture('codes-only.tsv'), cheshire, { fileName: 'codes-only.tsv', placeName: 'Cheshire West and Chester' });
    expect(result.counts).toMatchObject({ matched: 3, unknown: 2, skipped: 0 });
    expect(result.groups).toEqual([{ name: null, wards: ['E05012221', 'E05012218', 'E05012209'] }]);
    expect(result.rows[3]!.message).toBe('No ward with code E05099999 in Cheshire West and Chester');
    expect(result.rows[4]!.message).toBe('E01018345 is a small-area code, not a ward: add small areas on the map');
  });
});

describe('names that fit more than one ward, or none', () => {
  const wards: WardRef[] = [
    { code: 'E05010001', name: 'Abbey', lad_name: 'Leicester' },
    { code: 'E05010002', name: 'Abbey', lad_name: 'Merton' },
    { code: 'E05010003', name: 'St Mary’s & Old Town', lad_name: 'Merton' },
  ];

  it('calls a shared name ambiguous and adds neither ward', () => {
    const result = readWardCsv('Abbey\n', wards);
    expect(result.rows[0]!.message).toBe('Ambiguous: Abbey is a ward in both Leicester and Merton — use its ward code instead');
    expect(result.groups).toEqual([]);
    expect(result.problem).toMatch(/No row of the file names a ward/);
  });

  it('forgives Saint for St, "and" for "&", apostrophes and case', () => {
    expect(readWardCsv('saint marys and old town\n', wards).groups).toEqual([{ name: null, wards: ['E05010003'] }]);
  });

  it('reports an empty file as a problem, not an exception', () => {
    expect(readWardCsv('\n\n', wards).problem).toBe('The file is empty: it has no rows to read.');
  });
});
