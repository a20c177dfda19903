import { useEffect, useId, useRef, useState } from 'react';
import { useSession } from '../../session/SessionContext.tsx';
import { currentView, whenViewDrawn } from '../../export/viewImage.ts';
import { layerSpecOf } from '../../session/layers.ts';
import { addSlide, MAX_SLIDES, newSlide } from '../../presentation/slides.ts';
import { getPresentation, presentationStored, updatePresentation } from '../../presentation/store.ts';
import { SlideFields } from './SlideFields.tsx';
import './slides.css';

type Outcome = { kind: 'added'; n: number; total: number; stored: boolean } | { kind: 'full' } | null;

const STATUS_MS = 12_000;

const randomId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 12);

/**
 * "Add to presentation": keeps the view on screen as the next slide, with a
 * title (the view's own, editable) and an optional note for the speaker.
 */
export function AddSlideButton({ onManage }: { onManage: () => void }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useId();
  const statusLine = useRef<HTMLParagraphElement>(null);
  const edited = useRef(false);
  const container = useRef<HTMLDivElement>(null);
  // A press anywhere else (the map, the panel) puts the popover away, as a menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (e.target instanceof Node && !container.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  // While the view's key is on its way its title is only the place: take the full one when it is drawn, unless the person has typed.
  useEffect(() => {
    if (!open) return;
    let live = true;
    whenViewDrawn({ spec: layerSpecOf(session), deadline: performance.now() + 30_000 }).then(
      (v) => live && !edited.current && setTitle(v.title),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, session]);
  // The status sits over the map: it goes after a while, but not from under the person's focus or pointer.
  useEffect(() => {
    if (!outcome) return;
    const timer = setInterval(() => {
      const el = statusLine.current;
      if (el && (el.contains(document.activeElement) || el.matches(':hover'))) return;
      setOutcome(null);
    }, STATUS_MS);
    return () => clearInterval(timer);
  }, [outcome]);

  const show = () => {
    setTitle(currentView()?.title ?? '');
    edited.current = false;
    setNote('');
    setOutcome(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const add = () => {
    if (getPresentation().slides.length >= MAX_SLIDES) {
      setOutcome({ kind: 'full' });
      close();
      return;
    }
    const slide = newSlide(session, { title, note }, randomId(), new Date());
    updatePresentation((p) => addSlide(p, slide));
    const slides = getPresentation().slides;
    setOutcome({ kind: 'added', n: slides.findIndex((s) => s.id === slide.id) + 1, total: slides.length, stored: presentationStored() });
    close();
  };

  return (
    <div className="add-slide" ref={container}>
      <button ref={opener} type="button" aria-expanded={open} onClick={() => (open ? close() : show())} data-testid="add-slide-button">
        Add to presentation
      </button>
      {open && (
        <form
          className="slide-popover"
          role="dialog"
          aria-labelledby={heading}
          data-testid="add-slide-dialog"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <h2 id={heading}>Add this view as a slide</h2>
          <SlideFields
            title={title}
            note={note}
            onTitle={(t) => {
              edited.current = true;
              setTitle(t);
            }}
            onNote={setNote}
            autoFocus
          />
          <div className="slide-popover-actions">
            <button type="submit" data-testid="add-slide-confirm">Add</button>
            <button type="button" onClick={close}>Cancel</button>
          </div>
        </form>
      )}
      {outcome && (
        <p ref={statusLine} className="slide-status" role="status" data-testid="add-slide-status">
          {outcome.kind === 'full'
            ? `The presentation is full (${MAX_SLIDES} slides). Remove a slide to add this view.`
            : `Added as slide ${outcome.n} of ${outcome.total}.`}
          {outcome.kind === 'added' && !outcome.stored && ' This browser could not keep it, so it will be lost when the page is closed.'}{' '}
          <button
            type="button"
            onClick={() => {
              setOutcome(null);
              onManage();
            }}
            data-testid="add-slide-manage"
          >Manage slides</button>
        </p>
      )}
    </div>
  );
}
