import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AreaLookup } from '../../../../src/ingest/areaLookup.ts';
import { previewImport, runImport } from '../../../../src/ingest/importJob.ts';
import { tableFromIPC } from 'apache-arrow';
import type { DatasetMeta } from '../../../../src/ingest/schemas.ts';
import { insertDataset } from '../../../../src/db/evidence/schema.ts';
import { openEvidenceDb } from '../../db/evidence/helpers.ts';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const read = (p: string) => readFileSync(resolve(root, p));
const fixture = (name: string) => new File([read(`tests/fixtures/ingest/police/${name}`)], name);
const meta = (id: string, fileName: string): DatasetMeta => ({ id, kind: 'police', fileName, rows: 0, loadedAt: '2026-12-02T10:00:00Z', synthetic: false });

let lookup: AreaLookup;
beforeAll(() => {
  const geo = (n: string) => JSON.parse(read(`data/geo/${n}`).toString('utf8'));
  lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
  lookup.useLsoa11Changes(JSON.parse(read('data/lsoa11-five.json').toString('utf8')));
});

async function importFixture(name: string, id = 'ds-x') {
  const file = fixture(name);
  const preview = await previewImport(file);
  const out = await runImport(file, { kind: 'police', mapping: preview.guess.mapping }, meta(id, name), lookup, () => undefined);
  const rows = out.tables.imported_crimes!.flatMap((b) => tableFromIPC(b).toArray().map((r) => r.toJSON() as Record<string, unknown>));
  return { out, rows };
}

describe('a Cheshire Constabulary month as police.uk publishes it (Cheshire East rows included)', () => {
  // Written before running: 14 data rows. Kept 8: rows 2–5 (Crime IDs; row 4's point is in the
  // neighbouring small area on our simplified map, row 5's is off our boundary: the code decides),
  // rows 6–8 (three identical anti-social behaviour rows, all kept) and row 9 (ASB off our boundary).
  // Left out as another council's (Cheshire East codes), in one line: rows 10, 11, 12 (its point is
  // inside Cheshire West, its code is not) and 15. Listed: row 13 (repeated Crime ID), row 14 (no location).
  it('keeps the five areas’ rows, placed by the code police.uk gives', async () => {
    const { out, rows } = await importFixture('2024-05-cheshire-street.csv');
    const r = out.report;
    expect({ read: r.rowsRead, kept: r.rowsAccepted, rejected: r.rowsRejected, outside: r.outside, duplicates: r.duplicates }).toEqual({ read: 14, kept: 8, rejected: 6, outside: 4, duplicates: 1 });
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[13, 'Crime ID'], [14, 'Longitude']]);
    expect(r.notes).toEqual([
      'Placed by the LSOA 2021 code police.uk gives: 8 rows; placed by their point (no code, or a 2011 code): 0 rows.',
      "4 rows are outside the five areas (another council in the force's area) and were left out: rows 10, 11, 12 and 15.",
    ]);
    expect(rows.map((x) => x.lsoa_code)).toEqual(['E01018534', 'E01018534', 'E01018534', 'E01018721', 'E01018521', 'E01018521', 'E01018521', 'E01018537']);
    expect(new Set(rows.map((x) => x.lad_code))).toEqual(new Set(['E06000050']));
    // The point shown is the row's own, even when the code decided the area.
    expect([rows[2]!.lon, rows[2]!.lat]).toEqual([-3.064454, 53.289958]);
  });

  it('numbers identical anti-social behaviour rows instead of collapsing them', async () => {
    const { rows } = await importFixture('2024-05-cheshire-street.csv');
    const ids = rows.map((x) => String(x.id));
    expect(ids.slice(0, 4).every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    const asb = ids.slice(4);
    expect(asb.map((id) => id.replace(/^noid:[0-9a-f]{16}/, ''))).toEqual(['#1', '#2', '#3', '#1']);
    expect(new Set(asb.slice(0, 3).map((id) => id.split('#')[0])).size).toBe(1);
    expect(asb[3]!.split('#')[0]).not.toBe(asb[0]!.split('#')[0]);
  });

  it('adds nothing when the same month is loaded twice; another file keeps its own repeats', async () => {
    const db = await openEvidenceDb();
    const first = await importFixture('2024-05-cheshire-street.csv', 'ds-1');
    expect(await insertDataset(db, first.out.meta, first.out.tables)).toEqual({ inserted: { imported_crimes: 8 }, duplicateCrimes: 0 });
    const again = await importFixture('2024-05-cheshire-street.csv', 'ds-2');
    expect(await insertDataset(db, again.out.meta, again.out.tables)).toEqual({ inserted: { imported_crimes: 0 }, duplicateCrimes: 8 });
    // A later download of the month with the supermarket incident four times: three are loaded, one is new.
    const lines = read('tests/fixtures/ingest/police/2024-05-cheshire-street.csv').toString('utf8').split('\n');
    const more = new File([[lines[0], lines[5], lines[5], lines[5], lines[5]].join('\n')], 'redownload.csv');
    const preview = await previewImport(more);
    const out = await runImport(more, { kind: 'police', mapping: preview.guess.mapping }, meta('ds-3', 'redownload.csv'), lookup, () => undefined);
    expect(await insertDataset(db, out.meta, out.tables)).toEqual({ inserted: { imported_crimes: 1 }, duplicateCrimes: 3 });
  });

  it('fingerprints the content, whatever the file is called', async () => {
    const a = (await importFixture('2024-05-cheshire-street.csv')).out.meta.contentHash;
    const bytes = read('tests/fixtures/ingest/police/2024-05-cheshire-street.csv');
    const renamed = new File([bytes], 'copy of may.csv');
    const out = await runImport(renamed, { kind: 'police', mapping: (await previewImport(renamed)).guess.mapping }, meta('ds-r', 'copy of may.csv'), lookup, () => undefined);
    expect(a).toMatch(/^sha256-blocks:[0-9a-f]{64}$/);
    expect(out.meta.contentHash).toBe(a);
    const changed = new File([bytes, 'x'], 'may.csv');
    const other = await runImport(changed, { kind: 'police', mapping: (await previewImport(changed)).guess.mapping }, meta('ds-c', 'may.csv'), lookup, () => undefined);
    expect(other.meta.contentHash).not.toBe(a);
  });
});

