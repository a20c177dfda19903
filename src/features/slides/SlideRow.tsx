import { useEffect, useRef, useState } from 'react';
import { useDispatch } from '../../session/SessionContext.tsx';
import { editSlide, slideSession, type Slide } from '../../presentation/slides.ts';
import { updatePresentation } from '../../presentation/store.ts';
import { describeView, type IndicatorName } from './viewDescription.ts';
import { SlideFields } from './SlideFields.tsx';

/** Which of a slide's buttons should take the focus after it moved (or came back). */
export interface MoveFocus {
  id: string;
  direction: 'up' | 'down' | 'remove';
}

interface Props {
  slide: Slide;
  index: number;
  count: number;
  indicatorName: IndicatorName;
  focus: MoveFocus | null;
  onFocused(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  onPresent(): void;
  onShown(): void;
  disabled: boolean;
}

/** One slide in the list: what it shows, its note, and its buttons. */
export function SlideRow({ slide, index, count, indicatorName, focus, onFocused, onMove, onRemove, onPresent, onShown, disabled }: Props) {
  const dispatch = useDispatch();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(slide.title);
  const [note, setNote] = useState(slide.note);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const description = describeView(slideSession(slide), indicatorName);
  const number = index + 1;
  const name = slide.title || 'Untitled';

  // Focus follows the slide that moved: the same button, or the other one at the top or bottom.
  useEffect(() => {
    if (!focus) return;
    const wanted = focus.direction === 'remove' ? remove : focus.direction === 'up' ? (index > 0 ? up : down) : index < count - 1 ? down : up;
    wanted.current?.focus();
    onFocused();
  }, [focus, index, count, onFocused]);

  const startEdit = () => {
    setTitle(slide.title);
    setNote(slide.note);
    setEditing(true);
  };
  const finishEdit = (save: boolean) => {
    if (save) updatePresentation((p) => editSlide(p, slide.id, { title, note }));
    setEditing(false);
    setTimeout(() => edit.current?.focus(), 0);
  };

  return (
    <li className="slide-row" data-testid="slide-row" data-slide-id={slide.id} aria-label={`Slide ${number} of ${count}: ${name}`}>
      <span className="slide-number" aria-hidden="true">{number}</span>
      <div className="slide-body">
        {editing ? (
          <form
            className="slide-edit"
            onSubmit={(e) => {
              e.preventDefault();
              finishEdit(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                finishEdit(false);
              }
            }}
          >
            <SlideFields title={title} note={note} onTitle={setTitle} onNote={setNote} autoFocus />
            <div className="slide-actions">
              <button type="submit" data-testid="slide-save">Save</button>
              <button type="button" onClick={() => finishEdit(false)}>Cancel</button>
            </div>
          </form>
        ) : (
          <>
            <h3 className="slide-title" data-testid="slide-title">
              {slide.title || (
                <>
                  Untitled slide <span className="slide-untitled">(shows the view’s own title)</span>
                </>
              )}
            </h3>
            <p className="slide-view" data-testid="slide-view">{description}</p>
            {slide.note && <p className="slide-note" data-testid="slide-note">Note: {slide.note}</p>}
          </>
        )}
        <div className="slide-actions" role="group" aria-label={`Slide ${number}`}>
          <button ref={edit} type="button" onClick={startEdit} disabled={disabled || editing} aria-label={`Edit title and note of slide ${number}`}>
            Edit
          </button>
          <button ref={up} type="button" onClick={() => onMove(-1)} disabled={disabled || index === 0} aria-label={`Move slide ${number} up`} data-testid="slide-up">
            Move up
          </button>
          <button ref={down} type="button" onClick={() => onMove(1)} disabled={disabled || index === count - 1} aria-label={`Move slide ${number} down`} data-testid="slide-down">
            Move down
          </button>
          <button ref={remove} type="button" onClick={onRemove} disabled={disabled} aria-label={`Remove slide ${number}`} data-testid="slide-remove">
            Remove
          </button>
          <button
            type="button"
            disabled={disabled}
            onClick={() => {
              dispatch({ type: 'replace', session: slideSession(slide) });
              onShown();
            }}
            aria-label={`Show the view of slide ${number}`}
            data-testid="slide-show"
          >
            Show this view
          </button>
          <button type="button" onClick={onPresent} disabled={disabled} aria-label={`Present from slide ${number}`} data-testid="slide-present">
            Present from here
          </button>
        </div>
      </div>
    </li>
  );
}
