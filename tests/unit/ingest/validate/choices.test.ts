import { describe, expect, it } from 'vitest';
import { splitChoices } from '../../../../src/ingest/validate/choices.ts';

describe('splitChoices on hard input', () => {
  it('splits a comment cell with 100,000 commas in one pass (time measured and printed, not asserted)', () => {
    const words = Array.from({ length: 100_001 }, (_, i) => (i % 1000 === 0 ? 'Diversity' : `word ${i}`));
    // Every 1,000th piece starts a real theme name that holds a comma; it must still be put back together.
    const text = words.map((w) => (w === 'Diversity' ? 'Diversity, inclusion & community spirit' : w)).join(', ');
    const t0 = performance.now();
    const parts = splitChoices(text);
    const ms = performance.now() - t0;
    console.log(`splitChoices: ${(text.match(/,/g) ?? []).length.toLocaleString('en-GB')} commas split in ${Math.round(ms)} ms`);
    expect(parts).toHaveLength(100_001);
    expect(parts.filter((p) => p === 'Diversity, inclusion & community spirit')).toHaveLength(101);
    expect(parts[1]).toBe('word 1');
    expect(parts.at(-2)).toBe('word 99999');
    expect(parts.at(-1)).toBe('Diversity, inclusion & community spirit');
  });

  it('a cell of 100,000 bare commas gives nothing', () => {
    expect(splitChoices(','.repeat(100_000))).toEqual([]);
  });

  it('still rejoins a theme name written with extra commas', () => {
    expect(splitChoices('Housing issues, Diversity, inclusion, & community spirit')).toEqual(['Housing issues', 'Diversity, inclusion, & community spirit']);
  });
});
