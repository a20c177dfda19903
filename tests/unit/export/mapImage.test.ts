import { describe, expect, it } from 'vitest';
import { layoutImage, layoutKey, longDate, longDateIso, scaleBar, slug, wrapText, type Measure } from '../../../src/export/mapImage/layout.ts';
import { boundariesLegend, combineLegends, viewTitle } from '../../../src/export/mapImage/legends.ts';
import { metresPerCssPixel } from '../../../src/map/snapshot.ts';
import type { MapLegend } from '../../../src/map/legendSpec.ts';

/** Every character half the font size wide: enough to test wrapping without a canvas. */
const measure: Measure = (text, font) => text.length * 0.5 * Number(/([\d.]+)px/.exec(font)![1]);

const legend: MapLegend = {
  title: 'Overall deprivation (IMD 2025)',
  subtitle: 'Small areas (LSOAs) in Kingston upon Thames · score',
  classes: [
    { label: '1 — most deprived 10% in England', colour: '#440154', count: 3 },
    { label: '2', colour: '#482878', count: 12 },
    { label: 'No data', colour: '#bdbdbd', count: 1 },
  ],
  notes: ['Coloured by national decile: each group is a tenth of England’s small areas.'],
  sources: ['Source: English Indices of Deprivation 2025 (MHCLG).'],
  sample: false,
};

describe('text wrapping', () => {
  it('breaks between words within the width', () => {
    const lines = wrapText('the quick brown fox jumps over the lazy dog', 75, '10px x', measure);
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
    for (const l of lines) expect(measure(l, '10px x')).toBeLessThanOrEqual(75);
  });
  it('splits a word longer than a line and drops extra spaces', () => {
    expect(wrapText('  E01002933E01002934  x ', 50, '10px x', measure)).toEqual(['E01002933E', '01002934 x']);
    expect(wrapText('', 50, '10px x', measure)).toEqual([]);
  });
});

describe('scale bar', () => {
  it('picks the longest 1, 2 or 5 × 10ⁿ metres that fits', () => {
    expect(scaleBar(10, 140)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(3, 140)).toMatchObject({ metres: 200, label: '200 m' });
    expect(scaleBar(40, 140)).toMatchObject({ metres: 5000, label: '5 km', px: 125 });
    expect(scaleBar(1000, 140)).toMatchObject({ metres: 100_000, label: '100 km' });
    expect(scaleBar(0.05, 140)).toMatchObject({ metres: 5, label: '5 m' });
    for (const mpp of [0.7, 3, 13, 77, 420]) {
      const bar = scaleBar(mpp, 140)!;
      expect(bar.px).toBeLessThanOrEqual(140);
      expect(bar.px).toBeGreaterThan(140 / 5);
    }
  });
  it('has no bar for a map with no size', () => {
    expect(scaleBar(0, 140)).toBeNull();
    expect(scaleBar(Number.NaN, 140)).toBeNull();
  });
  it('measures Web Mercator ground distance at the map centre', () => {
    // Zoom 0 at the equator: 40,075 km over 512 pixels.
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    // At 60° north a pixel covers half the ground.
    expect(metresPerCssPixel(60, 10)).toBeCloseTo(78_271.5 / 1024 / 2, 3);
  });
});

