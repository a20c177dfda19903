/**
 * Writes the presentation handout: one A4 landscape page per slide, each with
 * the slide's view as an image (drawn by the caller, one slide at a time) and
 * its note. jsPDF is loaded only when a handout is made.
 */
import type { Slide } from '../../presentation/slides.ts';
import { pdfSafe } from '../evidencePack/pdfText.ts';
import { longDate, longDateIso } from '../mapImage/layout.ts';
import { layoutHandoutPage } from './handoutLayout.ts';

export class HandoutCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'HandoutCancelled';
  }
}

export interface HandoutOptions {
  slides: readonly Slide[];
  describe(slide: Slide): string;
  /** The slide's view, drawn: its image and its own title. */
  capture(slide: Slide, index: number): Promise<{ canvas: HTMLCanvasElement; title: string }>;
  signal?: AbortSignal;
  onProgress?(index: number, total: number): void;
  date?: Date;
}

export interface BuiltHandout {
  blob: Blob;
  fileName: string;
  pages: number;
}

export const handoutFileName = (made: Date): string => `ward-insight-presentation-handout-${longDateIso(made)}.pdf`;

export async function buildHandoutPdf(o: HandoutOptions): Promise<BuiltHandout> {
  const check = () => {
    if (o.signal?.aborted) throw new HandoutCancelled();
  };
  const made = o.date ?? new Date();
  const { jsPDF: JsPdf } = await import('jspdf');
  check();
  const doc = new JsPdf({ unit: 'pt', format: 'a4', orientation: 'landscape', compress: true });
  doc.setProperties({ title: 'Presentation handout', subject: `${o.slides.length} slides from Ward Insight`, creator: 'Ward Insight' });
  const measure = (text: string, size: number, bold: boolean) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    return doc.getStringUnitWidth(pdfSafe(text)) * size;
  };
  const total = o.slides.length;
  for (const [i, slide] of o.slides.entries()) {
    check();
    o.onProgress?.(i, total);
    const image = await o.capture(slide, i);
    check();
    if (i > 0) doc.addPage('a4', 'landscape');
    const ops = layoutHandoutPage(
      { number: i + 1, total, title: slide.title || image.title, description: o.describe(slide), note: slide.note, image: { width: image.canvas.width, height: image.canvas.height }, date: longDate(made) },
      measure,
    );
    for (const op of ops) {
      if (op.kind === 'text') {
        doc.setFont('helvetica', op.bold ? 'bold' : 'normal');
        doc.setFontSize(op.size);
        doc.text(pdfSafe(op.text), op.x, op.y, { align: op.align ?? 'left' });
      } else if (op.kind === 'rule') {
        doc.setLineWidth(op.width);
        doc.line(op.x1, op.y1, op.x2, op.y2);
      } else if (op.kind === 'embed') {
        doc.addImage(image.canvas.toDataURL('image/jpeg', 0.9), 'JPEG', op.x, op.y, op.w, op.h);
        doc.setLineWidth(0.3);
        doc.rect(op.x, op.y, op.w, op.h);
      }
    }
  }
  o.onProgress?.(total, total);
  return { blob: doc.output('blob'), fileName: handoutFileName(made), pages: total };
}

