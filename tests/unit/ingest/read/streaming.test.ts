import { describe, expect, test } from 'vitest';
import { ProgressiveDecoder, safeCut } from '../../../../src/ingest/read/csv/decoder.ts';
import { sniffDelimiter } from '../../../../src/ingest/read/csv/delimiter.ts';
import { SLICE_BYTES } from '../../../../src/ingest/read/csv/readDelimited.ts';
import { CsvTokenizer } from '../../../../src/ingest/read/csv/tokenizer.ts';
import { readAll, textFile } from './helpers.ts';

/** Tokenizes text cut into two slices at `cut`, carrying the unfinished record over, as the reader does. */
function tokenizeInTwo(text: string, cut: number): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(',');
  const first = tokenizer.tokenize(text.slice(0, cut), false, (cells) => records.push(cells));
  tokenizer.tokenize(text.slice(0, cut).slice(first.consumed) + text.slice(cut), true, (cells) => records.push(cells));
  return records;
}

describe('tokenizer across slice boundaries', () => {
  const tricky = 'id,text\r\n1,"a,b"\r\n2,"x\r\ny ""q"""\r\n3,plain\r4,"end"x\n\n5,\r\n6,"tail"';
  const whole: string[][] = [];
  new CsvTokenizer(',').tokenize(tricky, true, (cells) => whole.push(cells));

  test('one pass gives the expected records', () => {
    expect(whole).toEqual([
      ['id', 'text'],
      ['1', 'a,b'],
      ['2', 'x\r\ny "q"'],
      ['3', 'plain'],
      ['4', 'endx'],
      [''],
      ['5', ''],
      ['6', 'tail'],
    ]);
  });

  test('cutting the text at every position gives the same records (CRLF and "" split included)', () => {
    for (let cut = 0; cut <= tricky.length; cut++) expect(tokenizeInTwo(tricky, cut), `cut at ${cut}`).toEqual(whole);
  });

  test('a trailing delimiter gives a last empty cell', () => {
    const records: string[][] = [];
    new CsvTokenizer(',').tokenize('a,b\n1,', true, (cells) => records.push(cells));
    expect(records).toEqual([['a', 'b'], ['1', '']]);
  });
});

describe('delimiter sniffing', () => {
  test('picks the separator with a steady count per line, outside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;"x;y";3\n4;5;6\n', true, ',')).toBe(';');
    expect(sniffDelimiter('a\tb\n"1,2"\t3\n', true, ',')).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n', true, ',')).toBe('|');
    expect(sniffDelimiter('a,b;c\n1,2;3\n', true, ',')).toBe(',');
  });

  test('a single column falls back to what the file name suggests', () => {
    expect(sniffDelimiter('postcode\nKT1 3AA\n', true, ',')).toBe(',');
    expect(sniffDelimiter('postcode\nKT1 3AA\n', true, '\t')).toBe('\t');
  });
});

describe('encoding decided while streaming', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  test('ASCII slices then a Windows-1252 byte: switches to Windows-1252 without losing earlier text', () => {
    const decoder = new ProgressiveDecoder();
    expect(decoder.decode(utf8('plain,ascii\n'))).toBe('plain,ascii\n');
    expect(decoder.decode(Uint8Array.of(0x41, 0xa3, 0x35, 0x0a))).toBe('A£5\n');
    expect(decoder.encoding).toBe('windows-1252');
    // € and curly quotes live in bytes 80–9F, where Windows-1252 differs from Latin-1.
    expect(decoder.decode(Uint8Array.of(0xe9, 0x80, 0x93, 0x94, 0x96))).toBe('é€“”–');
    expect(decoder.replacedInvalidBytes).toBe(false);
  });

  test('a real "\uFFFD" in valid UTF-8 is kept and is not taken for bad bytes', () => {
    const decoder = new ProgressiveDecoder();
    expect(decoder.decode(utf8('a\uFFFDb\n'))).toBe('a\uFFFDb\n');
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.replacedInvalidBytes).toBe(false);
  });

  test('real UTF-8 then a bad byte: stays UTF-8, bad byte shown as U+FFFD', () => {
    const decoder = new ProgressiveDecoder();
    expect(decoder.decode(utf8('Café\n'))).toBe('Café\n');
    expect(decoder.decode(Uint8Array.of(0x41, 0xa3, 0x0a))).toBe('A\uFFFD\n');
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.replacedInvalidBytes).toBe(true);
  });

  test('slices are cut after a line feed, else a carriage return, else before a cut-short character', () => {
    expect(safeCut(utf8('a,b\n1,2\n3,'))).toBe(8);
    expect(safeCut(utf8('a,b\r1,2'))).toBe(4);
    const cafe = utf8('Café'); // 43 61 66 C3 A9
    expect(safeCut(cafe.subarray(0, 4))).toBe(3);
    expect(safeCut(cafe)).toBe(3);
    expect(safeCut(utf8('abc'))).toBe(3);
  });
});

