/**
 * The evidence pack's page layout as data: a y cursor down A4 pages, text
 * wrapped by measured width, tables with rules, blocks (charts, the map)
 * moved to a new page when they do not fit, and a footer with "Page 2 of 7"
 * and the sample label on every page that shows synthetic data. Pure: it
 * returns drawing operations; pdfDraw.ts replays them into jsPDF.
 */

/** Width in points of `text` at `size` points (jsPDF's getStringUnitWidth × size in the app; a stub in tests). */
export type Measure = (text: string, size: number, bold: boolean) => number;

export type Op<E = unknown> =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; align?: 'left' | 'right' | 'center' }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number }
  | { kind: 'box'; x: number; y: number; w: number; h: number }
  | { kind: 'embed'; x: number; y: number; w: number; h: number; payload: E };

export interface Page<E = unknown> {
  ops: Op<E>[];
  /** True when the page shows residents' synthetic sample data. */
  sample: boolean;
}

export interface LayoutOptions {
  measure: Measure;
  /** A4 portrait in points by default. */
  pageWidth?: number;
  pageHeight?: number;
  margin?: number;
  /** Left of the footer, on every page ("Evidence pack: Norbiton ward"). */
  footer?: string;
  /** The label on pages marked as showing sample data. */
  sampleLabel?: string;
}

export interface Column {
  label: string;
  /** Share of the text width (the shares are scaled to add up to 1). */
  width: number;
  align?: 'left' | 'right';
}

export const A4 = { width: 595.28, height: 841.89 } as const;
const LINE = 1.3;
const FOOTER_SPACE = 30;

