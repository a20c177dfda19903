import { describe, expect, it } from 'vitest';
import { composeTheme, topDrivers, type ComposeComponentInput } from '../../../../src/analysis/themes/composeTheme.ts';

type Kind = ComposeComponentInput['component']['kind'];
function component(id: string, weight: number, values: (number | null)[], extra: Partial<ComposeComponentInput> & { kind?: Kind; contextOnly?: boolean; higherIsWorse?: boolean } = {}): ComposeComponentInput {
  const { kind = 'indicator', contextOnly, higherIsWorse = true, ...rest } = extra;
  return { component: { id, label: `Label ${id}`, shortLabel: id, kind, higherIsWorse, contextOnly }, weight, values, ...rest };
}

const codes = ['A', 'B', 'C', 'D'];

describe('composeTheme', () => {
  // x = [1, 2, 3, 4]: mean 2.5, population sd √1.25. y = [10, –, 30, 20]: mean 20, sd √(200/3).
  const x = component('x', 2, [1, 2, 3, 4]);
  const y = component('y', 1, [10, null, 30, 20], { kind: 'crime-rate', reasons: [null, 'No police data for Wigan', null, null] });
  const result = composeTheme({ codes, components: [x, y] });
  const zx = [-1.5, -0.5, 0.5, 1.5].map((d) => d / Math.sqrt(1.25));
  const zy = [-10, null, 10, 0].map((d) => (d === null ? null : d / Math.sqrt(200 / 3)));

  it('standardises each component across the areas that have it', () => {
    expect(result.components[0]!.mean).toBeCloseTo(2.5, 12);
    expect(result.components[0]!.sd).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(result.components[1]!.mean).toBeCloseTo(20, 12);
    expect(result.components[1]!.sd).toBeCloseTo(8.16496580927726, 12);
    const a = result.breakdown(0);
    expect(a.contributions.find((c) => c.id === 'x')!.z).toBeCloseTo(-1.3416407865, 9);
    expect(a.contributions.find((c) => c.id === 'y')!.z).toBeCloseTo(-1.2247448714, 9);
  });

  it('weights the z-scores and renormalises over the components an area has', () => {
    expect(result.scores[0]).toBeCloseTo((2 * zx[0]! + zy[0]!) / 3, 12);
    expect(result.scores[0]).toBeCloseTo(-1.302675, 6);
    // B has no police value: its score is x alone (weight 2 / 2), not x with a zero for y.
    expect(result.scores[1]).toBeCloseTo(zx[1]!, 12);
    expect(result.scores[1]).toBeCloseTo(-0.447214, 6);
    expect(result.scores[2]).toBeCloseTo(0.706391, 6);
    expect(result.scores[3]).toBeCloseTo(0.894427, 6);
    expect(result.breakdown(1).missing).toEqual([{ id: 'y', shortLabel: 'y', reason: 'No police data for Wigan' }]);
    expect(result.breakdown(1).weightShare).toBeCloseTo(2 / 3, 12);
    expect(result.breakdown(0).weightShare).toBe(1);
    expect(Array.from(result.weightShare)).toEqual([1, 2 / 3, 1, 1]);
  });

  it('gives a breakdown that adds up to the score, biggest effect first', () => {
    for (let i = 0; i < codes.length; i++) {
      const area = result.breakdown(i);
      const sum = area.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(area.score!, 12);
    }
    const a = result.breakdown(0);
    expect(a.contributions.map((c) => c.id)).toEqual(['x', 'y']);
    expect(a.contributions[0]!.contribution).toBeCloseTo((2 * zx[0]!) / 3, 12);
    const d = result.breakdown(3);
    expect(topDrivers(d, 'up').map((c) => c.id)).toEqual(['x']);
    expect(topDrivers(a, 'down').map((c) => c.id)).toEqual(['x', 'y']);
  });

  it('says which areas lost a component and why', () => {
    expect(result.notes).toContain('No police data for Wigan: y left out for 1 small area.');
  });

  it('drops a component with no variation, and one with no values, saying so', () => {
    const flat = component('flat', 5, [7, 7, 7, 7]);
    const empty = component('empty', 5, [null, null, null, null], { kind: 'survey-share', reasons: ["No residents' survey loaded", "No residents' survey loaded", "No residents' survey loaded", "No residents' survey loaded"] });
    const r = composeTheme({ codes, components: [x, flat, empty], areaNoun: 'ward' });
    expect(r.components.map((c) => c.used)).toEqual([true, false, false]);
    expect(r.notes).toContain('Flat is the same in every ward that has a value, so it cannot tell areas apart and is left out.');
    expect(r.notes).toContain("Empty: no value for any ward in view (no residents' survey loaded), so it is left out.");
    // Dropped components change nothing: the score is x's z alone.
    r.scores.forEach((s, i) => expect(s).toBeCloseTo(zx[i]!, 12));
  });

  it('leaves out survey shares from too few responses rather than colouring them', () => {
    const survey = component('survey: housing', 1, [0.5, 0.9, 0.2, null], {
      kind: 'survey-share',
      counts: [12, 5, 30, null],
      reasons: [null, null, null, 'No survey responses here'],
    });
    const r = composeTheme({ codes, components: [x, survey] });
    expect(r.components[1]!.areasWithValue).toBe(2);
    expect(r.breakdown(1).missing[0]!.reason).toBe('Fewer than 10 survey responses');
    expect(r.notes).toContain('Fewer than 10 survey responses: survey: housing left out for 1 small area rather than shown from too few.');
    // Survey z over A and C only: ±1.
    expect(r.breakdown(0).contributions.find((c) => c.id === 'survey: housing')!.z).toBeCloseTo(1, 12);
    expect(r.scores[1]).toBeCloseTo(zx[1]!, 12);
  });

  it('orients a lower-is-worse component so higher still means worse', () => {
    const better = component('better', 1, [1, 2, 3, 4], { higherIsWorse: false });
    const r = composeTheme({ codes, components: [better] });
    r.scores.forEach((s, i) => expect(s).toBeCloseTo(-zx[i]!, 12));
  });

  it('gives no score to an area that has only a context measure', () => {
    const context = component('context', 0.1, [4, 3, 2, 1], { contextOnly: true });
    const core = component('core', 1, [1, null, 3, 2]);
    const r = composeTheme({ codes, components: [core, context] });
    expect(r.scores[1]).toBeNull();
    expect(r.breakdown(1).missing.map((m) => m.reason)).toEqual(['No value', 'Only context measures available']);
    expect(r.notes).toContain('1 small area has only context measures for this theme, so it gets no score rather than one built on context alone.');
    expect(r.scores[0]).not.toBeNull();
  });

  it('ignores a component whose weight is set to zero', () => {
    const r = composeTheme({ codes, components: [x, { ...y, weight: 0 }] });
    expect(r.components[1]!.used).toBe(false);
    expect(r.components[1]!.droppedBecause).toBe('Weight set to 0');
    r.scores.forEach((s, i) => expect(s).toBeCloseTo(zx[i]!, 12));
  });
});
