import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE, layoutHandoutPage, type HandoutPageContent } from '../../../../src/export/handout/handoutLayout.ts';

// Helvetica-ish: half an em per character.
const measure = (text: string, size: number) => text.length * size * 0.5;
const base: HandoutPageContent = { number: 2, total: 3, title: 'Deprivation in Leicester', description: 'Official statistics: IMD, wards in Leicester', note: '', image: { width: 2000, height: 1400 }, date: '3 December 2026' };
const texts = (ops: ReturnType<typeof layoutHandoutPage>) => ops.flatMap((o) => (o.kind === 'text' ? [o.text] : []));
const imageOf = (ops: ReturnType<typeof layoutHandoutPage>) => ops.find((o) => o.kind === 'embed')!;

describe('layoutHandoutPage', () => {
  it('says the slide number, title, view, date and page number', () => {
    const t = texts(layoutHandoutPage(base, measure));
    expect(t).toEqual(expect.arrayContaining(['Slide 2 of 3', 'Deprivation in Leicester', 'Official statistics: IMD, wards in Leicester', 'Ward Insight presentation handout, 3 December 2026', 'Page 2 of 3']));
  });

  it('fits the image inside the margins, above the footer, keeping its shape', () => {
    for (const image of [{ width: 2000, height: 1400 }, { width: 800, height: 2400 }, { width: 4000, height: 600 }]) {
      const box = imageOf(layoutHandoutPage({ ...base, image }, measure));
      expect(box.x).toBeGreaterThanOrEqual(36);
      expect(box.x + box.w).toBeLessThanOrEqual(A4_LANDSCAPE.width - 36 + 1e-6);
      expect(box.y + box.h).toBeLessThanOrEqual(A4_LANDSCAPE.height - 36 - 24 + 1e-6);
      expect(box.w / box.h).toBeCloseTo(image.width / image.height, 6);
    }
  });

  it('a short note goes under the image and a long one beside it, whichever leaves the image bigger', () => {
    const without = imageOf(layoutHandoutPage(base, measure));
    const short = layoutHandoutPage({ ...base, note: 'Ask about the three wards in the east.' }, measure);
    const shortNote = short.find((o) => o.kind === 'text' && o.text.startsWith('Ask about'))!;
    expect(shortNote.kind === 'text' && shortNote.y).toBeGreaterThan(imageOf(short).y + imageOf(short).h);
    expect(imageOf(short).h).toBeLessThan(without.h);

    const long = layoutHandoutPage({ ...base, note: 'Ask about the three wards in the east. '.repeat(12) }, measure);
    const longNote = long.find((o) => o.kind === 'text' && o.text.startsWith('Ask about'))!;
    expect(longNote.kind === 'text' && longNote.x).toBeGreaterThan(imageOf(long).x + imageOf(long).w);
    expect(texts(long)).toContain('Note');
    // Either way the image is the biggest of the two choices, and smaller than with no note.
    expect(imageOf(long).w).toBeLessThan(without.w);
  });

  it('a very long note and title are cut with an ellipsis, never run off the page', () => {
    const ops = layoutHandoutPage({ ...base, title: 'word '.repeat(200), note: 'more words here '.repeat(400) }, measure);
    const lines = ops.filter((o) => o.kind === 'text');
    for (const o of lines) if (o.kind === 'text') expect(o.y).toBeLessThanOrEqual(A4_LANDSCAPE.height - 36);
    expect(texts(ops).filter((t) => t.endsWith('…')).length).toBe(2);
  });
});