describe('the key and the image layout', () => {
  it('lays out one row per class with counts right-aligned, plus the selected outline', () => {
    const key = layoutKey(legend, { label: 'Selected: Norbiton', colour: '#e8006f' }, 320, 'sans', measure);
    expect(key.swatches.map((s) => s.cls.label)).toEqual(['1 — most deprived 10% in England', '2', 'No data', 'Selected: Norbiton']);
    expect(key.swatches.at(-1)!.cls.shape).toBe('line');
    const counts = key.texts.filter((t) => t.align === 'right').map((t) => t.text);
    expect(counts).toEqual(['3', '12', '1']);
    // Rows go down the key, none overlapping.
    const ys = key.swatches.map((s) => s.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(ys.length);
    expect(key.sampleAt).toBeNull();
    expect(key.height).toBeGreaterThan(ys.at(-1)!);
    for (const t of key.texts) expect(t.x + (t.align === 'right' ? 0 : measure(t.text, t.font))).toBeLessThanOrEqual(320);
  });
  it('puts a SAMPLE label in the header and the key when sample data is drawn', () => {
    const sample = { ...legend, sample: true };
    const layout = layoutImage(
      { title: 'Survey responses — Kingston upon Thames', legend: sample, selected: null, footerLines: ['Source: x.'], sampleText: 'SAMPLE — synthetic data' },
      800,
      600,
      'sans',
      measure,
    );
    expect(layout.sample).not.toBeNull();
    expect(layout.keyLayout.sampleAt).not.toBeNull();
    // The title leaves room for the label.
    for (const h of layout.header) expect(h.x + measure(h.text, h.font)).toBeLessThanOrEqual(layout.sample!.x);
  });
  it('places header, map and key side by side, then the footer, and grows to fit a long key', () => {
    const content = { title: 'Overall deprivation (IMD 2025) — Kingston upon Thames', subtitle: legend.subtitle, legend, selected: null, footerLines: ['a', 'b', 'c'], sampleText: 'S' };
    const layout = layoutImage(content, 800, 600, 'sans', measure);
    expect(layout.width).toBe(16 + 800 + 16 + 320 + 16);
    expect(layout.map.x).toBe(16);
    expect(layout.key.x).toBe(layout.map.x + 800 + 16);
    expect(layout.map.y).toBeGreaterThan(layout.header.at(-1)!.y);
    expect(layout.footer.map((f) => f.text)).toEqual(['a', 'b', 'c']);
    expect(layout.footer[0]!.y).toBeGreaterThan(layout.map.y + 600);
    expect(layout.height).toBeGreaterThan(layout.footer.at(-1)!.y);
    // The header's subtitle is not repeated in the key.
    expect(layout.keyLayout.texts.some((t) => t.text.startsWith('Small areas'))).toBe(false);
    const long = { ...legend, notes: Array.from({ length: 60 }, (_, i) => `Note ${i} with several words to wrap over more than one line of the key.`) };
    const tall = layoutImage({ ...content, legend: long }, 800, 200, 'sans', measure);
    expect(tall.footer[0]!.y).toBeGreaterThan(tall.key.y + tall.key.height);
  });
});

describe('legends for a view', () => {
  it('joins a fill key and a points key, dots drawn as dots', () => {
    const dots: MapLegend = { title: 'Crimes in the latest month', classes: [{ label: 'Burglary', colour: '#111', count: 4 }], notes: ['n'], sources: ['Source: police.uk.', legend.sources[0]!], sample: true };
    const both = combineLegends(legend, dots)!;
    expect(both.title).toBe(legend.title);
    expect(both.classes.at(-1)).toEqual({ label: 'Burglary', colour: '#111', count: 4, shape: 'dot' });
    expect(both.sources).toEqual([legend.sources[0], 'Source: police.uk.']);
    expect(both.notes[0]).toBe('Dots: Crimes in the latest month.');
    expect(both.sample).toBe(true);
    expect(combineLegends(null, dots)).toBe(dots);
    expect(combineLegends(legend, null)).toBe(legend);
  });
  it('titles the view with the place unless the key names it', () => {
    expect(viewTitle(legend, 'Kingston upon Thames')).toBe('Overall deprivation (IMD 2025) — Kingston upon Thames');
    expect(viewTitle({ ...legend, title: 'Crime trend in Leicester' }, 'Leicester')).toBe('Crime trend in Leicester');
    expect(boundariesLegend('Wigan', 'Wards').classes.every((c) => c.shape === 'line')).toBe(true);
  });
  it('names files and dates plainly', () => {
    expect(slug('Kingston upon Thames')).toBe('kingston-upon-thames');
    expect(slug('Overall deprivation (IMD 2025)')).toBe('overall-deprivation-imd-2025');
    expect(slug('Residents’ survey: Café')).toBe('residents-survey-cafe');
    expect(slug('***')).toBe('map');
    expect(longDate(new Date(2026, 11, 2))).toBe('2 December 2026');
    expect(longDateIso(new Date(2026, 11, 2))).toBe('2026-12-02');
  });
});
