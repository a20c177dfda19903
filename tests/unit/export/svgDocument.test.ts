import { describe, expect, it } from 'vitest';
import { frameLayout, wrapText } from '../../../src/export/svgDocument.ts';

describe('wrapText', () => {
  it('wraps words to the width at a font size and keeps a long word whole', () => {
    const lines = wrapText('Source: English Indices of Deprivation 2025, MHCLG, Open Government Licence v3.0', 200, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(200 / 5.5));
    expect(lines.join(' ')).toBe('Source: English Indices of Deprivation 2025, MHCLG, Open Government Licence v3.0');
    expect(wrapText('Supercalifragilisticexpialidocious', 40, 10)).toEqual(['Supercalifragilisticexpialidocious']);
    expect(wrapText('   ', 100, 10)).toEqual([]);
  });
});

describe('frameLayout', () => {
  it('puts the title (and the sample label) above and the sources below', () => {
    const f = frameLayout(400, { title: 'Crimes by month', source: ['Source: police.uk, OGL v3.0'], sample: true });
    expect(f.above.map((l) => l.text)).toEqual(['Crimes by month', 'SAMPLE — synthetic data']);
    expect(f.above[0]!.weight).toBe('bold');
    expect(f.below.map((l) => l.text)).toEqual(['Source: police.uk, OGL v3.0']);
    expect(f.top).toBeGreaterThan(f.above.at(-1)!.y);
    expect(f.bottom).toBeGreaterThan(f.below.at(-1)!.y);
  });
  it('adds nothing below without a source, and no sample label unless asked', () => {
    const f = frameLayout(400, { title: 'T' });
    expect(f.above).toHaveLength(1);
    expect(f.below).toEqual([]);
    expect(f.bottom).toBe(0);
  });
});
