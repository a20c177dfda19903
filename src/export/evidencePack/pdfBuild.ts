/**
 * Builds the evidence pack PDF in the browser: charts rendered offscreen and
 * kept vector (svg2pdf), the map image from captureView, the pages laid out
 * by PdfLayout and replayed into jsPDF (A4 portrait, Helvetica, black on
 * white). jsPDF and svg2pdf are loaded only when a pack is made.
 */
import type { jsPDF } from 'jspdf';
import type { EvidencePackData } from './gather.ts';
import { PackCancelled } from './gather.ts';
import { PdfLayout, type Page } from './pdfLayout.ts';
import { pdfSafe } from './pdfText.ts';
import { coverPage, mapSection, methodSection, profileSection, themesSection, type Embed, type PackFigures } from './pdfSections.ts';
import { crimeSection, sourcesSection, streetRepSection, surveySection } from './pdfEvidenceSections.ts';
import { packCharts } from './pdfCharts.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { longDateIso, slug } from '../mapImage/layout.ts';

export interface MapPicture {
  canvas: HTMLCanvasElement;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  sources: readonly string[];
}

export interface BuildOptions {
  /** The map of the view on screen; a failure is reported in the pack, not thrown. */
  captureMap(): Promise<MapPicture>;
  signal?: AbortSignal;
  onProgress?(label: string, fraction: number): void;
}

export interface BuiltPack {
  blob: Blob;
  fileName: string;
  pages: number;
}

/** "ward-insight-evidence-pack-norbiton-2026-12-02.pdf". */
export function packFileName(name: string, made: Date): string {
  return `ward-insight-evidence-pack-${slug(name, 60)}-${longDateIso(made)}.pdf`;
}

async function draw(doc: jsPDF, pages: readonly Page<Embed>[], svg2pdf: (el: Element, pdf: jsPDF, o: { x: number; y: number; width: number; height: number }) => Promise<jsPDF>, check: () => void) {
  doc.setTextColor(0, 0, 0);
  doc.setDrawColor(0, 0, 0);
  for (const [i, page] of pages.entries()) {
    check();
    if (i > 0) doc.addPage('a4', 'portrait');
    for (const op of page.ops) {
      if (op.kind === 'text') {
        doc.setFont('helvetica', op.bold ? 'bold' : 'normal');
        doc.setFontSize(op.size);
        doc.text(pdfSafe(op.text), op.x, op.y, { align: op.align ?? 'left' });
      } else if (op.kind === 'rule') {
        doc.setLineWidth(op.width);
        doc.line(op.x1, op.y1, op.x2, op.y2);
      } else if (op.kind === 'box') {
        doc.setLineWidth(0.8);
        doc.rect(op.x, op.y, op.w, op.h);
      } else if (op.payload.kind === 'image') {
        doc.addImage(op.payload.dataUrl, op.payload.format, op.x, op.y, op.w, op.h);
        doc.setLineWidth(0.3);
        doc.rect(op.x, op.y, op.w, op.h);
      } else {
        await svg2pdf(op.payload.svg, doc, { x: op.x, y: op.y, width: op.w, height: op.h });
        // svg2pdf leaves its own font and colours set.
        doc.setTextColor(0, 0, 0);
        doc.setDrawColor(0, 0, 0);
      }
    }
  }
}

export async function buildEvidencePackPdf(d: EvidencePackData, o: BuildOptions): Promise<BuiltPack> {
  const check = () => {
    if (o.signal?.aborted) throw new PackCancelled();
  };
  o.onProgress?.('Loading the PDF writer', 0);
  const [{ jsPDF: JsPdf }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  check();
  o.onProgress?.('Drawing the map', 0.15);
  let map: PackFigures['map'];
  let mapSources: readonly string[] = [];
  try {
    const pic = await o.captureMap();
    mapSources = pic.sources;
    map = { embed: { kind: 'image', dataUrl: pic.canvas.toDataURL('image/jpeg', 0.92), format: 'JPEG' }, width: (pic.canvas.width / pic.pixelRatio) * 0.75, height: (pic.canvas.height / pic.pixelRatio) * 0.75 };
  } catch (e) {
    map = { problem: e instanceof Error ? e.message : String(e) };
  }
  check();
  o.onProgress?.('Drawing the charts', 0.35);
  const figures: PackFigures = { ...packCharts(d), map };
  check();
  const doc = new JsPdf({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true });
  doc.setProperties({ title: `Evidence pack: ${pdfSafe(d.name)}`, subject: `${d.levelWords}, ${d.authority}`, creator: 'Ward Insight' });
  const measure = (text: string, size: number, bold: boolean) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    return doc.getStringUnitWidth(pdfSafe(text)) * size;
  };
  const l = new PdfLayout<Embed>({ measure, footer: pdfSafe(`Ward Insight evidence pack: ${d.name}, ${d.authority}`), sampleLabel: SAMPLE_LABEL });
  o.onProgress?.('Laying out the pages', 0.5);
  coverPage(l, d);
  l.newPage();
  profileSection(l, d, figures);
  mapSection(l, figures);
  themesSection(l, d);
  methodSection(l, d);
  surveySection(l, d, figures);
  streetRepSection(l, d, figures);
  crimeSection(l, d, figures);
  sourcesSection(l, d, mapSources);
  const pages = l.finish();
  o.onProgress?.('Writing the PDF', 0.6);
  await draw(doc, pages, svg2pdf, check);
  check();
  return { blob: doc.output('blob'), fileName: packFileName(d.name, d.made), pages: pages.length };
}
