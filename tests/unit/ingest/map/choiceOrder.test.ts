import { describe, expect, it } from 'vitest';
import { detectChoiceOrder, MIN_MULTI_CHOICE_ROWS } from '../../../../src/ingest/map/choiceOrder.ts';

const FORM_ORDER = ['Youth activities', 'Healthy eating & affordable food', 'Mental health & reducing isolation', 'Policing & safety', 'Affordable exercise', 'Housing issues'];

/** A seeded pick of k options, listed in the form's order (as Google Forms exports a checkbox question). */
function formOrdered(seed: number, k: number): string[] {
  const picked = new Set<number>();
  let s = seed;
  while (picked.size < k) {
    s = (s * 1103515245 + 12345) % 2147483648;
    picked.add(s % FORM_ORDER.length);
  }
  return [...picked].sort((a, b) => a - b).map((i) => FORM_ORDER[i]!);
}

describe('detectChoiceOrder', () => {
  it('reads a Google-Forms-shaped file (every list in the form’s option order) as not ranked', () => {
    const lists = Array.from({ length: 30 }, (_, i) => formOrdered(i + 1, 1 + (i % 3)));
    const verdict = detectChoiceOrder(lists);
    expect(verdict.multiChoiceRows).toBe(20);
    expect(verdict.ranked).toBe(false);
    expect(verdict.note).toContain('ticked boxes, not a ranking');
  });

  it('reads a genuinely ranked file (the same themes in varied orders) as ranked, naming a pair seen both ways', () => {
    const lists = Array.from({ length: 30 }, (_, i) => {
      const l = formOrdered(i + 1, 3);
      return i % 4 === 0 ? l.reverse() : l;
    });
    const verdict = detectChoiceOrder(lists);
    expect(verdict.ranked).toBe(true);
    expect(verdict.note).toMatch(/^The themes come in different orders in different answers \('.+' before '.+' in \d+, after it in \d+\)/);
  });

  it('finds a ranking whose pairs never repeat but loop (A before B, B before C, C before A)', () => {
    const [a, b, c] = ['Youth activities', 'Housing issues', 'Policing & safety'];
    const lists = Array.from({ length: 21 }, (_, i) => [[a, b], [b, c], [c, a]][i % 3]!);
    expect(detectChoiceOrder(lists).ranked).toBe(true);
  });

  it('with too few answers naming two or more themes, keeps them ranked and says why', () => {
    const lists = [...Array.from({ length: MIN_MULTI_CHOICE_ROWS - 1 }, (_, i) => formOrdered(i + 1, 2)), ...Array.from({ length: 50 }, () => ['Housing issues'])];
    const verdict = detectChoiceOrder(lists);
    expect(verdict).toEqual({
      ranked: true,
      multiChoiceRows: 19,
      note: 'Only 19 answers name two or more themes (20 are needed to tell a ranking from ticked boxes), so the choices are read as in order of preference. Choose No if they are ticked boxes.',
    });
  });

  it('treats spellings of one theme as one, and a repeated theme in a list as one', () => {
    const lists = Array.from({ length: 20 }, () => ['Youth activities', 'Housing', 'housing issues']);
    const verdict = detectChoiceOrder(lists);
    expect(verdict.multiChoiceRows).toBe(20);
    expect(verdict.ranked).toBe(false);
  });
});
