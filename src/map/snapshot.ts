import type * as maplibregl from 'maplibre-gl';
import type { MapHandle, MapSnapshot } from '../ui/mapHandle.ts';

/** The hover outline follows the pointer: it is not part of the view, so an image leaves it out. */
const HOVER_LAYER = 'focus-hover';
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6378137;

/**
 * Ground metres covered by one CSS pixel at `latitude` and `zoom`, for MapLibre's
 * 512-pixel Web Mercator tiles (the scale bar of an exported image).
 */
export function metresPerCssPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Resolves after MapLibre's next 'idle' (everything loaded and drawn), running `inFrame` inside that frame. */
function nextIdle<T>(map: maplibregl.Map, inFrame: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    map.once('idle', () => {
      try {
        resolve(inFrame());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    map.triggerRepaint();
  });
}

/** The attribution line the map shows, as plain text (without MapLibre's own link). */
function attributionOf(map: maplibregl.Map): string {
  const text = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '';
  return text
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'MapLibre')
    .join(' · ');
}

/** Copy the WebGL canvas into a 2D canvas: only valid inside the frame that drew it. */
function copyCanvas(gl: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = gl.width;
  copy.height = gl.height;
  const ctx = copy.getContext('2d');
  if (!ctx) throw new Error('This browser could not make an image of the map.');
  ctx.drawImage(gl, 0, 0);
  return copy;
}

/** Hide the hover outline while `draw` runs at `pixelRatio`; put the screen's ratio and the outline back after. */
function atRatio<T>(map: maplibregl.Map, pixelRatio: number, draw: () => T): T {
  const screenRatio = map.getPixelRatio();
  const hasHover = !!map.getLayer(HOVER_LAYER);
  const hoverVisibility = hasHover ? map.getLayoutProperty(HOVER_LAYER, 'visibility') : undefined;
  if (hasHover) map.setLayoutProperty(HOVER_LAYER, 'visibility', 'none');
  const restore = () => {
    map.setPixelRatio(screenRatio);
    if (hasHover) map.setLayoutProperty(HOVER_LAYER, 'visibility', hoverVisibility ?? 'visible');
  };
  try {
    map.setPixelRatio(pixelRatio);
    const result = draw();
    if (result instanceof Promise) return result.finally(restore) as T;
    restore();
    return result;
  } catch (e) {
    restore();
    throw e;
  }
}

function describe(map: maplibregl.Map, canvas: HTMLCanvasElement, pixelRatio: number): MapSnapshot {
  const gl = map.getCanvas();
  const cssWidth = gl.clientWidth;
  const cssHeight = gl.clientHeight;
  const centre = map.getCenter();
  return {
    canvas,
    // What MapLibre drew (it may cap a very large canvas below the ratio asked for).
    pixelRatio: cssWidth > 0 ? canvas.width / cssWidth : pixelRatio,
    cssWidth,
    cssHeight,
    metresPerCssPixel: metresPerCssPixel(centre.lat, map.getZoom()),
    attribution: attributionOf(map),
  };
}

/**
 * The map handle over one MapLibre map. A snapshot redraws the view at the
 * pixel ratio asked for and copies the WebGL canvas inside the frame that drew
 * it (the drawing buffer is still intact then, so the map needs no
 * preserveDrawingBuffer, which would slow every frame). Snapshots run one at a
 * time; the screen's pixel ratio and the hover outline are put back after.
 */
export function mapHandleFor(map: maplibregl.Map): MapHandle {
  let queue: Promise<unknown> = Promise.resolve();
  const snapshot = (pixelRatio: number): Promise<MapSnapshot> =>
    atRatio(map, pixelRatio, async () => describe(map, await nextIdle(map, () => copyCanvas(map.getCanvas())), pixelRatio));
  return {
    idle: () => nextIdle(map, () => undefined),
    snapshot: (pixelRatio) => {
      const run = queue.then(() => snapshot(pixelRatio));
      queue = run.catch(() => undefined);
      return run;
    },
    snapshotNow: (pixelRatio) => {
      if (map.getCanvas().clientWidth === 0 || map.getCanvas().clientHeight === 0) return null;
      // redraw() renders one frame synchronously, with the tiles already loaded.
      return atRatio(map, pixelRatio, () => describe(map, copyCanvas(map.redraw().getCanvas()), pixelRatio));
    },
  };
}
