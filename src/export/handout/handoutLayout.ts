/**
 * One handout page (A4 landscape, points) as drawing operations: "Slide 2 of
 * 3", the title, what the view shows, the view's image fitted to the space
 * left, the speaker's note beside it or under it (whichever leaves the
 * image bigger), and a footer with the date and "Page 2 of 3". Pure, so it is tested without a PDF.
 */
import { wrapText, type Measure, type Op } from '../evidencePack/pdfLayout.ts';

export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 36;
const NOTE_WIDTH = 230;
const GAP = 18;
const FOOTER = 24;

export interface HandoutPageContent {
  number: number;
  total: number;
  title: string;
  /** What the view shows, in words. */
  description: string;
  note: string;
  /** The view's image, in its own pixels (only the shape matters). */
  image: { width: number; height: number };
  /** "3 December 2026". */
  date: string;
}

export interface ImageBox {
  kind: 'image';
}

/** At most `max` lines; the last one cut short with an ellipsis when the text is longer. */
function clip(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/\s*\S*$/, '')}…`;
  return kept;
}

export function layoutHandoutPage(c: HandoutPageContent, measure: Measure): Op<ImageBox>[] {
  const { width: W, height: H } = A4_LANDSCAPE;
  const textWidth = W - 2 * MARGIN;
  const ops: Op<ImageBox>[] = [];
  const text = (t: string, x: number, y: number, size: number, bold = false, align: 'left' | 'right' = 'left') => ops.push({ kind: 'text', x, y, text: t, size, bold, align });

  let y = MARGIN + 9;
  text(`Slide ${c.number} of ${c.total}`, MARGIN, y, 10);
  y += 8;
  for (const line of clip(wrapText(c.title, textWidth, 18, true, measure), 2)) {
    y += 22;
    text(line, MARGIN, y, 18, true);
  }
  for (const line of clip(wrapText(c.description, textWidth, 10, false, measure), 2)) {
    y += 14;
    text(line, MARGIN, y, 10);
  }
  y += 12;

  const bottom = H - MARGIN - FOOTER;
  const fit = (boxW: number, boxH: number) => Math.min(boxW / c.image.width, boxH / c.image.height);
  const image = (scale: number, boxW: number) => {
    const w = c.image.width * scale;
    const h = c.image.height * scale;
    // Centred in its space, so a tall image does not leave the page lopsided.
    ops.push({ kind: 'embed', x: MARGIN + (boxW - w) / 2, y, w, h, payload: { kind: 'image' } });
    return h;
  };
  if (c.note.trim() === '') {
    image(fit(textWidth, bottom - y), textWidth);
    return [...ops, ...footer(c)];
  }
  // The note goes beside the image or under it, whichever leaves the image bigger.
  const sideW = textWidth - NOTE_WIDTH - GAP;
  const sideScale = fit(sideW, bottom - y);
  const below = wrapText(c.note, textWidth, 10.5, false, measure);
  const belowLines = Math.min(below.length, 6);
  const belowScale = fit(textWidth, bottom - y - GAP - 14 * (belowLines + 1));
  if (belowScale > sideScale && below.length <= 6) {
    let ny = y + image(belowScale, textWidth) + GAP;
    text('Note', MARGIN, ny, 11, true);
    for (const line of below) {
      ny += 14;
      text(line, MARGIN, ny, 10.5);
    }
  } else {
    image(sideScale, sideW);
    const x = MARGIN + sideW + GAP;
    let ny = y + 11;
    text('Note', x, ny, 11, true);
    const maxLines = Math.floor((bottom - ny) / 14);
    for (const line of clip(wrapText(c.note, NOTE_WIDTH, 10.5, false, measure), maxLines)) {
      ny += 14;
      text(line, x, ny, 10.5);
    }
  }
  return [...ops, ...footer(c)];
}

/** A rule, then the date on the left and "Page 2 of 3" on the right. */
function footer(c: HandoutPageContent): Op<ImageBox>[] {
  const { width: W, height: H } = A4_LANDSCAPE;
  const fy = H - MARGIN - 6;
  return [
    { kind: 'rule', x1: MARGIN, y1: fy - 12, x2: W - MARGIN, y2: fy - 12, width: 0.5 },
    { kind: 'text', x: MARGIN, y: fy, text: `Ward Insight presentation handout, ${c.date}`, size: 8, bold: false },
    { kind: 'text', x: W - MARGIN, y: fy, text: `Page ${c.number} of ${c.total}`, size: 8, bold: false, align: 'right' },
  ];
}
