import { describe, expect, it } from 'vitest';
import { methodNote } from '../../../../src/analysis/hotspots/methodNote.ts';

const text = (note: ReturnType<typeof methodNote>) => note.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');

describe('methodNote', () => {
  const gi = methodNote({ statistic: 'gi-star', permutations: 999, fdr: true, seed: 20261122, noPoliceData: ['Wigan'], isTheme: true, islands: 3, excluded: 0 });

  it('explains Gi*, the p shown, the correction and the limits under plain headings', () => {
    expect(gi.sections.map((s) => s.heading)).toEqual([
      'What a hot or cold spot is',
      'Which p-value is shown',
      'Testing many areas at once',
      'What this does not tell you',
      'Areas left out',
    ]);
    const all = text(gi);
    expect(all).toContain('shuffled among the small areas 999 times');
    expect(all).toContain('fixed seed (20261122)');
    expect(all).toContain('Benjamini–Hochberg');
    expect(all).toContain('not what causes them');
    expect(all).toContain('how big the problem is');
    expect(all).toContain('There is no street-level police data for Wigan');
    expect(all).toContain('3 small areas touch no other small area with a value');
    expect(gi.summary).toBe(
      'Hot and cold spots: Getis–Ord Gi* over each small area and its touching neighbours, 999 random permutations, false discovery rate controlled at each confidence level (Benjamini–Hochberg).',
    );
  });

  it('describes local Moran clusters, the normal approximation and the correction switched off', () => {
    const m = methodNote({ statistic: 'local-moran', permutations: 0, fdr: false, seed: 1, areaNoun: 'ward' });
    const all = text(m);
    expect(m.sections[0]!.heading).toBe('What a cluster or outlier is');
    expect(all).toContain('"High-High" cluster');
    expect(all).toContain('normal approximation');
    expect(all).toContain('correction for testing many wards at once is switched off');
    expect(all).not.toContain('Wigan');
    expect(m.sections.map((s) => s.heading)).not.toContain('Areas left out');
  });
});
