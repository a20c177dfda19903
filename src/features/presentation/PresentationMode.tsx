import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { presentSlide, stopPresenting, usePresentation, usePresenting } from '../../presentation/store.ts';
import { slideSession } from '../../presentation/slides.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { TAB_LABELS, type Session } from '../../session/document.ts';
import { layerSpecOf } from '../../session/layers.ts';
import { whenViewDrawn } from '../../export/viewImage.ts';
import { announcement, counterText, END_TEXT, isTypingTarget, keyAction, stepPosition, type PresentAction } from './navigation.ts';
import './presentation.css';

/** While presenting, the page behind the slide layer takes no focus or clicks. */
function useInertPage(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const root = document.getElementById('root');
    const html = document.documentElement;
    root?.setAttribute('inert', '');
    html.classList.add('presenting');
    return () => {
      root?.removeAttribute('inert');
      html.classList.remove('presenting');
    };
  }, [active]);
}

/** Full screen while presenting; leaving full screen through the browser (Escape, F11) ends the presentation. */
function useFullScreen(active: boolean) {
  useEffect(() => {
    if (!active) return;
    let wasFull = false;
    const onChange = () => {
      if (document.fullscreenElement) wasFull = true;
      else if (wasFull) stopPresenting();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Refused (no gesture, an embedded page, a kiosk): the slides still show in the window.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [active]);
}

/** The page below the title bar starts where the bar ends, however many lines the title takes. */
function useTitleHeight(title: HTMLElement | null) {
  useEffect(() => {
    if (!title) return;
    const html = document.documentElement;
    const measure = () => html.style.setProperty('--presentation-title-height', `${Math.ceil(title.getBoundingClientRect().height)}px`);
    const observer = new ResizeObserver(measure);
    observer.observe(title);
    measure();
    return () => {
      observer.disconnect();
      html.style.removeProperty('--presentation-title-height');
    };
  }, [title]);
}

/** The view's own title once the map has drawn the slide (a slide without a title of its own shows it). */
function useViewTitle(session: Session | null): string | null {
  const [title, setTitle] = useState<{ for: Session; text: string } | null>(null);
  useEffect(() => {
    if (!session) return;
    let live = true;
    whenViewDrawn({ spec: layerSpecOf(session), deadline: performance.now() + 30_000 }).then(
      (v) => live && setTitle({ for: session, text: v.title }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session]);
  return title && title.for === session ? title.text : null;
}

/**
 * Presentation mode: the slides' views one after another, full screen, for a
 * projector. The map and the side panel stay mounted — they are the slide —
 * with everything interactive hidden (presentation.css); a layer on top holds
 * the slide's title, the counter and the end screen, and takes the clicks.
 * Escape puts the person's own view back exactly as it was.
 */
export function PresentationMode() {
  const presenting = usePresenting();
  const { slides } = usePresentation();
  const session = useSession();
  const dispatch = useDispatch();
  const active = presenting !== null;
  const [atEnd, setAtEnd] = useState(false);
  const latest = useRef(session);
  latest.current = session;
  const own = useRef<Session | null>(null);

  const [titleBar, setTitleBar] = useState<HTMLElement | null>(null);
  useInertPage(active);
  useFullScreen(active);
  useTitleHeight(titleBar);

  // Remember the person's own view once, and give it back when presenting ends.
  useEffect(() => {
    if (!active) return;
    own.current = latest.current;
    return () => {
      if (own.current) dispatch({ type: 'replace', session: own.current });
      own.current = null;
      setAtEnd(false);
    };
  }, [active, dispatch]);

  const slide = presenting ? slides[presenting.index] : undefined;
  const view = slide?.view;
  const [slideView, setSlideView] = useState<Session | null>(null);
  useEffect(() => {
    if (!active || view === undefined) return;
    const next = slideSession({ view });
    setSlideView(next);
    dispatch({ type: 'replace', session: next });
  }, [active, view, dispatch]);

  const count = slides.length;
  const position = atEnd ? count : (presenting?.index ?? 0);
  const go = (action: PresentAction) => {
    const next = stepPosition(position, count, action);
    if (next === 'stop') return stopPresenting();
    setAtEnd(next >= count);
    if (next < count) presentSlide(next);
  };
  const goRef = useRef(go);
  goRef.current = go;

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target as HTMLElement | null)) return;
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      goRef.current(action);
    };
    // Capture: the map and the tabs have arrow-key handlers of their own.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);

  const viewTitle = useViewTitle(active ? slideView : null);
  if (!active || !slide) return null;
  const title = slide.title || viewTitle || TAB_LABELS[session.tab];
  return createPortal(
    <div className="presentation-layer" data-testid="presentation" onClick={() => go('next')}>
      <h1 ref={setTitleBar} className="presentation-title" data-testid="presentation-title">
        {atEnd ? 'End of presentation' : title}
      </h1>
      <p className="presentation-counter" data-testid="presentation-counter" aria-hidden="true">
        {counterText(position, count)}
      </p>
      {atEnd && (
        <div className="presentation-end" data-testid="presentation-end">
          <p>{END_TEXT}</p>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="presentation-announce">
        {announcement(position, count, title)}
      </p>
    </div>,
    document.body,
  );
}
