import { describe, expect, it } from 'vitest';
import { PdfLayout, wrapText, type Measure, type Op } from '../../../src/export/evidencePack/pdfLayout.ts';
import { pdfSafe } from '../../../src/export/evidencePack/pdfText.ts';

/** Every character 5 points wide per 10 points of size (bold 6). */
const measure: Measure = (text, size, bold) => text.length * (bold ? 0.6 : 0.5) * size;
const texts = (ops: Op[]) => ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text').map((o) => o.text);

describe('pdfSafe', () => {
  it('keeps what Helvetica (WinAnsi) prints: curly quotes, dashes, ellipsis, pound, bullet, accents', () => {
    const s = 'Norbiton’s “top” – 10 % — £5 … • café SAMPLE — synthetic data';
    expect(pdfSafe(s)).toBe(s);
  });
  it('spells out what it cannot print', () => {
    expect(pdfSafe('≥ 90 % and ≤ 10 %')).toBe('>= 90 % and <= 10 %');
    expect(pdfSafe('2019 → 2025, −0.5, ✓')).toBe('2019 -> 2025, -0.5, yes');
    expect(pdfSafe('10\u202f000\u2009m')).toBe('10 000 m');
    expect(pdfSafe('Łódź Gdańsk')).toBe('Lódz Gdansk');
    expect(pdfSafe('χ² = 107.8, ▼under-represented')).toBe('chi² = 107.8, under-represented');
    expect(pdfSafe('漢')).toBe('?');
    expect(pdfSafe('a\r\nb\tc')).toBe('a\nb c');
  });
});

describe('wrapText', () => {
  it('breaks between words at the measured width', () => {
    // 10 pt: 5 points a character, 50 points = 10 characters.
    expect(wrapText('one two three four five', 50, 10, false, measure)).toEqual(['one two', 'three four', 'five']);
  });
  it('breaks a word longer than the line by letters, and keeps line breaks', () => {
    expect(wrapText('abcdefghijklmnop\nx', 25, 10, false, measure)).toEqual(['abcde', 'fghij', 'klmno', 'p', 'x']);
  });
  it('measures bold wider', () => {
    expect(wrapText('aaaa bbbb', 50, 10, true, measure)).toEqual(['aaaa', 'bbbb']);
    expect(wrapText('aaaa bbbb', 50, 10, false, measure)).toEqual(['aaaa bbbb']);
  });
});