/** Lines of `text` no wider than `width`, broken between words (a word too long on its own is broken by letters). */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/).filter((w) => w !== '')) {
      const tryLine = line ? `${line} ${word}` : word;
      if (measure(tryLine, size, bold) <= width) {
        line = tryLine;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest, size, bold) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), size, bold) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class PdfLayout<E = unknown> {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margin: number;
  private readonly measure: Measure;
  private readonly pages: Page<E>[] = [];
  private y = 0;
  private sampleOn = false;

  constructor(private readonly options: LayoutOptions) {
    this.measure = options.measure;
    this.pageWidth = options.pageWidth ?? A4.width;
    this.pageHeight = options.pageHeight ?? A4.height;
    this.margin = options.margin ?? 48;
    this.newPage();
  }

  /** Width between the margins. */
  get textWidth(): number {
    return this.pageWidth - 2 * this.margin;
  }

  /** The y cursor (top of the next line). */
  get cursor(): number {
    return this.y;
  }

  /** Points left above the footer on this page. */
  get space(): number {
    return this.bottom - this.y;
  }

  private get bottom(): number {
    return this.pageHeight - this.margin - FOOTER_SPACE;
  }

  private get page(): Page<E> {
    return this.pages[this.pages.length - 1] as Page<E>;
  }

  newPage(): void {
    this.pages.push({ ops: [], sample: this.sampleOn });
    this.y = this.margin;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.margin) this.newPage();
  }

  /** This page shows synthetic sample data (its footer says so). */
  markSample(): void {
    this.page.sample = true;
  }

  /** From here until turned off, every page drawn on shows synthetic sample data (a section may run over several pages). */
  sample(on: boolean): void {
    this.sampleOn = on;
    if (on) this.markSample();
  }

  gap(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  lineHeight(size: number): number {
    return size * LINE;
  }

  /** Wrapped text at the cursor, breaking onto new pages as needed. */
  paragraph(text: string, o: { size?: number; bold?: boolean; indent?: number; after?: number; bullet?: string } = {}): void {
    const size = o.size ?? 10;
    const bold = o.bold ?? false;
    const indent = o.indent ?? 0;
    const bulletWidth = o.bullet ? this.measure(`${o.bullet} `, size, bold) : 0;
    const x = this.margin + indent + bulletWidth;
    const lines = wrapText(text, this.textWidth - indent - bulletWidth, size, bold, this.measure);
    const lh = this.lineHeight(size);
    lines.forEach((line, i) => {
      this.ensure(lh);
      if (i === 0 && o.bullet) this.page.ops.push({ kind: 'text', x: this.margin + indent, y: this.y + size, text: o.bullet, size, bold });
      this.page.ops.push({ kind: 'text', x, y: this.y + size, text: line, size, bold });
      this.y += lh;
    });
    this.y += o.after ?? size * 0.5;
  }

  /** A heading kept with at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 | 3 = 2, keep = 60): void {
    const size = level === 1 ? 18 : level === 2 ? 14 : 11.5;
    const lines = wrapText(text, this.textWidth, size, true, this.measure);
    this.ensure(lines.length * this.lineHeight(size) + keep);
    if (level < 3 && this.y > this.margin) this.y += size * 0.4;
    this.paragraph(text, { size, bold: true, after: size * 0.35 });
  }

  bullets(items: readonly string[], size = 10): void {
    for (const item of items) this.paragraph(item, { size, bullet: '•', indent: 4, after: size * 0.25 });
    this.y += size * 0.3;
  }

  /** Rows with a rule under each; the header repeats on a new page; cells wrap. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], o: { size?: number; caption?: string } = {}): void {
    const size = o.size ?? 9;
    const lh = this.lineHeight(size);
    const total = columns.reduce((s, c) => s + c.width, 0);
    const pad = 4;
    const widths = columns.map((c) => (c.width / total) * this.textWidth);
    const lefts = widths.map((_, i) => this.margin + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellLines = (cells: readonly string[], bold: boolean) => cells.map((cell, i) => wrapText(cell, (widths[i] ?? 0) - 2 * pad, size, bold, this.measure));
    const header = cellLines(
      columns.map((c) => c.label),
      true,
    );
    const headerHeight = Math.max(...header.map((l) => l.length)) * lh + pad;
    // The caption stays with the header and the first rows.
    const captionHeight = o.caption ? wrapText(o.caption, this.textWidth, size, true, this.measure).length * lh + 2 : 0;
    this.ensure(captionHeight + headerHeight + lh * 2 + pad * 2);
    if (o.caption) this.paragraph(o.caption, { size, bold: true, after: 2 });
    const drawRow = (lines: string[][], bold: boolean, height: number) => {
      lines.forEach((cell, i) => {
        const right = columns[i]?.align === 'right';
        cell.forEach((text, j) => {
          const x = right ? (lefts[i] ?? 0) + (widths[i] ?? 0) - pad : (lefts[i] ?? 0) + pad;
          this.page.ops.push({ kind: 'text', x, y: this.y + size + j * lh, text, size, bold, align: right ? 'right' : 'left' });
        });
      });
      this.y += height;
      this.page.ops.push({ kind: 'rule', x1: this.margin, y1: this.y - pad / 2, x2: this.margin + this.textWidth, y2: this.y - pad / 2, width: bold ? 0.9 : 0.3 });
      this.y += pad / 2;
    };
    const startTable = () => drawRow(header, true, headerHeight);
    this.ensure(headerHeight + lh * 2 + pad * 2);
    startTable();
    for (const row of rows) {
      const lines = cellLines(row, false);
      const height = Math.max(1, ...lines.map((l) => l.length)) * lh + pad;
      if (this.y + height + pad > this.bottom) {
        this.newPage();
        startTable();
      }
      drawRow(lines, false, height);
    }
    this.y += size;
  }

  /** A block of fixed size (a chart, the map) at the cursor, on a new page if it does not fit; scaled down if taller than a page. */
  block(width: number, height: number, payload: E, after = 8): { w: number; h: number } {
    const maxH = this.bottom - this.margin;
    const scale = Math.min(1, this.textWidth / width, maxH / height);
    const w = width * scale;
    const h = height * scale;
    this.ensure(h);
    this.page.ops.push({ kind: 'embed', x: this.margin, y: this.y, w, h, payload });
    this.y += h + after;
    return { w, h };
  }

  /** A box with a thin border around the next `height` points (the sample notice). */
  box(height: number): void {
    this.ensure(height);
    this.page.ops.push({ kind: 'box', x: this.margin, y: this.y, w: this.textWidth, h: height });
  }

  /** The pages with their footers (the footer text and "Page n of N") and the sample label at the top of each page marked. */
  finish(): Page<E>[] {
    const n = this.pages.length;
    const y = this.pageHeight - this.margin + 10;
    return this.pages.map((p, i) => {
      const ops: Op<E>[] = [...p.ops, { kind: 'rule', x1: this.margin, y1: y - 12, x2: this.pageWidth - this.margin, y2: y - 12, width: 0.3 }];
      if (this.options.footer) ops.push({ kind: 'text', x: this.margin, y, text: this.options.footer, size: 8, bold: false });
      if (p.sample && this.options.sampleLabel) {
        ops.push({ kind: 'text', x: this.pageWidth / 2, y: this.margin - 16, text: this.options.sampleLabel, size: 10, bold: true, align: 'center' });
      }
      ops.push({ kind: 'text', x: this.pageWidth - this.margin, y, text: `Page ${i + 1} of ${n}`, size: 8, bold: false, align: 'right' });
      return { ops, sample: p.sample };
    });
  }
}
