import { describe, expect, it } from 'vitest';
import { basemapSource, tileUrlProblem } from '../../../src/map/basemap.ts';

describe('background map tile address', () => {
  it('accepts an https or http XYZ template', () => {
    expect(tileUrlProblem('https://tiles.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(tileUrlProblem(' http://localhost:8080/t/{z}/{x}/{y}@2x.png?key=abc ')).toBeNull();
  });

  it('says plainly what is wrong otherwise', () => {
    expect(tileUrlProblem('')).toBe('Enter the address of the tiles.');
    expect(tileUrlProblem('https://tiles.example.org/{z}/{x}.png')).toMatch(/must contain \{y\}/);
    expect(tileUrlProblem('tiles/{z}/{x}/{y}.png')).toBe('This is not a web address.');
    expect(tileUrlProblem('ftp://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/must start with https:\/\//);
    expect(tileUrlProblem('javascript:{z}{x}{y}')).toMatch(/must start with https:\/\//);
  });

  it('credits the tiles on the map, with a fallback line when none is given', () => {
    expect(basemapSource({ url: 'https://t.example/{z}/{x}/{y}.png', attribution: '© Example' })).toMatchObject({ type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'], tileSize: 256, attribution: '© Example' });
    expect(basemapSource({ url: 'https://t.example/{z}/{x}/{y}.png', attribution: ' ' }).attribution).toMatch(/tiles from the address you gave/);
    expect(basemapSource({ url: 'https://t.example/{z}/{x}/{y}.png', attribution: '<img src=x onerror=alert(1)>' }).attribution).toBe('&#60;img src=x onerror=alert(1)&#62;');
  });
});
