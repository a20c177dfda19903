/**
 * The current view as an image with its key: for the PNG button, print, the
 * PDF evidence pack and the presentation handout. MapView registers what the
 * view shows (its layer spec key, title and key as data, null until the data
 * for that key has arrived); the map panel says when it has painted a fill;
 * captureView waits for both and for the map to be idle, so a caller that has
 * just changed the view gets the new view, never the old one.
 */
import type { MapLegend } from '../map/legendSpec.ts';
import { getMapHandle } from '../ui/mapHandle.ts';
import type { LayerSpec } from '../session/layers.ts';
import { SAMPLE_LABEL } from '../ingest/schemas.ts';
import { canvasToPng, composeMapImage } from './mapImage.ts';
import { longDate } from './mapImage/layout.ts';

export interface ViewImage {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  legend: MapLegend;
  title: string;
  /** The place shown, in words ("Kingston upon Thames"), for file names. */
  place: string;
  /** The map's attribution line, as drawn in the image. */
  attribution: string;
  toBlob(): Promise<Blob>;
  /** Milliseconds waiting for the view, redrawing the map at the pixel ratio and composing the image. */
  ms: { wait: number; snapshot: number; compose: number };
}

/** What the view on screen draws, as MapView registers it. */
export interface ViewDrawing {
  /** viewKeyOf(spec): changes whenever what the map should show changes. */
  key: string;
  fillKey: string;
  title: string;
  place: string;
  /** The key for exactly this view; null while its data is on its way. */
  legend: MapLegend | null;
  /** The selected area's name, outlined on the map. */
  selected: string | null;
  /** What is still awaited, in words, for the timeout message. */
  waitingFor: string;
}

/** Everything in the spec that changes what the map draws. */
export const viewKeyOf = (spec: LayerSpec): string =>
  [spec.fill.key, spec.points.key, spec.selected ?? '', spec.officialWards ? 'official' : '', spec.localities.map((l) => l.id).join(',')].join('#');

let current: ViewDrawing | null = null;
let paintedFill: string | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of [...listeners]) l();
};

/** MapView: the view now on screen (null when the map unmounts). */
export function publishView(view: ViewDrawing | null): void {
  current = view;
  notify();
}

/** The view on screen, as registered (print and tests read it). */
export function currentView(): ViewDrawing | null {
  return current;
}

/** MapPanel: the colours for `fillKey` are on the map. */
export function markFillPainted(fillKey: string): void {
  paintedFill = fillKey;
  notify();
}

/** Resolves with the first registered view that passes `accept`, or fails after the deadline. */
function waitForView(accept: (v: ViewDrawing) => boolean, deadline: number): Promise<ViewDrawing> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (current && current.legend && paintedFill === current.fillKey && accept(current)) {
        done();
        resolve(current);
      }
    };
    const timer = setTimeout(() => {
      done();
      const what = current ? (current.legend ? 'the colours to reach the map' : current.waitingFor) : 'the map to start';
      reject(new Error(`The map did not finish drawing this view in time (still waiting for ${what}). Try again in a moment.`));
    }, Math.max(0, deadline - performance.now()));
    const done = () => {
      clearTimeout(timer);
      listeners.delete(check);
    };
    listeners.add(check);
    check();
  });
}

/** The sources, the map's attribution and the date, as the image's footer and the printed page say them. */
export function footerLinesOf(legend: MapLegend, attribution: string, date: Date): string[] {
  return [...legend.sources, ...(attribution ? [`Map: ${attribution}`] : []), `Made with Ward Insight on ${longDate(date)}.`];
}

/** A task and then a frame: a view just dispatched has rendered and registered by then. */
const settle = () => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), 0));

function withDeadline<T>(work: Promise<T>, deadline: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - performance.now()));
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export interface CaptureOptions {
  /** Map pixels per CSS pixel; default at least 2 (print resolution), or the screen's if higher. */
  pixelRatio?: number;
  /** Give up after this long (default 20 s) with a plain message. */
  timeoutMs?: number;
  /** Instead of the view's own title (what is shown, where). */
  title?: string;
  /** The layer spec the caller just set (layerSpecOf(session)): wait until exactly that view is drawn. */
  spec?: LayerSpec;
  /** For the "Made with Ward Insight on …" line (tests). */
  date?: Date;
}

/**
 * Wait (within the deadline) until the view on screen — or exactly the view of
 * `spec` — has its key and its colours on the map, and the map is idle.
 */
export async function whenViewDrawn(options: Pick<CaptureOptions, 'spec'> & { deadline: number }): Promise<ViewDrawing> {
  const { deadline } = options;
  const expected = options.spec ? viewKeyOf(options.spec) : null;
  await settle();
  await waitForView((v) => expected === null || v.key === expected, deadline);
  const handle = getMapHandle();
  if (!handle) throw new Error('The map is not open, so there is no map to make an image of.');
  await withDeadline(handle.idle(), deadline, 'The map did not finish drawing in time. Try again in a moment.');
  // The view may have moved on while the map finished drawing: take the one now on screen.
  return waitForView((v) => expected === null || v.key === expected, deadline);
}

/** Map pixels per CSS pixel for print: at least 2, or the screen's if higher. */
export const printRatio = (): number => Math.max(2, window.devicePixelRatio || 1);

/** The stages' times, also as performance measures ('map-image-wait', '-snapshot', '-compose') a test or the bench can read. */
function measured(t0: number, t1: number, t2: number): ViewImage['ms'] {
  const t3 = performance.now();
  performance.measure('map-image-wait', { start: t0, end: t1 });
  performance.measure('map-image-snapshot', { start: t1, end: t2 });
  performance.measure('map-image-compose', { start: t2, end: t3 });
  return { wait: t1 - t0, snapshot: t2 - t1, compose: t3 - t2 };
}

/** Wait until the current view is fully drawn, then compose its image at print resolution. */
export async function captureView(options: CaptureOptions = {}): Promise<ViewImage> {
  const t0 = performance.now();
  const deadline = t0 + (options.timeoutMs ?? 20_000);
  const view = await whenViewDrawn({ spec: options.spec, deadline });
  const handle = getMapHandle();
  if (!handle) throw new Error('The map is not open, so there is no map to make an image of.');
  const ratio = options.pixelRatio ?? printRatio();
  const t1 = performance.now();
  const snapshot = await withDeadline(handle.snapshot(ratio), deadline, 'The map could not be redrawn for the image in time. Try again in a moment.');
  const t2 = performance.now();
  const legend = view.legend!;
  const title = options.title ?? view.title;
  const footerLines = footerLinesOf(legend, snapshot.attribution, options.date ?? new Date());
  const canvas = composeMapImage(snapshot, {
    title,
    subtitle: legend.subtitle,
    legend,
    selected: view.selected ? { label: `Selected: ${view.selected}`, colour: '#e8006f' } : null,
    footerLines,
    sampleText: SAMPLE_LABEL,
  });
  return {
    canvas,
    width: canvas.width,
    height: canvas.height,
    legend,
    title,
    place: view.place,
    attribution: snapshot.attribution,
    toBlob: () => canvasToPng(canvas),
    ms: measured(t0, t1, t2),
  };
}
