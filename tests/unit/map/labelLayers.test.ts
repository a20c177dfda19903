import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  areaLabelsOf,
  authorityLabelLayer,
  labelPoints,
  labelSortKey,
  LABEL_FONTS,
  LABEL_ZOOM,
  placeFilter,
  placeLabelFilter,
  placeLabelLayer,
  wardLabelLayer,
} from '../../../src/map/labelLayers.ts';

const square = (code: string, lad: string | undefined, x: number): FeatureCollection['features'][number] => ({
  type: 'Feature',
  properties: { code, name: `Area ${code}`, ...(lad ? { lad_code: lad } : {}) },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

describe('map names as symbol layers', () => {
  it('puts one label inside each area, carrying its authority', () => {
    const labels = areaLabelsOf({ type: 'FeatureCollection', features: [square('W1', 'L1', 0), square('L2', undefined, 5)] });
    expect(labels.map((l) => [l.code, l.lad])).toEqual([['W1', 'L1'], ['L2', 'L2']]);
    expect(labels[0]!.at[0]).toBeCloseTo(0.5);
    const points = labelPoints([{ code: 'E1', name: 'Big', at: [1, 2], priority: 9000 }]);
    expect(points.features[0]!.properties).toEqual({ code: 'E1', name: 'Big', lad: '', sort: -9000 });
  });

  it('places the selected ward first, then larger ones', () => {
    expect(labelSortKey('W7')).toEqual(['case', ['==', ['get', 'code'], 'W7'], -1e15, ['get', 'sort']]);
    expect(labelSortKey(null)[1]).toEqual(['==', ['get', 'code'], '']);
  });

  it('shows ward names zoomed in and authority names zoomed out, never both', () => {
    const ward = wardLabelLayer('w', 's');
    const lad = authorityLabelLayer('a', 's');
    expect(ward.minzoom).toBe(LABEL_ZOOM);
    expect(lad.maxzoom).toBe(LABEL_ZOOM);
    expect(ward.layout?.['text-font']).toEqual([LABEL_FONTS.ward]);
    // Dark text on a white halo: legible on every fill and carries no hue.
    expect(ward.paint?.['text-color']).toBe('#111111');
    expect(ward.paint?.['text-halo-color']).toBe('#ffffff');
  });

  it('filters names to the chosen place', () => {
    expect(placeFilter('five')).toEqual(['boolean', true]);
    expect(placeFilter('E09000021')).toEqual(['==', ['get', 'lad'], 'E09000021']);
  });

  it('draws OS places quietly, each from its own zoom, bigger places first', () => {
    const places = placeLabelLayer('p', 's');
    expect(places.filter).toEqual(['>=', ['zoom'], ['get', 'minzoom']]);
    expect(places.layout?.['symbol-sort-key']).toEqual(['get', 'rank']);
    expect(places.layout?.['text-font']).toEqual([LABEL_FONTS.place]);
    expect(places.paint?.['text-color']).toBe('#555555');
    // A place named like a ward beside it is not drawn twice.
    expect(placeLabelFilter(['Evington'])).toEqual(['all', ['>=', ['zoom'], ['get', 'minzoom']], ['!', ['in', ['get', 'name'], ['literal', ['Evington']]]]]);
  });
});