describe('a Leicestershire month published with LSOA 2011 codes', () => {
  // Written before running: 6 rows. Row 2: a 2011 code that 2021 split, its point in one of the
  // successors → by point. Row 3: same code, its point lands next door on our map → nearest successor.
  // Row 4: a split code whose point is off our boundary → nearest successor. Row 5: a code that is
  // also a 2021 code → by code. Rows 6, 7: Charnwood codes → left out (row 7's point is in Leicester).
  it('places 2011 codes by their point, 2021 codes by the code, and leaves Charnwood out', async () => {
    const { out, rows } = await importFixture('2020-06-leicestershire-street.csv');
    const r = out.report;
    expect({ read: r.rowsRead, kept: r.rowsAccepted, outside: r.outside, listed: r.issues.length }).toEqual({ read: 6, kept: 4, outside: 2, listed: 0 });
    expect(rows[0]!.lsoa_code).toBe('E01034009');
    expect(['E01034008', 'E01034009']).toContain(rows[1]!.lsoa_code);
    expect(['E01034017', 'E01034018']).toContain(rows[2]!.lsoa_code);
    expect(rows[3]!.lsoa_code).toBe('E01013616');
    expect(r.notes).toEqual([
      'Placed by the LSOA 2021 code police.uk gives: 1 row; placed by their point (no code, or a 2011 code): 3 rows.',
      "2 rows are outside the five areas (another council in the force's area) and were left out: rows 6 and 7.",
      "Crimes with a 2011 LSOA code whose point falls just outside that area on the map's simplified boundaries were placed in the nearest 2021 small area that replaced it (2 rows, first on row 3).",
    ]);
  });
});
