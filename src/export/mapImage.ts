/**
 * The map image as a person would print it: title, the map, its key, a scale
 * bar, the SAMPLE label when sample data is drawn, and the sources, licences
 * and date. Draws on a 2D canvas at the snapshot's pixel ratio, so text and
 * lines are as sharp as the map; the layout itself is in mapImage/layout.ts.
 */
import type { MapSnapshot } from '../ui/mapHandle.ts';
import type { MapLegendClass } from '../map/legendSpec.ts';
import { FONTS, SIZES, layoutImage, scaleBar, type ImageContent, type Measure, type TextRow } from './mapImage/layout.ts';

/** The app's own font stack (styles.css), so the image needs no font download. */
export function appFontFamily(): string {
  const family = typeof document === 'undefined' ? '' : getComputedStyle(document.documentElement).fontFamily;
  return family || "system-ui, 'DejaVu Sans', Arial, sans-serif";
}

const SAMPLE_FILL = '#fff2a8';
const SAMPLE_EDGE = '#6b5800';
const SAMPLE_INK = '#3b2f00';

function drawText(ctx: CanvasRenderingContext2D, row: TextRow): void {
  ctx.font = row.font;
  ctx.fillStyle = row.colour;
  ctx.textAlign = row.align ?? 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(row.text, row.x, row.y);
}

function drawSwatch(ctx: CanvasRenderingContext2D, cls: MapLegendClass, x: number, y: number): void {
  const w = SIZES.swatch;
  ctx.fillStyle = cls.colour;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.lineWidth = 1;
  if (cls.shape === 'dot') {
    ctx.beginPath();
    ctx.arc(x + w / 2, y + 6, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  } else if (cls.shape === 'line') {
    ctx.fillRect(x, y + 4, w, 4);
  } else {
    ctx.fillRect(x, y, w, 13);
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, 12);
  }
}

function drawSampleLabel(ctx: CanvasRenderingContext2D, text: string, family: string, x: number, y: number, width: number): void {
  ctx.fillStyle = SAMPLE_FILL;
  ctx.fillRect(x, y, width, SIZES.sampleHeight);
  ctx.strokeStyle = SAMPLE_EDGE;
  ctx.lineWidth = 2;
  ctx.strokeRect(x + 1, y + 1, width - 2, SIZES.sampleHeight - 2);
  drawText(ctx, { text, font: FONTS.sample(family), x: x + 12, y: y + 5, colour: SAMPLE_INK });
}

/** A scale bar in the map's lower left: a black and white bar with its length above. */
function drawScaleBar(ctx: CanvasRenderingContext2D, metresPerCssPixel: number, map: { x: number; y: number; height: number }, family: string): void {
  const bar = scaleBar(metresPerCssPixel, 140);
  if (!bar) return;
  const x = map.x + 12;
  const y = map.y + map.height - 14;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x - 6, y - 24, Math.max(bar.px + 12, 60), 32);
  ctx.fillStyle = '#1b1b1b';
  ctx.fillRect(x, y - 3, bar.px, 6);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x + bar.px / 2, y - 1.5, bar.px / 2 - 1.5, 3);
  drawText(ctx, { text: bar.label, font: FONTS.keySmall(family), x, y: y - 20, colour: '#1b1b1b' });
}

/** Draw the image: `snapshot` is the map at its pixel ratio; the rest is drawn at the same ratio. */
export function composeMapImage(snapshot: MapSnapshot, content: ImageContent): HTMLCanvasElement {
  const family = appFontFamily();
  const ratio = snapshot.pixelRatio;
  const scratch = document.createElement('canvas').getContext('2d');
  if (!scratch) throw new Error('This browser could not draw the image.');
  const measure: Measure = (text, font) => {
    scratch.font = font;
    return scratch.measureText(text).width;
  };
  const layout = layoutImage(content, snapshot.cssWidth, snapshot.cssHeight, family, measure);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser could not draw the image.');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);

  for (const row of layout.header) drawText(ctx, row);
  if (layout.sample) drawSampleLabel(ctx, content.sampleText, family, layout.sample.x, layout.sample.y, layout.sample.width);

  const { map, key, keyLayout } = layout;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(snapshot.canvas, map.x, map.y, map.width, map.height);
  ctx.strokeStyle = '#1b1b1b';
  ctx.lineWidth = 1;
  ctx.strokeRect(map.x - 0.5, map.y - 0.5, map.width + 1, map.height + 1);
  drawScaleBar(ctx, snapshot.metresPerCssPixel, map, family);
  if (content.legend.sample) {
    // On the map too, so a crop of the map alone still says so.
    const w = measure(content.sampleText, FONTS.sample(family)) + 24;
    drawSampleLabel(ctx, content.sampleText, family, map.x + 10, map.y + 10, w);
  }

  ctx.save();
  ctx.translate(key.x, key.y);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, key.width, key.height);
  ctx.strokeStyle = '#b1b4b6';
  ctx.strokeRect(0.5, 0.5, key.width - 1, key.height - 1);
  if (keyLayout.sampleAt !== null) {
    drawSampleLabel(ctx, content.sampleText, family, SIZES.keyPad, keyLayout.sampleAt, key.width - 2 * SIZES.keyPad);
  }
  for (const s of keyLayout.swatches) drawSwatch(ctx, s.cls, s.x, s.y);
  for (const row of keyLayout.texts) drawText(ctx, row);
  ctx.restore();

  ctx.fillStyle = '#b1b4b6';
  if (layout.footer[0]) ctx.fillRect(SIZES.pad, layout.footer[0].y - 6, layout.width - 2 * SIZES.pad, 1);
  for (const row of layout.footer) drawText(ctx, row);
  return canvas;
}

/** The map alone with its scale bar (and the SAMPLE label), for print, where the key and sources are HTML text. */
export function composeMapOnly(snapshot: MapSnapshot, sample: boolean, sampleText: string): HTMLCanvasElement {
  const family = appFontFamily();
  const ratio = snapshot.pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = snapshot.canvas.width;
  canvas.height = snapshot.canvas.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser could not draw the image.');
  ctx.drawImage(snapshot.canvas, 0, 0);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const map = { x: 0, y: 0, width: snapshot.cssWidth, height: snapshot.cssHeight };
  drawScaleBar(ctx, snapshot.metresPerCssPixel, map, family);
  if (sample) {
    ctx.font = FONTS.sample(family);
    drawSampleLabel(ctx, sampleText, family, 10, 10, ctx.measureText(sampleText).width + 24);
  }
  return canvas;
}

/** The canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be saved as PNG (the browser ran out of memory?).'))), 'image/png'),
  );
}
