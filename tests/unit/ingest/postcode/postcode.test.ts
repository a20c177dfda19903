import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalisePostcode } from '../../../../src/ingest/normalise/postcode.ts';
import { PostcodeTable } from '../../../../src/ingest/postcodeTable.ts';
import { AreaLookup } from '../../../../src/ingest/areaLookup.ts';
import { createNormaliser } from '../../../../src/ingest/normalise/createNormaliser.ts';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const read = (p: string) => readFileSync(resolve(root, p));

describe('normalisePostcode', () => {
  it.each([
    ['ch12ab', 'CH1 2AB'],
    ['CH1  2AB', 'CH1 2AB'],
    ['ch1 2ab ', 'CH1 2AB'],
    [' kt1 1nz', 'KT1 1NZ'],
    ['CH659HQ', 'CH65 9HQ'],
    ['m1 1ae', 'M1 1AE'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['W1A 0AX', 'W1A 0AX'],
    ['le1\t6zg', 'LE1 6ZG'],
  ])('%j → %j', (text, value) => expect(normalisePostcode(text)).toMatchObject({ value }));

  it.each(['', 'KT1', 'CH1 2A', 'KT1 1AAA', '12345', 'CH1 AB2', 'Q1 1AA9', 'not known'])('refuses %j with a plain reason', (text) => {
    const r = normalisePostcode(text);
    expect(r).toHaveProperty('error');
    expect('error' in r && r.error).toMatch(/postcode/);
  });

  it('says when only the first half was given', () => expect(normalisePostcode('kt1')).toEqual({ error: "The postcode 'kt1' isn't a UK postcode (it is too short — is it only the first half, such as 'KT1'?); a postcode looks like 'KT1 2AB' or 'CH65 9HQ'." }));
});

describe('the built-in postcode lookup (data/tables/postcodes.arrows, the real NSPL extract)', () => {
  let table: PostcodeTable;
  let lookup: AreaLookup;
  beforeAll(() => {
    table = new PostcodeTable(new Uint8Array(read('data/tables/postcodes.arrows')));
    const geo = (n: string) => JSON.parse(read(`data/geo/${n}`).toString('utf8'));
    lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
    lookup.usePostcodes(table);
  });

  it('holds every postcode of SOURCES.md', () => expect(table.size).toBe(51925));

  it('finds a Norbiton postcode however it is typed, at its centroid', () => {
    for (const typed of ['KT1 1NZ', 'kt11nz', 'KT1  1NZ ']) {
      expect(table.find(typed)).toEqual({ found: { postcode: 'KT1 1NZ', lsoa_code: 'E01002971', lat: 51.40477, lon: -0.29282 } });
    }
    expect(lookup.placePostcode('kt11nz')).toEqual({ postcode: 'KT1 1NZ', lsoa_code: 'E01002971', ward_code: 'E05013941', lad_code: 'E09000021', lon: -0.29282, lat: 51.40477, centroid: true });
  });

  it('finds the first and last postcodes (the search halves a sorted column)', () => {
    expect(table.find('CH1 1AA')).toMatchObject({ found: { lsoa_code: 'E01035376' } });
    expect(table.find('wn7 9du')).toMatchObject({ found: { lsoa_code: 'E01006296' } });
  });

  it('places a postcode with no centroid at the point inside its small area', () => {
    const p = lookup.placePostcode('CH33 9AA');
    expect(p).toMatchObject({ postcode: 'CH33 9AA', lsoa_code: 'E01018534', lad_code: 'E06000050', centroid: false });
    expect(p).toMatchObject(lookup.areaOfCode('E01018534')!);
  });

  it('tells outside, unknown and malformed postcodes apart', () => {
    expect(table.find('SW1A 1AA')).toEqual({ problem: 'outside', reason: "The postcode 'SW1A 1AA' is outside the five areas (no postcode in SW1A is in them)." });
    expect(table.find('KT1 0AA')).toMatchObject({ problem: 'unknown' });
    expect(table.find('KT1')).toMatchObject({ problem: 'malformed' });
  });

  it('places survey rows by postcode and reports every one it cannot place, on its row', () => {
    const header = ['Response', 'Postcode', 'Priorities'];
    const rows = [
      ['r1', 'kt11nz', 'Housing issues'],
      ['r2', 'KT1  1UL', 'Policing & safety'],
      ['r3', 'CH33 9AA', 'Youth activities'],
      ['r4', 'SW1A 1AA', 'Housing issues'],
      ['r5', 'KT1 0AA', 'Housing issues'],
      ['r6', 'KT1', 'Housing issues'],
    ];
    const n = createNormaliser({
      datasetId: 'ds-pc', kind: 'survey', header, mapping: { id: 'Response', postcode: 'Postcode', choices: 'Priorities' },
      locate: lookup.locate, areaOfCode: lookup.areaOfCode, placePostcode: lookup.placePostcode,
    });
    n.push({ header, rows, firstRow: 2 });
    const r = n.finish();
    // Written before running: 6 read, 3 kept (r1, r2 at their centroid; r3 inside its small area, listed
    // as altered), 3 rejected (r4 outside, counted as such; r5 unknown; r6 malformed).
    expect({ read: r.rowsRead, kept: r.rowsAccepted, rejected: r.rowsRejected, altered: r.rowsAltered, outside: r.outside }).toEqual({ read: 6, kept: 3, rejected: 3, altered: 1, outside: 1 });
    expect(r.issues.map((i) => [i.row, i.action, i.column])).toEqual([[4, 'altered', 'Postcode'], [5, 'rejected', 'Postcode'], [6, 'rejected', 'Postcode'], [7, 'rejected', 'Postcode']]);
    const t = r.tables.survey_responses!;
    expect(t.lsoa_code).toEqual(['E01002971', 'E01002971', 'E01018534']);
    expect(t.ward_code).toEqual(['E05013941', 'E05013941', lookup.areaOfCode('E01018534')!.ward_code]);
    expect(r.notes).toEqual([
      'Postcodes were used only to place each row in its small area and ward; the postcodes themselves are not kept or shown anywhere (area-level only).',
      'Postcodes with no centroid in the May 2025 postcode lookup (usually terminated postcodes) were placed at a point inside their small area.',
    ]);
    // Area-level only: no column of any table holds the postcode itself.
    const everything = JSON.stringify(Object.values(r.tables).map((cols) => Object.values(cols!).map((c) => Array.from(c as ArrayLike<unknown>))));
    expect(everything).not.toMatch(/KT1|kt1|CH33/);
  });

  it('places street-rep sites by postcode too', () => {
    const header = ['Site', 'Date', 'Postcode', 'Litter'];
    const rows = [
      ['NOR-01', '03/03/2025', 'KT1 1NZ', 'B'],
      ['NOR-02', '03/03/2025', 'kt1 0aa', 'C'],
    ];
    const n = createNormaliser({
      datasetId: 'ds-sr', kind: 'street-rep', header, mapping: { site_id: 'Site', visited_on: 'Date', postcode: 'Postcode', issueColumns: { Litter: 'Litter' } },
      locate: lookup.locate, areaOfCode: lookup.areaOfCode, placePostcode: lookup.placePostcode,
    });
    n.push({ header, rows, firstRow: 2 });
    const r = n.finish();
    // Written before running: NOR-01 is placed in Norbiton's E01002971; NOR-02's postcode is unknown (rejected on row 3).
    expect({ kept: r.rowsAccepted, rejected: r.rowsRejected }).toEqual({ kept: 1, rejected: 1 });
    expect(r.tables.street_rep_sites!.lsoa_code).toEqual(['E01002971']);
    expect(r.issues).toEqual([expect.objectContaining({ row: 3, column: 'Postcode', action: 'rejected' })]);
  });
});