describe('PdfLayout', () => {
  it('moves the cursor down by a line per wrapped line and starts a new page when full', () => {
    const l = new PdfLayout({ measure, pageWidth: 200, pageHeight: 200, margin: 20 });
    const start = l.cursor;
    l.paragraph('short', { size: 10, after: 0 });
    expect(l.cursor).toBeCloseTo(start + 13);
    // 200 − 2×20 − 30 footer = 110 points of text = 8 lines of 13; 20 lines need 3 pages.
    l.paragraph(Array.from({ length: 20 }, (_, i) => `line${String(i).padStart(2, '0')}`).join('\n'), { size: 10, after: 0 });
    const pages = l.finish();
    expect(pages).toHaveLength(3);
    expect(texts(pages[0]!.ops)).toContain('line00');
    expect(texts(pages[2]!.ops)).toContain('line19');
    for (const p of pages) for (const o of p.ops) if (o.kind === 'text' && /^line/.test(o.text)) expect(o.y).toBeLessThanOrEqual(200 - 20 - 30 + 10);
  });

  it('numbers every page "Page n of N" and labels only the pages marked as sample', () => {
    const l = new PdfLayout({ measure, footer: 'Evidence pack: Norbiton', sampleLabel: 'SAMPLE — synthetic data' });
    l.paragraph('cover');
    l.newPage();
    l.markSample();
    l.paragraph('survey');
    l.newPage();
    const pages = l.finish();
    expect(pages.map((p) => texts(p.ops).filter((t) => t.startsWith('Page ')))).toEqual([['Page 1 of 3'], ['Page 2 of 3'], ['Page 3 of 3']]);
    expect(pages.map((p) => texts(p.ops).filter((t) => t === 'SAMPLE — synthetic data').length)).toEqual([0, 1, 0]);
    expect(texts(pages[0]!.ops)).toContain('Evidence pack: Norbiton');
  });

  it('labels every page a sample section runs over, and none after it', () => {
    const l = new PdfLayout({ measure, pageWidth: 200, pageHeight: 200, margin: 20, sampleLabel: 'SAMPLE' });
    l.paragraph('official');
    l.sample(true);
    l.paragraph(Array.from({ length: 12 }, () => 'survey').join('\n'));
    l.sample(false);
    l.newPage();
    l.paragraph('sources');
    expect(l.finish().map((p) => p.sample)).toEqual([true, true, false]);
  });

  it('keeps a heading with what follows instead of leaving it at the foot of a page', () => {
    const l = new PdfLayout({ measure, pageWidth: 300, pageHeight: 300, margin: 20 });
    while (l.space > 40) l.paragraph('filler', { after: 0 });
    l.heading('Safety', 2, 60);
    l.paragraph('after');
    const pages = l.finish();
    expect(texts(pages[0]!.ops)).not.toContain('Safety');
    expect(texts(pages[1]!.ops).slice(0, 2)).toEqual(['Safety', 'after']);
  });

  it('draws a table with a rule under each row and repeats the header on the next page', () => {
    const l = new PdfLayout({ measure, pageWidth: 300, pageHeight: 300, margin: 20 });
    const rows = Array.from({ length: 30 }, (_, i) => [`Row ${i}`, String(i)]);
    l.table([{ label: 'Measure', width: 2 }, { label: 'Value', width: 1, align: 'right' }], rows, { size: 9 });
    const pages = l.finish();
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(texts(p.ops)[0]).toBe('Measure');
    const all = pages.flatMap((p) => texts(p.ops));
    expect(rows.every(([a]) => all.includes(a!))).toBe(true);
    const first = pages[0]!.ops;
    const rules = first.filter((o) => o.kind === 'rule').length;
    const shown = texts(first).filter((t) => t.startsWith('Row ')).length;
    // One under the header, one under each row, one above the footer.
    expect(rules).toBe(shown + 2);
    const right = first.find((o) => o.kind === 'text' && o.text === '0');
    expect(right).toMatchObject({ align: 'right' });
  });

  it('keeps a table caption with its header and first rows', () => {
    const l = new PdfLayout({ measure, pageWidth: 300, pageHeight: 300, margin: 20 });
    while (l.space > 40) l.paragraph('filler', { after: 0 });
    l.table([{ label: 'A', width: 1 }], [['one'], ['two']], { caption: 'The caption', size: 9 });
    const pages = l.finish();
    expect(texts(pages[0]!.ops)).not.toContain('The caption');
    expect(texts(pages[1]!.ops).slice(0, 3)).toEqual(['The caption', 'A', 'one']);
  });

  it('wraps a long cell onto more lines and makes its row taller', () => {
    const l = new PdfLayout({ measure, pageWidth: 300, pageHeight: 800, margin: 20 });
    l.table([{ label: 'A', width: 1 }, { label: 'B', width: 1 }], [['a long cell that wraps over several lines', 'x'], ['next', 'y']], { size: 10 });
    const ops = l.finish()[0]!.ops.filter((o): o is Extract<Op, { kind: 'text' }> => o.kind === 'text');
    const x = ops.find((o) => o.text === 'x')!;
    const next = ops.find((o) => o.text === 'next')!;
    // Two lines of 13 points and the padding.
    expect(next.y - x.y).toBeGreaterThan(2 * 13);
  });

  it('puts a block that does not fit on a new page, and scales one wider than the text down', () => {
    const l = new PdfLayout<string>({ measure, pageWidth: 300, pageHeight: 400, margin: 20 });
    l.paragraph('intro');
    const size = l.block(520, 260, 'chart');
    expect(size.w).toBeCloseTo(260);
    expect(size.h).toBeCloseTo(130);
    l.block(260, 300, 'map');
    const pages = l.finish();
    expect(pages).toHaveLength(2);
    expect(pages[1]!.ops.find((o) => o.kind === 'embed')).toMatchObject({ payload: 'map', y: 20 });
  });
});
