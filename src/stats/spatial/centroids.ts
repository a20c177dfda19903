import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { PolygonCollection } from './queenContiguity.ts';

/**
 * One representative point per area for k-nearest and distance-band weights:
 * the area-weighted centroid of all its parts (holes subtract), as
 * [x0, y0, x1, y1, …]. Computed in plain lon/lat relative to the area's first
 * vertex, which for areas the size of an LSOA or ward differs from a projected
 * centroid by far less than the areas' own size. A centroid can fall outside a
 * crescent-shaped area; that is acceptable for distance weights. A degenerate area (zero
 * area) gets the mean of its vertices; one with no geometry gets NaN.
 */
export function areaCentroids(polygons: PolygonCollection): Float64Array {
  const out = new Float64Array(polygons.features.length * 2);
  polygons.features.forEach((feature, i) => {
    const [x, y] = centroidOf(feature.geometry);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  });
  return out;
}

function centroidOf(geometry: Polygon | MultiPolygon | null): [number, number] {
  if (!geometry) return [NaN, NaN];
  const parts: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const origin = parts[0]?.[0]?.[0];
  if (!origin) return [NaN, NaN];
  const [ox, oy] = origin as [number, number];
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (const ring of parts.flatMap((rings) => rings.map((positions, index) => ({ positions, isHole: index > 0 })))) {
    // Shoelace over the ring. The first ring of each part is its outline and
    // the rest are holes; the sign comes from that, not from the winding.
    let ringArea2 = 0;
    let ringCx = 0;
    let ringCy = 0;
    const points = ring.positions;
    for (let k = 0; k + 1 < points.length; k++) {
      const x0 = points[k]![0]! - ox;
      const y0 = points[k]![1]! - oy;
      const x1 = points[k + 1]![0]! - ox;
      const y1 = points[k + 1]![1]! - oy;
      const cross = x0 * y1 - x1 * y0;
      ringArea2 += cross;
      ringCx += (x0 + x1) * cross;
      ringCy += (y0 + y1) * cross;
      sx += x0;
      sy += y0;
      count++;
    }
    const sign = (ringArea2 >= 0 ? 1 : -1) * (ring.isHole ? -1 : 1);
    area2 += sign * ringArea2;
    cx += sign * ringCx;
    cy += sign * ringCy;
  }
  if (Math.abs(area2) < 1e-18 || count === 0) {
    return count === 0 ? [ox, oy] : [ox + sx / count, oy + sy / count];
  }
  return [ox + cx / (3 * area2), oy + cy / (3 * area2)];
}
