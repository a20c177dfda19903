/**
 * A chart's live <svg> as a standalone SVG file: for "Download chart: SVG ·
 * PNG" and the PDF evidence pack. The app styles its charts with CSS classes
 * (colours from CSS variables, the system font), which a saved file does not
 * have, so the styles that change what is drawn are copied from the live
 * element's computed style onto each cloned element. The frame — a white
 * background, a visible title above, the sample label and source lines
 * below — extends the chart's viewBox, so the chart itself keeps its own
 * coordinates. The layout of the frame is pure (frameLayout) and tested.
 */
import { SAMPLE_LABEL } from '../ingest/schemas.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** The computed styles that change what a chart looks like once saved. */
export const INLINED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

export interface SvgMeta {
  /** The chart's title, drawn above it and given as the file's <title>. */
  title: string;
  /** Source and licence line(s), drawn below the chart. */
  source?: string | readonly string[];
  /** Sample (synthetic) data is shown: the label is drawn under the title. */
  sample?: boolean;
}

export interface FrameLine {
  text: string;
  /** Baseline, in the chart's own units, relative to the top of the extended viewBox. */
  y: number;
  size: number;
  weight: 'bold' | 'normal';
  /** Colour of the text. */
  fill: string;
}

export interface FrameLayout {
  /** Height added above the chart (title and sample label). */
  top: number;
  /** Height added below the chart (source lines). */
  bottom: number;
  /** Lines above the chart, y from the top of the extended box. */
  above: FrameLine[];
  /** Lines below the chart, y from the chart's bottom edge. */
  below: FrameLine[];
}

const TITLE_SIZE = 14;
const SAMPLE_SIZE = 12;
const SOURCE_SIZE = 10;
const PAD = 8;
/** Average glyph width as a share of the font size for a wide sans-serif (DejaVu Sans, Verdana): enough to wrap without measuring. */
const GLYPH = { normal: 0.58, bold: 0.64 } as const;

/** Words wrapped to lines of at most `width` units at font size `size` (a single long word stays whole). */
export function wrapText(text: string, width: number, size: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  const max = Math.max(8, Math.floor(width / (size * GLYPH[weight])));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where the frame's lines go for a chart `width` units wide. */
export function frameLayout(width: number, meta: SvgMeta): FrameLayout {
  const inner = width - 2 * PAD;
  const above: FrameLine[] = [];
  let y = PAD;
  for (const text of wrapText(meta.title, inner, TITLE_SIZE, 'bold')) {
    y += TITLE_SIZE * 1.25;
    above.push({ text, y, size: TITLE_SIZE, weight: 'bold', fill: '#1b1b1b' });
  }
  if (meta.sample) {
    y += SAMPLE_SIZE * 1.3;
    above.push({ text: SAMPLE_LABEL, y, size: SAMPLE_SIZE, weight: 'bold', fill: '#b10e1e' });
  }
  const top = above.length ? y + PAD : 0;
  const sources = meta.source === undefined ? [] : typeof meta.source === 'string' ? [meta.source] : [...meta.source];
  const below: FrameLine[] = [];
  let b = PAD / 2;
  for (const source of sources) {
    for (const text of wrapText(source, inner, SOURCE_SIZE)) {
      b += SOURCE_SIZE * 1.3;
      below.push({ text, y: b, size: SOURCE_SIZE, weight: 'normal', fill: '#505a5f' });
    }
  }
  return { top, bottom: below.length ? b + PAD : 0, above, below };
}

/** The chart's drawing box: its viewBox, or its size on screen when it has none. */
function boxOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { x: vb.x, y: vb.y, width: vb.width, height: vb.height };
  const r = svg.getBoundingClientRect();
  return { x: 0, y: 0, width: Math.round(r.width) || 300, height: Math.round(r.height) || 150 };
}

/** Properties an element does not inherit: written only when not their initial value. */
const NOT_INHERITED: Partial<Record<(typeof INLINED_STYLES)[number], string>> = { opacity: '1', 'dominant-baseline': 'auto' };

/**
 * Copies the computed styles that matter from each live element onto its
 * clone (same tree shape). An inherited property is written only where it
 * differs from the parent's, so the file stays small and still draws the same.
 */
