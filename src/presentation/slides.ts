/**
 * A presentation: the views a person chose to show, in order. Each slide is a
 * view document kept as its link (the same string the URL holds), with an
 * optional title and speaker's note. Versioned so a later shape can read
 * this one. Pure: every change is a function from one presentation to the
 * next; ./store.ts keeps it in the browser.
 */
import { parseSession, serializeSession } from '../session/url.ts';
import type { Session } from '../session/document.ts';

export interface Slide {
  id: string;
  /** Shown large over the slide; empty means the view's own title. */
  title: string;
  /** A note for the speaker and the handout; never shown on the projector. */
  note: string;
  /** The view as its query string ("?place=…"). */
  view: string;
  /** ISO date-time the slide was added. */
  addedAt: string;
}

export interface Presentation {
  v: 1;
  slides: Slide[];
}

export const EMPTY_PRESENTATION: Presentation = { v: 1, slides: [] };
export const MAX_SLIDES = 60;
const MAX_TITLE = 120;
const MAX_NOTE = 1000;

// Control characters (other than tab and newline) are dropped: they cannot be shown or printed.
const clean = (text: string, max: number) =>
  [...text].filter((c) => { const k = c.charCodeAt(0); return k === 9 || k === 10 || (k >= 32 && k !== 127); }).join('').trim().slice(0, max);

/** The view a slide shows, read back as a link is (anything malformed falls back key by key). */
export const slideSession = (slide: Pick<Slide, 'view'>): Session => parseSession(slide.view);

export function newSlide(session: Session, fields: { title?: string; note?: string }, id: string, at: Date): Slide {
  return { id, title: clean(fields.title ?? '', MAX_TITLE), note: clean(fields.note ?? '', MAX_NOTE), view: serializeSession(session), addedAt: at.toISOString() };
}

/** The slide at the end; a full presentation is left as it is. */
export function addSlide(p: Presentation, slide: Slide): Presentation {
  if (p.slides.length >= MAX_SLIDES || p.slides.some((s) => s.id === slide.id)) return p;
  return { ...p, slides: [...p.slides, slide] };
}

export function editSlide(p: Presentation, id: string, fields: { title?: string; note?: string }): Presentation {
  return {
    ...p,
    slides: p.slides.map((s) =>
      s.id !== id
        ? s
        : { ...s, title: fields.title === undefined ? s.title : clean(fields.title, MAX_TITLE), note: fields.note === undefined ? s.note : clean(fields.note, MAX_NOTE) },
    ),
  };
}

/** Move a slide to position `to` (0-based, clamped). */
export function moveSlide(p: Presentation, id: string, to: number): Presentation {
  const from = p.slides.findIndex((s) => s.id === id);
  if (from < 0) return p;
  const slides = [...p.slides];
  const [slide] = slides.splice(from, 1);
  slides.splice(Math.max(0, Math.min(slides.length, to)), 0, slide!);
  return { ...p, slides };
}

export function removeSlide(p: Presentation, id: string): Presentation {
  return { ...p, slides: p.slides.filter((s) => s.id !== id) };
}

/** The incoming slides after these ones; a slide already here (same id) is not added twice. */
export function appendSlides(p: Presentation, incoming: Presentation): Presentation {
  return incoming.slides.reduce(addSlide, p);
}

/** Every slide's view changed by `change` (a dataset that got a new id when a project was opened). */
export function remapViews(p: Presentation, change: (s: Session) => Session): Presentation {
  return { ...p, slides: p.slides.map((s) => ({ ...s, view: serializeSession(change(slideSession(s))) })) };
}

export type ParsedPresentation = { ok: true; value: Presentation } | { ok: false; message: string };

/**
 * A stored or opened presentation, checked: a foreign value is refused with a
 * plain reason; a slide that cannot be read is left out (and counted), never
 * thrown. Slides without an id or date (an older or hand-made file) get them.
 */
export function parsePresentation(value: unknown): ParsedPresentation & { skipped?: number } {
  if (value === null || typeof value !== 'object') return { ok: false, message: 'it is not a list of slides' };
  const raw = value as { v?: unknown; slides?: unknown };
  if (raw.v !== undefined && raw.v !== 1) return { ok: false, message: `its slides are in a newer format (version ${String(raw.v)}) than this version of Ward Insight reads` };
  if (!Array.isArray(raw.slides)) return { ok: false, message: 'it has no list of slides' };
  const slides: Slide[] = [];
  let skipped = 0;
  raw.slides.forEach((item: unknown, i: number) => {
    const s = item as Partial<Record<keyof Slide, unknown>> | null;
    if (!s || typeof s.view !== 'string' || !s.view.startsWith('?') || s.view.length > 20_000 || slides.length >= MAX_SLIDES) {
      skipped++;
      return;
    }
    let id = typeof s.id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(s.id) ? s.id : `s${i + 1}`;
    while (slides.some((x) => x.id === id)) id = `${id}x`;
    const addedAt = typeof s.addedAt === 'string' && !Number.isNaN(Date.parse(s.addedAt)) ? s.addedAt : new Date(0).toISOString();
    const title = typeof s.title === 'string' ? clean(s.title, MAX_TITLE) : '';
    const note = typeof s.note === 'string' ? clean(s.note, MAX_NOTE) : '';
    slides.push({ id, title, note, view: serializeSession(parseSession(s.view)), addedAt });
  });
  return { ok: true, value: { v: 1, slides }, skipped };
}
