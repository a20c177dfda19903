import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { placeMinZoom, placeRank, type PlaceProps } from '../../../scripts/data/places.ts';

describe('OS Open Names places: when each name shows', () => {
  it('shows cities and towns before villages, and villages before suburbs and hamlets', () => {
    expect(placeMinZoom('City', 50_000)).toBeLessThan(placeMinZoom('Town', 14_000));
    expect(placeMinZoom('Town', 14_000)).toBeLessThan(placeMinZoom('Village', 20_000));
    expect(placeMinZoom('Village', 20_000)).toBeLessThan(placeMinZoom('Suburban Area', 20_000));
    expect(placeMinZoom('Suburban Area', 20_000)).toBeLessThan(placeMinZoom('Hamlet', 5_000));
  });

  it('shows the smaller places of a type one zoom later', () => {
    expect(placeMinZoom('Village', 4_000)).toBe(placeMinZoom('Village', 12_000) + 1);
    expect(() => placeMinZoom('Castle', 1)).toThrow(/unknown/);
  });

  it('places bigger places first when names collide', () => {
    expect(placeRank(9, 62_000)).toBeLessThan(placeRank(9, 14_000));
    expect(placeRank(9, 14_000)).toBeLessThan(placeRank(10, 22_000));
  });

  it('the committed file holds 952 places, each with a name, a type and a first zoom', () => {
    const fc = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/geo/places-five.geojson'), 'utf8')) as FeatureCollection<Point, PlaceProps>;
    expect(fc.features).toHaveLength(952);
    for (const f of fc.features) {
      expect(f.properties.name).not.toBe('');
      expect([placeMinZoom(f.properties.type, 0), placeMinZoom(f.properties.type, 1e6)]).toContain(f.properties.minzoom);
    }
    expect(fc.features.filter((f) => f.properties.type === 'Town').map((f) => f.properties.name)).toContain('Northwich');
  });
});
