import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument } from '../../../src/export/csv.ts';

describe('csvCell: CSV injection (OWASP)', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2.5 (typed as text)', "'-2.5 (typed as text)"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
  ])('a text cell starting %j gets a leading apostrophe', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('a text cell starting with CR is neutralised and quoted (it holds a line break)', () => {
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it('a formula that also needs quoting is neutralised inside the quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
  });

  it('numbers passed as numbers are left alone: a negative z-score stays numeric', () => {
    expect(csvCell(-1.96)).toBe('-1.96');
    expect(csvCell(-0)).toBe('0');
    expect(csvCell(0.000001)).toBe('0.000001');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('ordinary text, blanks and booleans', () => {
    expect(csvCell('Norbiton')).toBe('Norbiton');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('TRUE');
    expect(csvCell(false)).toBe('FALSE');
  });
});

describe('csvCell: RFC 4180 quoting', () => {
  it('quotes a comma, a quote, CR or LF, doubling quotes', () => {
    expect(csvCell('Smith, Old Town')).toBe('"Smith, Old Town"');
    expect(csvCell('the "Old" town')).toBe('"the ""Old"" town"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });
});

describe('csvDocument', () => {
  const doc = csvDocument(['row', 'reason', 'z'], [
    [12, '=cmd|"/C calc"!A0', -2.31],
    [13, 'Smith, "Old" Town', null],
  ]);

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect([...new TextEncoder().encode(doc).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(doc.endsWith('\r\n')).toBe(true);
    expect(doc.slice(1).split('\r\n')).toEqual(['row,reason,z', '12,"\'=cmd|""/C calc""!A0",-2.31', '13,"Smith, ""Old"" Town",', '']);
  });

  it('parses back (BOM stripped) with text intact apart from the apostrophe, and numbers as numbers', () => {
    const rows = csvParse(doc.slice(1));
    expect(rows.columns).toEqual(['row', 'reason', 'z']);
    expect(rows[0]).toEqual({ row: '12', reason: '\'=cmd|"/C calc"!A0', z: '-2.31' });
    expect(rows[1]).toEqual({ row: '13', reason: 'Smith, "Old" Town', z: '' });
  });
});
