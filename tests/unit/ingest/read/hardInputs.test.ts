import { describe, expect, test } from 'vitest';
import { previewFile, readFile } from '../../../../src/ingest/read/readFile.ts';
import { guessKind, guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import { readAll, rejectionOf, textFile } from './helpers.ts';

/** Text as UTF-16 bytes, with or without the byte-order mark Excel writes. */
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].join('');
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    bytes[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    bytes[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return bytes;
}

// Excel's "Unicode Text" export: UTF-16 LE with a BOM, tabs between cells, CRLF, named .txt.
const UNICODE_TEXT = 'Site\tWard\tGrade\tComment\r\nPark gate\tNorbiton\tB\tLitter by the caf\u00e9 \u2013 \u00a320 fine?\r\nShops\tLache\tC\t\u201cGraffiti\u201d on the \u{1F6B2} rack\r\n';

describe('UTF-16 text (Excel "Unicode Text")', () => {
  // Written down before running: 3 rows in the file, header row 1, 2 data rows, 4 columns.
  test.each([
    ['little-endian with a BOM', utf16(UNICODE_TEXT, 'le'), 'utf-16le'],
    ['big-endian with a BOM', utf16(UNICODE_TEXT, 'be'), 'utf-16be'],
    ['little-endian without a BOM (found from its zero bytes)', utf16(UNICODE_TEXT, 'le', false), 'utf-16le'],
    ['big-endian without a BOM', utf16(UNICODE_TEXT, 'be', false), 'utf-16be'],
  ])('%s is decoded, tab-separated, accents and emoji intact', async (_name, bytes, encoding) => {
    const { rows, chunks, summary } = await readAll(textFile('Book1.txt', bytes));
    expect(summary.encoding).toBe(encoding);
    expect(summary.delimiter).toBe('\t');
    expect(chunks[0]!.header).toEqual(['Site', 'Ward', 'Grade', 'Comment']);
    expect(rows).toEqual([
      { row: 2, cells: ['Park gate', 'Norbiton', 'B', 'Litter by the caf\u00e9 \u2013 \u00a320 fine?'] },
      { row: 3, cells: ['Shops', 'Lache', 'C', '\u201cGraffiti\u201d on the \u{1F6B2} rack'] },
    ]);
    expect(summary.notes).toContain('The text was saved as UTF-16 (Excel\u2019s "Unicode Text"); it was read correctly.'.replace('\u2019', "'"));
  });

  test('a UTF-16 file longer than one 4 MB slice keeps every row (characters cut across slices are joined)', async () => {
    const line = 'Shops\tLache\tC\t\u201cGraffiti\u201d \u{1F6B2} caf\u00e9\r\n';
    const count = 120_000; // ~5.8 MB as UTF-16
    const { summary, rows } = await readAll(textFile('big.txt', utf16(`Site\tWard\tGrade\tComment\r\n${line.repeat(count)}`, 'le')));
    expect(summary.dataRows).toBe(count);
    expect(rows.every((r) => r.cells[3] === '\u201cGraffiti\u201d \u{1F6B2} caf\u00e9')).toBe(true);
    expect(rows.at(-1)!.row).toBe(count + 1);
  });
});

describe('stray NUL bytes in a UTF-8 file', () => {
  // Written down before running: 4 data rows, 5 NULs on rows 3 and 5, all removed.
  test('are removed and reported with the rows they were on', async () => {
    const csv = 'id,ward,comment\n1,Norbiton,fine\n2,Lach\0e,b\0\0ins\n3,Lache,ok\n4,Norbiton\0\0,late\n';
    const { rows, summary } = await readAll(textFile('nul.csv', csv));
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', 'Norbiton', 'fine'],
      ['2', 'Lache', 'bins'],
      ['3', 'Lache', 'ok'],
      ['4', 'Norbiton', 'late'],
    ]);
    expect(summary.notes).toContain('The file held 5 stray NUL characters (invisible zero bytes, on 2 rows, first on row 3); they were removed.');
  });

  test('a file that is mostly zero bytes is still refused as binary', async () => {
    const bytes = new Uint8Array(1000);
    bytes.set(new TextEncoder().encode('id,ward\n'));
    expect((await rejectionOf(readFile(textFile('blob.csv', bytes), { onChunk: () => undefined }))).message).toMatch(/looks like a binary file/);
  });
});

describe('50,000 columns', () => {
  const WIDTH = 50_000;
  const header = Array.from({ length: WIDTH }, (_, i) => (i === 0 ? 'Response ID' : i === 1 ? 'Latitude' : i === 2 ? 'Longitude' : `Q${i}`)).join(',');
  const row = (n: number) => Array.from({ length: WIDTH }, (_, i) => (i === 0 ? `R${n}` : i === 1 ? '51.40412' : i === 2 ? '-0.28604' : String(i % 7))).join(',');
  const file = () => textFile('wide.csv', [header, row(1), row(2), row(3)].join('\n'));

  // Written down before running: header row 1, 3 data rows, 50,000 columns.
  test('preview, header detection and the mapping guess finish (time measured, not asserted)', async () => {
    const t0 = performance.now();
    const { chunk, summary } = await previewFile(file(), 200);
    const t1 = performance.now();
    const guess = guessMapping(guessKind(chunk.header), chunk.header, chunk.rows);
    const t2 = performance.now();
    console.log(`50,000 columns: preview ${Math.round(t1 - t0)} ms, mapping guess ${Math.round(t2 - t1)} ms`);
    expect(summary.headerRow).toBe(1);
    expect(summary.columns).toBe(WIDTH);
    expect(chunk.rows).toHaveLength(3);
    expect(summary.headerCandidates![0]!.cells).toHaveLength(100);
    expect(guess.mapping.lat).toBe('Latitude');
    expect(guess.mapping.lon).toBe('Longitude');
  });

  test('50,000 columns all named the same are renamed in linear time', async () => {
    const { chunks } = await readAll(textFile('same.csv', `${Array(WIDTH).fill('x').join(',')}\n${Array(WIDTH).fill('1').join(',')}\n`));
    expect(chunks[0]!.header[WIDTH - 1]).toBe(`x (${WIDTH})`);
  });
});

describe('cancel', () => {
  test('a read of a pathological file (long rows of many commas) stops soon after abort, mid-file', async () => {
    // ~24 MB: 6 slices of 4 MB; each row is 20,000 empty-ish cells.
    const line = `${'a,'.repeat(20_000)}end\n`;
    const text = `${line.replace(/a/g, 'h')}${line.repeat(600)}`;
    const controller = new AbortController();
    let chunks = 0;
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(readFile(textFile('slow.csv', text), { signal: controller.signal, chunkRows: 10, onChunk: () => void chunks++ }));
    const took = performance.now() - started;
    console.log(`cancel: aborted after ${Math.round(took)} ms with ${chunks} of 60 chunks read`);
    expect(error.name).toBe('AbortError');
    expect(chunks).toBeLessThan(60);
  });
});
