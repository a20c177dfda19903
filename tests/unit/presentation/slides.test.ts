import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';
import { serializeSession } from '../../../src/session/url.ts';
import {
  addSlide,
  appendSlides,
  editSlide,
  EMPTY_PRESENTATION,
  MAX_SLIDES,
  moveSlide,
  newSlide,
  parsePresentation,
  remapViews,
  removeSlide,
  slideSession,
  type Presentation,
} from '../../../src/presentation/slides.ts';

const AT = new Date('2026-12-02T09:30:00.000Z');
const norbiton: Session = { ...DEFAULT_SESSION, place: 'E09000021', level: 'ward', area: 'E05013941', tab: 'hotspots' };
const slide = (id: string, session: Session = DEFAULT_SESSION) => newSlide(session, { title: id.toUpperCase() }, id, AT);
const deck = (...ids: string[]): Presentation => ids.reduce((p, id) => addSlide(p, slide(id)), EMPTY_PRESENTATION);
const ids = (p: Presentation) => p.slides.map((s) => s.id);
/** A deep copy to check an updater left its input as it was. */
const frozen = (p: Presentation) => JSON.parse(JSON.stringify(p)) as Presentation;

describe('a slide', () => {
  it('keeps the view as its link, with a cleaned title and note', () => {
    const s = newSlide(norbiton, { title: '  Norbiton\u0007 housing ', note: 'Line one\nline two\u0000' }, 's1', AT);
    expect(s).toEqual({ id: 's1', title: 'Norbiton housing', note: 'Line one\nline two', view: serializeSession(norbiton), addedAt: AT.toISOString() });
    expect(slideSession(s)).toMatchObject({ place: 'E09000021', level: 'ward', area: 'E05013941', tab: 'hotspots' });
  });

  it('cuts an over-long title and note to what a slide can show', () => {
    const s = newSlide(norbiton, { title: 'x'.repeat(500), note: 'y'.repeat(5000) }, 's1', AT);
    expect([s.title.length, s.note.length]).toEqual([120, 1000]);
  });
});

describe('the presentation updaters', () => {
  it('add at the end, once per id, and stop at the most a presentation holds', () => {
    const p = deck('a', 'b');
    const before = frozen(p);
    expect(ids(addSlide(p, slide('c')))).toEqual(['a', 'b', 'c']);
    expect(addSlide(p, slide('a'))).toBe(p);
    expect(p).toEqual(before);
    const full = deck(...Array.from({ length: MAX_SLIDES }, (_, i) => `s${i}`));
    expect(full.slides).toHaveLength(MAX_SLIDES);
    expect(addSlide(full, slide('one-more'))).toBe(full);
  });

  it('edit only the slide named, only the fields given', () => {
    const p = deck('a', 'b');
    const before = frozen(p);
    const edited = editSlide(p, 'b', { note: ' Say the rate, not the count. ' });
    expect(edited.slides[1]).toMatchObject({ id: 'b', title: 'B', note: 'Say the rate, not the count.' });
    expect(edited.slides[0]).toBe(p.slides[0]);
    expect(editSlide(p, 'b', { title: '' }).slides[1]!.title).toBe('');
    expect(p).toEqual(before);
  });

  it('move to a position, clamped at either end, and ignore an unknown id', () => {
    const p = deck('a', 'b', 'c', 'd');
    const before = frozen(p);
    expect(ids(moveSlide(p, 'd', 1))).toEqual(['a', 'd', 'b', 'c']);
    expect(ids(moveSlide(p, 'a', 99))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(moveSlide(p, 'c', -5))).toEqual(['c', 'a', 'b', 'd']);
    expect(moveSlide(p, 'zz', 0)).toBe(p);
    expect(p).toEqual(before);
  });

  it('remove one slide', () => {
    const p = deck('a', 'b', 'c');
    expect(ids(removeSlide(p, 'b'))).toEqual(['a', 'c']);
    expect(ids(removeSlide(p, 'zz'))).toEqual(['a', 'b', 'c']);
    expect(ids(p)).toEqual(['a', 'b', 'c']);
  });

  it('append another presentation’s slides after these, not adding a slide already here', () => {
    const p = deck('a', 'b');
    expect(ids(appendSlides(p, deck('b', 'c', 'd')))).toEqual(['a', 'b', 'c', 'd']);
    expect(appendSlides(p, deck('a', 'b'))).toEqual(p);
  });

  it('remap every slide’s view, leaving the rest of the slide as it was', () => {
    const survey = (dataset: string): Session => ({ ...norbiton, tab: 'survey', survey: { ...DEFAULT_SESSION.survey, dataset } });
    const p = addSlide(addSlide(EMPTY_PRESENTATION, slide('a', survey('ds-old'))), slide('b', norbiton));
    const before = frozen(p);
    const change = (s: Session): Session => (s.survey.dataset === 'ds-old' ? { ...s, survey: { ...s.survey, dataset: 'ds-new' } } : s);
    const out = remapViews(p, change);
    expect(slideSession(out.slides[0]!).survey.dataset).toBe('ds-new');
    expect(out.slides[0]).toMatchObject({ id: 'a', title: 'A', addedAt: AT.toISOString() });
    expect(out.slides[1]!.view).toBe(p.slides[1]!.view);
    expect(p).toEqual(before);
  });
});

