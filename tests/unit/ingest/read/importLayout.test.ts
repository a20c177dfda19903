import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AreaLookup } from '../../../../src/ingest/areaLookup.ts';
import { previewImport, runImport } from '../../../../src/ingest/importJob.ts';
import type { DatasetMeta } from '../../../../src/ingest/schemas.ts';
import { buildXlsx, type XlsxValue } from '../../../fixtures/ingest/xlsxBuilder.ts';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const geo = (name: string) => JSON.parse(readFileSync(resolve(root, 'data/geo', name), 'utf8'));
let lookup: AreaLookup;
beforeAll(() => {
  lookup = new AreaLookup(geo('lsoa-five.geojson'), geo('ward-five.geojson'));
});
const meta = (id: string, kind: DatasetMeta['kind'], fileName: string): DatasetMeta => ({ id, kind, fileName, rows: 0, loadedAt: '2025-01-01T00:00:00Z', synthetic: false });
const fixtureFile = (name: string) => new File([readFileSync(resolve(root, 'tests/fixtures/ingest', name))], name.split('/').pop()!);

describe('the import job with a header row that is not row 1', () => {
  // Written down before running: header row 5; 8 data rows; rows 16–17 notes, not imported and not rejected;
  // row 12 (only an id) is the one rejected row (no choices, no place), so 7 kept.
  it('a SmartSurvey-shaped export: detected header, 7 of 8 rows kept, the notes below not counted as rows', async () => {
    const file = fixtureFile('layout/smartsurvey-export.csv');
    const preview = await previewImport(file);
    expect(preview.headerRow).toBe(5);
    expect(preview.headerCandidates[0]!.row).toBe(5);
    expect(preview.chunk.firstRow).toBe(6);
    expect(preview.guess.kind).toBe('survey');
    const out = await runImport(file, { kind: 'survey', mapping: preview.guess.mapping }, meta('ds-ss', 'survey', file.name), lookup, () => undefined);
    expect(out.report.rowsRead).toBe(8);
    expect(out.report.rowsAccepted).toBe(7);
    expect(out.report.rowsRejected).toBe(1);
    expect(out.report.issues.filter((i) => i.action === 'rejected').map((i) => i.row)).toEqual([12]);
    expect(out.report.read.rowsBelowData!.map((r) => r.row)).toEqual([16, 17]);
  });

  it('the header row the person chose is honoured by preview and import', async () => {
    const file = fixtureFile('layout/smartsurvey-export.csv');
    const preview = await previewImport(file, 'survey', { headerRow: 5 });
    expect(preview.headerRow).toBe(5);
    const wrong = await previewImport(file, 'survey', { headerRow: 1 });
    expect(wrong.headerRow).toBe(1);
    expect(wrong.chunk.header[0]).toBe("Ward Insight residents' survey 2024 - all responses");
  });

  // Written down before running: a workbook whose data sheet is the second; title, logo row, note, header on row 4,
  // 6 visits with easting/northing in Norbiton (Kingston), all placed; row 12 a source note.
  it('a titled street-rep workbook with British National Grid columns imports every visit, on the chosen sheet', async () => {
    const header = ['Visit ID', 'Site ID', 'Site name', 'Easting', 'Northing', 'Date', 'Time', 'Monitored by', 'Litter', 'Graffiti', 'Fly-tipping'];
    const points = [[519350, 169480], [519200, 169600], [519500, 169300], [519100, 169900], [519600, 169700], [519000, 169450]];
    const rows: XlsxValue[][] = [
      ['Norbiton street reps \u2013 spring 2024 rounds'],
      [],
      ['Prepared by Norbiton Residents\u2019 Association'],
      header,
      ...points.map(([e, n], i): XlsxValue[] => [`V${i + 1}`, `NOR-${i + 1}`, `Site ${i + 1}`, e!, n!, new Date(Date.UTC(2024, 3, i + 1)), '09:00', 'Rep NOR-1', 'B', 'A', 'C']),
      [],
      ['Source: residents\u2019 association rounds, April 2024'],
    ];
    const bytes = buildXlsx([{ name: 'Read me', rows: [['How to fill this in'], ['Grades A (good) to D (poor)']] }, { name: 'Rounds', rows }]);
    const file = new File([bytes as BlobPart], 'street-reps.xlsx');
    const first = await previewImport(file);
    expect(first.summary.sheets).toEqual(['Read me', 'Rounds']);
    const preview = await previewImport(file, undefined, { sheet: 'Rounds' });
    expect(preview.summary.sheet).toBe('Rounds');
    expect(preview.headerRow).toBe(4);
    expect(preview.guess.kind).toBe('street-rep');
    expect(preview.guess.mapping.easting).toBe('Easting');
    expect(preview.guess.mapping.northing).toBe('Northing');
    const out = await runImport(file, { kind: 'street-rep', mapping: preview.guess.mapping, sheet: 'Rounds' }, meta('ds-sr', 'street-rep', file.name), lookup, () => undefined);
    expect(out.report.rowsRead).toBe(6);
    expect(out.report.rowsAccepted).toBe(6);
    expect(out.report.rowsRejected).toBe(0);
    expect(out.report.read.rowsBelowData).toEqual([{ row: 12, text: 'Source: residents\u2019 association rounds, April 2024' }]);
  });

  // Written down before running: 4 rows, decimal-comma coordinates in Norbiton, all 4 placed.
  it('a semicolon file with decimal-comma coordinates places every row', async () => {
    const text = [
      'Response ID;Date;Latitude;Longitude;Choice 1',
      'R1;03/03/2025;51,40412;-0,28604;Housing issues',
      'R2;03/03/2025;51,40969;-0,29331;Policing & safety',
      'R3;04/03/2025;51,41013;-0,28465;Youth activities',
      'R4;04/03/2025;51,40750;-0,28900;Affordable exercise',
    ].join('\r\n');
    const file = new File([text], 'enquete.csv');
    const preview = await previewImport(file, 'survey');
    expect(preview.summary.decimalComma).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.chunk.rows[0]![2]).toBe('51,40412'); // shown as written
    const out = await runImport(file, { kind: 'survey', mapping: preview.guess.mapping }, meta('ds-dc', 'survey', file.name), lookup, () => undefined);
    expect(out.report.rowsAccepted).toBe(4);
    expect(out.report.rowsRejected).toBe(0);
  });

  // Written down before running: 50,000 columns, 20 rows, all kept (bounded time, measured and printed).
  it('a 50,000-column survey file previews and imports', async () => {
    const W = 50_000;
    const named = ['Response ID', 'Date', 'Latitude', 'Longitude', 'Choice 1'];
    const header = Array.from({ length: W }, (_, i) => named[i] ?? `Q${i}`).join(',');
    const row = (n: number) => Array.from({ length: W }, (_, i) => [`R${n}`, '03/03/2025', '51.40412', '-0.28604', 'Housing issues'][i] ?? String(i % 5)).join(',');
    const file = new File([[header, ...Array.from({ length: 20 }, (_, n) => row(n + 1))].join('\n')], 'wide.csv');
    const t0 = performance.now();
    const preview = await previewImport(file, 'survey');
    const t1 = performance.now();
    const out = await runImport(file, { kind: 'survey', mapping: preview.guess.mapping }, meta('ds-w', 'survey', file.name), lookup, () => undefined);
    console.log(`50,000 columns × 20 rows: preview ${Math.round(t1 - t0)} ms, import ${Math.round(performance.now() - t1)} ms`);
    expect(preview.summary.columns).toBe(W);
    expect(out.report.rowsAccepted).toBe(20);
  });
});
