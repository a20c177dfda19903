import type { Feature, FeatureCollection, Position } from 'geojson';

export type Bounds = [number, number, number, number];

export const ENGLAND_BOUNDS: Bounds = [-5.8, 49.9, 1.8, 55.85];

function visit(coords: unknown, b: Bounds): void {
  if (typeof (coords as Position)[0] === 'number') {
    const [x, y] = coords as Position;
    if (x === undefined || y === undefined) return;
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
    return;
  }
  for (const c of coords as unknown[]) visit(c, b);
}

/** Bounding box of the features that pass `keep` (all by default). */
export function boundsOf(fc: FeatureCollection, keep: (f: Feature) => boolean = () => true): Bounds | null {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) {
    if (!keep(f) || !f.geometry || f.geometry.type === 'GeometryCollection') continue;
    visit(f.geometry.coordinates, b);
  }
  return Number.isFinite(b[0]) ? b : null;
}
