/**
 * Layout maths for the exported map image, in CSS pixels (the drawing scales
 * everything by the pixel ratio, so text grows with the image). Pure: text is
 * measured through the function passed in, so tests need no canvas.
 */
import type { MapLegend, MapLegendClass } from '../../map/legendSpec.ts';

/** Width of `text` in CSS pixels when drawn in `font` (a CSS font shorthand). */
export type Measure = (text: string, font: string) => number;

/** Greedy word wrap to `maxWidth`; a word longer than a line is broken between characters. */
export function wrapText(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the line (a long code or URL): split it.
    while (measure(line, font) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), font) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in CSS pixels. */
  px: number;
  label: string;
}

/** The longest round length (1, 2 or 5 × a power of ten metres) that fits in `maxPx` CSS pixels. */
export function scaleBar(metresPerCssPixel: number, maxPx: number): ScaleBar | null {
  if (!(metresPerCssPixel > 0) || !(maxPx > 0) || !Number.isFinite(metresPerCssPixel)) return null;
  const maxMetres = metresPerCssPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((s) => s * power <= maxMetres) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('en-GB')} km` : `${metres.toLocaleString('en-GB')} m`;
  return { metres, px: metres / metresPerCssPixel, label };
}

// Sizes in CSS pixels: a 1,300-pixel-wide image printed across A4 landscape puts key text at about
// 8.5 pt and the title at 14 pt (one CSS pixel ≈ 0.21 mm there).
export const FONTS = {
  title: (family: string) => `700 24px ${family}`,
  subtitle: (family: string) => `400 15px ${family}`,
  keyTitle: (family: string) => `700 16px ${family}`,
  keyText: (family: string) => `400 14px ${family}`,
  keySmall: (family: string) => `400 13px ${family}`,
  sample: (family: string) => `700 16px ${family}`,
  footer: (family: string) => `400 12.5px ${family}`,
};

export const SIZES = {
  pad: 16,
  keyWidth: 320,
  keyPad: 12,
  swatch: 20,
  titleLine: 30,
  subtitleLine: 20,
  keyTitleLine: 21,
  keyLine: 18,
  keySmallLine: 17,
  footerLine: 16,
  sampleHeight: 28,
};

/** One row of text in the key or the header, with where its baseline-free top sits. */
export interface TextRow {
  text: string;
  font: string;
  x: number;
  y: number;
  colour: string;
  align?: 'left' | 'right';
}

export interface SwatchRow {
  cls: MapLegendClass;
  x: number;
  y: number;
}

export interface KeyLayout {
  texts: TextRow[];
  swatches: SwatchRow[];
  /** The SAMPLE label's top, when the key carries it. */
  sampleAt: number | null;
  height: number;
}

const INK = '#1b1b1b';
const MUTED = '#505a5f';

/**
 * The key column: SAMPLE label, title, subtitle, one row per class (swatch,
 * label wrapped, count right-aligned), an extra outline row for the selected
 * area, then the notes wrapped. Coordinates are relative to the key's top left.
 */
export function layoutKey(legend: MapLegend, selected: { label: string; colour: string } | null, width: number, family: string, measure: Measure): KeyLayout {
  const { keyPad, swatch } = SIZES;
  const inner = width - 2 * keyPad;
  const texts: TextRow[] = [];
  const swatches: SwatchRow[] = [];
  let y = keyPad;
  let sampleAt: number | null = null;
  if (legend.sample) {
    sampleAt = y;
    y += SIZES.sampleHeight + 8;
  }
  const block = (text: string, font: string, line: number, colour: string) => {
    for (const t of wrapText(text, inner, font, measure)) {
      texts.push({ text: t, font, x: keyPad, y, colour });
      y += line;
    }
  };
  block(legend.title, FONTS.keyTitle(family), SIZES.keyTitleLine, INK);
  if (legend.subtitle) block(legend.subtitle, FONTS.keySmall(family), SIZES.keySmallLine, MUTED);
  y += 6;
  const rows: MapLegendClass[] = [...legend.classes, ...(selected ? [{ label: selected.label, colour: selected.colour, shape: 'line' as const }] : [])];
  const textFont = FONTS.keyText(family);
  const countText = (c: MapLegendClass) => (c.count === null || c.count === undefined ? '' : c.count.toLocaleString('en-GB'));
  const countWidth = Math.max(0, ...rows.map((c) => measure(countText(c), textFont)));
  const labelX = keyPad + swatch + 8;
  const labelWidth = Math.max(40, inner - swatch - 8 - (countWidth ? countWidth + 8 : 0));
  for (const c of rows) {
    const lines = wrapText(c.label, labelWidth, textFont, measure);
    swatches.push({ cls: c, x: keyPad, y: y + 2 });
    lines.forEach((t, i) => texts.push({ text: t, font: textFont, x: labelX, y: y + i * SIZES.keyLine, colour: INK }));
    const count = countText(c);
    if (count) texts.push({ text: count, font: textFont, x: width - keyPad, y, colour: MUTED, align: 'right' });
    y += Math.max(1, lines.length) * SIZES.keyLine + 3;
  }
  y += 4;
  for (const note of legend.notes) {
    block(note, FONTS.keySmall(family), SIZES.keySmallLine, MUTED);
    y += 4;
  }
  return { texts, swatches, sampleAt, height: y + keyPad - 4 };
}

export interface ImageLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  key: { x: number; y: number; width: number; height: number };
  /** Title and subtitle rows (absolute). */
  header: TextRow[];
  /** Where the header's SAMPLE label sits (absolute), when the view shows sample data. */
  sample: { x: number; y: number; width: number } | null;
  footer: TextRow[];
  keyLayout: KeyLayout;
}

export interface ImageContent {
  title: string;
  subtitle?: string;
  legend: MapLegend;
  selected: { label: string; colour: string } | null;
  /** Source and licence lines, the map's attribution, and the "Made with" line: the footer, in order. */
  footerLines: readonly string[];
  sampleText: string;
}

/**
 * The whole image: a header (title, subtitle, SAMPLE label on the right), the
 * map with the key in a column beside it, and a footer of sources, licences
 * and the date across the full width. The body is as tall as the taller of the
 * map and the key.
 */
export function layoutImage(content: ImageContent, mapWidth: number, mapHeight: number, family: string, measure: Measure): ImageLayout {
  const { pad, keyWidth } = SIZES;
  const width = pad + mapWidth + pad + keyWidth + pad;
  const inner = width - 2 * pad;
  const header: TextRow[] = [];
  let y = pad;
  let sample: ImageLayout['sample'] = null;
  let titleWidth = inner;
  if (content.legend.sample) {
    const w = measure(content.sampleText, FONTS.sample(family)) + 24;
    sample = { x: width - pad - w, y, width: w };
    titleWidth = inner - w - pad;
  }
  for (const t of wrapText(content.title, titleWidth, FONTS.title(family), measure)) {
    header.push({ text: t, font: FONTS.title(family), x: pad, y, colour: INK });
    y += SIZES.titleLine;
  }
  if (content.subtitle) {
    for (const t of wrapText(content.subtitle, titleWidth, FONTS.subtitle(family), measure)) {
      header.push({ text: t, font: FONTS.subtitle(family), x: pad, y, colour: MUTED });
      y += SIZES.subtitleLine;
    }
  }
  if (sample) y = Math.max(y, sample.y + SIZES.sampleHeight);
  y += 8;
  // The header says the subtitle already: the key does not repeat it.
  const keyLegend = content.subtitle && content.subtitle === content.legend.subtitle ? { ...content.legend, subtitle: undefined } : content.legend;
  const keyLayout = layoutKey(keyLegend, content.selected, keyWidth, family, measure);
  const bodyTop = y;
  const bodyHeight = Math.max(mapHeight, keyLayout.height);
  const map = { x: pad, y: bodyTop, width: mapWidth, height: mapHeight };
  const key = { x: pad + mapWidth + pad, y: bodyTop, width: keyWidth, height: keyLayout.height };
  y = bodyTop + bodyHeight + 10;
  const footer: TextRow[] = [];
  for (const line of content.footerLines) {
    for (const t of wrapText(line, inner, FONTS.footer(family), measure)) {
      footer.push({ text: t, font: FONTS.footer(family), x: pad, y, colour: INK });
      y += SIZES.footerLine;
    }
  }
  return { width, height: y + pad, map, key, header, sample, footer, keyLayout };
}

/** "2 December 2026". */
export function longDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A file-name part: lower case words joined by hyphens ("Leicester 022A" → "leicester-022a"). */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/g, '') || 'map';
}

/** "2026-12-02", in the person's own time zone (for file names). */
export function longDateIso(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}
