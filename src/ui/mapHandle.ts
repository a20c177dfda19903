/**
 * The one map on screen, reachable by the exports (image, print, evidence
 * pack, presentation handout) without importing the map's React tree. The
 * map panel registers itself on mount and unregisters on unmount.
 */
export interface MapSnapshot {
  /** The map as drawn now (fills, outlines, labels, the selected area; no hover outline), at `pixelRatio` × its CSS size. */
  canvas: HTMLCanvasElement;
  pixelRatio: number;
  cssWidth: number;
  cssHeight: number;
  /** Ground distance of one CSS pixel at the centre of the view, for a scale bar. */
  metresPerCssPixel: number;
  /** The attribution line shown on the map. */
  attribution: string;
}

export interface MapHandle {
  /** Wait until the map has finished drawing (tiles loaded, colours applied). */
  idle(): Promise<void>;
  /** Draw the current view at a higher pixel ratio and copy it out. */
  snapshot(pixelRatio: number): Promise<MapSnapshot>;
  /**
   * The same, drawn synchronously with what is loaded now (for 'beforeprint', where the page
   * prints as soon as the handler returns); null when the map has no size.
   */
  snapshotNow?(pixelRatio: number): MapSnapshot | null;
}

let current: MapHandle | null = null;

export function setMapHandle(handle: MapHandle | null): void {
  current = handle;
}

export function getMapHandle(): MapHandle | null {
  return current;
}
