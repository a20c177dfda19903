import { useEffect, useRef, useState, type RefObject } from 'react';
import { useReadyDatabase } from '../../session/handles.tsx';
import { addSlide, moveSlide, removeSlide, type Slide } from '../../presentation/slides.ts';
import { presentationStored, presentSlide, updatePresentation, usePresentation } from '../../presentation/store.ts';
import { SlideRow, type MoveFocus } from './SlideRow.tsx';
import { HandoutButton } from './HandoutButton.tsx';
import type { IndicatorName } from './viewDescription.ts';

const UNDO_MS = 8000;

/**
 * The slide list as a modal dialog (the browser's own: Escape closes, focus
 * stays inside and returns to the button that opened it).
 */
export function SlidesDialog({ onClose, fallbackFocus }: { onClose: () => void; fallbackFocus: RefObject<HTMLButtonElement | null> }) {
  const { slides } = usePresentation();
  const ready = useReadyDatabase();
  const dialog = useRef<HTMLDialogElement>(null);
  const [removed, setRemoved] = useState<{ slide: Slide; index: number } | null>(null);
  const [focus, setFocus] = useState<MoveFocus | null>(null);
  const [busy, setBusy] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const catalogue = ready?.catalogue;
  const indicatorName: IndicatorName = (code) => catalogue?.find((i) => i.code === code)?.label ?? null;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const fallback = fallbackFocus.current;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      // The opener may be gone ("Manage slides" goes with its status line): then the "Slides" button.
      (opener && opener !== document.body && opener.isConnected ? opener : fallback)?.focus();
    };
  }, [fallbackFocus]);
  useEffect(() => {
    if (!removed) return;
    // The removed slide's buttons are gone: the focus goes to Undo, and to the heading once Undo goes.
    undoButton.current?.focus();
    const timer = setTimeout(() => {
      if (document.activeElement === undoButton.current) heading.current?.focus();
      setRemoved(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  const move = (slide: Slide, by: -1 | 1) => {
    const index = slides.findIndex((s) => s.id === slide.id);
    updatePresentation((p) => moveSlide(p, slide.id, index + by));
    setFocus({ id: slide.id, direction: by < 0 ? 'up' : 'down' });
  };
  const remove = (slide: Slide) => {
    setRemoved({ slide, index: slides.findIndex((s) => s.id === slide.id) });
    updatePresentation((p) => removeSlide(p, slide.id));
  };
  const undo = () => {
    if (!removed) return;
    const { slide, index } = removed;
    updatePresentation((p) => moveSlide(addSlide(p, slide), slide.id, index));
    setRemoved(null);
    setFocus({ id: slide.id, direction: 'remove' });
  };
  const present = (index: number) => {
    presentSlide(index);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="slides-dialog"
      aria-labelledby="slides-dialog-heading"
      data-testid="slides-dialog"
      onCancel={(e) => {
        // Escape: close through React so focus goes back to the opener.
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="slides-dialog-head">
        <h2 id="slides-dialog-heading" ref={heading} tabIndex={-1}>Slides ({slides.length})</h2>
        <button type="button" onClick={onClose} disabled={busy} data-testid="slides-close">
          Close
        </button>
      </div>
      {!presentationStored() && (
        <p className="problem" role="alert">
          This browser could not keep the latest change to your slides, so they will be lost when the page is closed.
        </p>
      )}
      {slides.length === 0 ? (
        <p className="slides-empty" data-testid="slides-empty">
          No slides yet. Set up a view on the map — a place, a measure, a tab — then press “Add to presentation” in the map’s toolbar. Each view you add becomes a slide here, in order.
        </p>
      ) : (
        <ol className="slides-list" data-testid="slides-list">
          {slides.map((slide, i) => (
            <SlideRow
              key={slide.id}
              slide={slide}
              index={i}
              count={slides.length}
              indicatorName={indicatorName}
              focus={focus?.id === slide.id ? focus : null}
              onFocused={() => setFocus(null)}
              onMove={(by) => move(slide, by)}
              onRemove={() => remove(slide)}
              onPresent={() => present(i)}
              onShown={onClose}
              disabled={busy}
            />
          ))}
        </ol>
      )}
      <p className="slide-status" role="status" data-testid="slides-undo-status">
        {removed && (
          <>
            Removed slide {removed.index + 1}, “{removed.slide.title || 'Untitled'}”.{' '}
            <button ref={undoButton} type="button" onClick={undo} data-testid="slides-undo">
              Undo
            </button>
          </>
        )}
      </p>
      <div className="slides-dialog-foot">
        <button type="button" onClick={() => present(0)} disabled={!slides.length || busy} data-testid="slides-present">
          Present
        </button>
        <HandoutButton slides={slides} indicatorName={indicatorName} onBusy={setBusy} />
      </div>
    </dialog>
  );
}