describe('reading a stored or opened presentation', () => {
  it('gives back what was stored', () => {
    const p = deck('a', 'b');
    expect(parsePresentation(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, value: p, skipped: 0 });
  });

  it('refuses a foreign value or a newer format with a plain reason', () => {
    expect(parsePresentation(null)).toEqual({ ok: false, message: 'it is not a list of slides' });
    expect(parsePresentation('slides')).toEqual({ ok: false, message: 'it is not a list of slides' });
    expect(parsePresentation({ type: 'FeatureCollection', features: [] })).toEqual({ ok: false, message: 'it has no list of slides' });
    expect(parsePresentation({ v: 2, slides: [] })).toEqual({ ok: false, message: 'its slides are in a newer format (version 2) than this version of Ward Insight reads' });
  });

  it('leaves out a slide it cannot read and counts it', () => {
    const good = slide('a', norbiton);
    const read = parsePresentation({ v: 1, slides: [null, 7, { title: 'no view' }, { ...good, view: 'https://elsewhere.example/' }, good] });
    expect(read).toEqual({ ok: true, value: { v: 1, slides: [good] }, skipped: 4 });
  });

  it('fills a missing or unusable id and date, and never gives two slides one id', () => {
    const view = serializeSession(norbiton);
    const read = parsePresentation({ slides: [{ view }, { id: 'a b<script>', view, title: 7 }, { id: 's1', view, addedAt: 'yesterday' }] });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { slides } = read.value;
    expect(slides.map((s) => s.id)).toEqual(['s1', 's2', 's1x']);
    expect(new Set(slides.map((s) => s.id)).size).toBe(3);
    expect(slides.map((s) => s.addedAt)).toEqual(Array(3).fill(new Date(0).toISOString()));
    expect(slides.map((s) => [s.title, s.note])).toEqual([['', ''], ['', ''], ['', '']]);
  });

  it('reads a view through the link’s own reader, so a nonsense key falls back', () => {
    const read = parsePresentation({ v: 1, slides: [{ id: 'a', view: '?place=E09000021&tab=no-such-tab&level=ward' }] });
    expect(read.ok && slideSession(read.value.slides[0]!)).toMatchObject({ place: 'E09000021', level: 'ward', tab: DEFAULT_SESSION.tab });
  });

  it('keeps no more than the most a presentation holds', () => {
    const view = serializeSession(norbiton);
    const read = parsePresentation({ v: 1, slides: Array.from({ length: MAX_SLIDES + 5 }, (_, i) => ({ id: `s${i}`, view })) });
    expect(read.ok && read.value.slides.length).toBe(MAX_SLIDES);
    expect(read.skipped).toBe(5);
  });
});
