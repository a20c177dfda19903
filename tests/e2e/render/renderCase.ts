import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FirstPaint } from '../../../src/analysis/firstPaint.ts';
import { BASE_STYLE } from '../../../src/map/mapStyle.ts';
import { boundsOf, type Bounds } from '../../../src/geo/bounds.ts';

/**
 * One expected-image case, as maplibre-gl-js's render tests: a style (built from the
 * app's own layer functions, so the test checks the real style) and the operations
 * the app would apply, drawn at a fixed size and compared with expected.png.
 */
export interface RenderCase {
  description: string;
  width: number;
  height: number;
  style: StyleSpecification;
  operations: Operation[];
}

export type Operation =
  | { type: 'fitBounds'; bounds: Bounds; padding: number }
  | { type: 'jumpTo'; center: [number, number]; zoom: number }
  | { type: 'setFeatureState'; source: string; states: Record<string, Record<string, string | number | null>> }
  | { type: 'setFilter'; layer: string; filter: FilterSpecification }
  | { type: 'setLayoutProperty'; layer: string; name: string; value: unknown };

/** The glyphs and data are served to the page from disk on this fake origin (nothing leaves the machine). */
export const ORIGIN = 'http://render.test';

const root = resolve(import.meta.dirname, '..', '..', '..');
const read = <T>(rel: string): T => JSON.parse(readFileSync(resolve(root, rel), 'utf8')) as T;

export const KINGSTON = 'E09000021';
export const NORBITON = 'E05013941';

/** Kingston's small areas, wards and outline, read from the committed data/geo files at test time. */
export function kingston(): { lsoa: FeatureCollection; ward: FeatureCollection; lad: FeatureCollection; places: FeatureCollection<Point>; firstPaint: FirstPaint; bounds: Bounds } {
  const only = (fc: FeatureCollection, keep: (p: Record<string, unknown>) => boolean): FeatureCollection => ({ ...fc, features: fc.features.filter((f) => keep(f.properties ?? {})) });
  const lad = only(read('data/geo/lad-five.geojson'), (p) => p.code === KINGSTON);
  const bounds = boundsOf(lad)!;
  const [w, s, e, n] = bounds;
  const near = (f: { geometry: Point }) => {
    const [x, y] = f.geometry.coordinates as [number, number];
    return x > w - 0.05 && x < e + 0.05 && y > s - 0.03 && y < n + 0.03;
  };
  const places = read<FeatureCollection<Point>>('data/geo/places-five.geojson');
  return {
    lsoa: only(read('data/geo/lsoa-five.geojson'), (p) => p.lad_code === KINGSTON),
    ward: only(read('data/geo/ward-five.geojson'), (p) => p.lad_code === KINGSTON),
    lad,
    places: { ...places, features: places.features.filter(near) },
    firstPaint: read('data/first-paint.json'),
    bounds,
  };
}

/** The app's base style (its background and glyph template) with the case's sources and layers, glyphs on the test origin. */
export function styleWith(sources: Record<string, SourceSpecification>, layers: LayerSpecification[]): StyleSpecification {
  return { ...BASE_STYLE, glyphs: `${ORIGIN}/glyphs/{fontstack}/{range}.pbf`, sources, layers: [...BASE_STYLE.layers, ...layers] };
}

/** Feature-state `fill` per area, as ChoroplethMap.setColours sends them. */
export const fillStates = (colours: ReadonlyMap<string, string>): Record<string, { fill: string }> => Object.fromEntries([...colours].map(([code, fill]) => [code, { fill }]));