describe('a file bigger than one slice', () => {
  const line = (i: number): string => `${i},2025-01,"On or near Park Road, Lache",E01018${String(i % 1000).padStart(3, '0')}\n`;
  function bigCsv(lastLine: Uint8Array, firstLine = ''): Uint8Array {
    const parts: string[] = ['id,month,location,lsoa\n', firstLine];
    let length = parts[0]!.length;
    for (let i = 1; length < 2.2 * SLICE_BYTES; i++) {
      const next = line(i);
      parts.push(next);
      length += next.length;
    }
    const head = new TextEncoder().encode(parts.join(''));
    const bytes = new Uint8Array(head.length + lastLine.length);
    bytes.set(head);
    bytes.set(lastLine, head.length);
    return bytes;
  }

  test('rows across slices are all read, numbered, and progress reaches 1', async () => {
    const bytes = bigCsv(new TextEncoder().encode('last,2025-02,"Quoted\nacross lines",E01018999\n'));
    const progress: number[] = [];
    const { rows, summary } = await readAll(textFile('big.csv', bytes), { onProgress: (f) => progress.push(f) });
    const expectedRows = bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 0) - 2; // minus header and the quoted line break
    expect(summary.dataRows).toBe(expectedRows);
    expect(rows.every((r, i) => r.row === i + 2)).toBe(true);
    expect(rows[1000]!.cells).toEqual(['1001', '2025-01', 'On or near Park Road, Lache', 'E01018001']);
    expect(rows.at(-1)!.cells).toEqual(['last', '2025-02', 'Quoted\nacross lines', 'E01018999']);
    // One report per slice: slices end just after a line break, so a little under SLICE_BYTES each.
    expect(progress).toHaveLength(3);
    expect(progress[0]).toBeGreaterThan((SLICE_BYTES - 200) / bytes.length);
    expect(progress[0]).toBeLessThanOrEqual(SLICE_BYTES / bytes.length);
    expect(progress[1]).toBeGreaterThan(progress[0]!);
    expect(progress[2]).toBe(1);
  });

  test('a £ in Windows-1252 only in the last slice switches the encoding and reads it right', async () => {
    const { rows, summary } = await readAll(textFile('late-pound.csv', bigCsv(Uint8Array.of(...new TextEncoder().encode('x,2025-03,Shop '), 0xa3, 0x35, 0x2c, 0x45, 0x0a))));
    expect(summary.encoding).toBe('windows-1252');
    expect(rows.at(-1)!.cells).toEqual(['x', '2025-03', 'Shop £5', 'E']);
    expect(rows[0]!.cells[2]).toBe('On or near Park Road, Lache');
  });

  test('mixed encodings: the note names the first row with a replaced character', async () => {
    // A real UTF-8 "é" on row 2, then a lone Windows-1252 "£" byte on the last row.
    const bytes = bigCsv(Uint8Array.of(0x78, 0x2c, 0xa3, 0x0a), 'first,2025-01,Café,E\n');
    const { summary, rows } = await readAll(textFile('mixed.csv', bytes));
    expect(rows[0]!.cells[2]).toBe('Café');
    expect(rows.at(-1)!.cells).toEqual(['x', '\uFFFD']);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.notes).toEqual([
      `Some characters (first on row ${rows.at(-1)!.row}) were not valid UTF-8 and are shown as "\uFFFD". If names look wrong, save the file again as "CSV UTF-8" and import it again.`,
    ]);
  });
});