function inlineStyles(live: Element, copy: Element, parent: CSSStyleDeclaration | null): void {
  const view = live.ownerDocument.defaultView;
  let computed: CSSStyleDeclaration | null = parent;
  if (view && copy instanceof SVGElement && !(copy instanceof SVGTitleElement) && !(copy instanceof SVGDescElement)) {
    computed = view.getComputedStyle(live);
    for (const name of INLINED_STYLES) {
      const value = computed.getPropertyValue(name);
      if (!value) continue;
      const initial = NOT_INHERITED[name];
      const same = initial !== undefined ? value === initial : parent !== null && parent.getPropertyValue(name) === value;
      if (!same) copy.style.setProperty(name, value);
    }
  }
  const a = live.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!, computed);
}

function frameText(doc: Document, line: FrameLine, x: number, y: number): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(Math.round(y * 10) / 10));
  t.setAttribute('font-size', String(line.size));
  t.setAttribute('font-weight', line.weight);
  t.setAttribute('font-family', "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif");
  t.setAttribute('fill', line.fill);
  t.textContent = line.text;
  return t;
}

type Box = { x: number; y: number; width: number; height: number };

/** The live chart cloned with its styles inlined, its namespaces set and its screen-only attributes removed. */
function inlineCopy(svg: SVGSVGElement): { copy: SVGSVGElement; box: Box } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, null);
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  if (copy.querySelector('[*|href]')) copy.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  // The root keeps every inlined style (its children inherit them); its screen-only attributes go.
  for (const name of ['class', 'role', 'aria-label', 'aria-hidden', 'tabindex']) copy.removeAttribute(name);
  const box = boxOf(svg);
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  return { copy, box };
}

/** Adds the <title>, a white background and the frame's lines around a drawing of `box`, extending its viewBox. */
function addFrame(svg: SVGSVGElement, box: Box, meta: SvgMeta): SVGSVGElement {
  const doc = svg.ownerDocument;
  const frame = frameLayout(box.width, meta);
  const top = box.y - frame.top;
  const height = box.height + frame.top + frame.bottom;
  svg.setAttribute('viewBox', `${box.x} ${top} ${box.width} ${height}`);
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(height));
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = meta.title;
  const background = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: box.x, y: top, width: box.width, height })) background.setAttribute(k, String(v));
  background.setAttribute('fill', '#ffffff');
  const x = box.x + PAD;
  const lines = [
    ...frame.above.map((l) => frameText(doc, l, x, top + l.y)),
    ...frame.below.map((l) => frameText(doc, l, x, box.y + box.height + l.y)),
  ];
  svg.prepend(title, background);
  svg.append(...lines);
  return svg;
}

/**
 * A standalone copy of a chart that is on screen (it must be in the document,
 * so its computed styles exist). Without `meta` only the styles, namespaces
 * and size are set (the evidence pack draws its own title); with it, a
 * <title>, a white background, the title line, the sample label and the
 * source lines are added around the chart.
 */
export function standaloneSvg(svg: SVGSVGElement, meta?: SvgMeta): SVGSVGElement {
  const { copy, box } = inlineCopy(svg);
  return meta ? addFrame(copy, box, meta) : copy;
}

const PART_LABEL: FrameLine = { text: '', y: 0, size: 12, weight: 'bold', fill: '#1b1b1b' };
const PART_LABEL_HEIGHT = 20;

/**
 * Several charts on screen (small multiples) as one standalone SVG, one under
 * another, each with its label above it, then framed as standaloneSvg frames one.
 */
export function stackedSvg(parts: readonly { svg: SVGSVGElement; label?: string }[], meta: SvgMeta): SVGSVGElement {
  const first = parts[0];
  if (!first) throw new Error('There is no chart to save.');
  const doc = first.svg.ownerDocument;
  const outer = doc.createElementNS(SVG_NS, 'svg');
  outer.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  const copies = parts.map((p) => ({ ...inlineCopy(p.svg), label: p.label }));
  const width = Math.max(...copies.map((c) => c.box.width));
  let y = 0;
  for (const c of copies) {
    if (c.label) {
      outer.append(frameText(doc, { ...PART_LABEL, text: c.label }, 2, y + 14));
      y += PART_LABEL_HEIGHT;
    }
    c.copy.setAttribute('x', '0');
    c.copy.setAttribute('y', String(y));
    c.copy.removeAttribute('xmlns');
    outer.append(c.copy);
    y += c.box.height + 6;
  }
  return addFrame(outer, { x: 0, y: 0, width, height: y }, meta);
}

/** The SVG as the text of a .svg file (with an XML declaration). */
export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** A standalone SVG drawn to a PNG at `scale` times its size, through an offscreen canvas. */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || boxOf(svg).width;
  const height = Number(svg.getAttribute('height')) || boxOf(svg).height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser could not draw the chart as an image.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
