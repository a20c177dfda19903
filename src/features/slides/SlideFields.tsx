import { useId } from 'react';

/** A slide's title and note, as the "Add" popover and the slide list edit them. */
export function SlideFields({ title, note, onTitle, onNote, autoFocus = false }: { title: string; note: string; onTitle: (t: string) => void; onNote: (n: string) => void; autoFocus?: boolean }) {
  const id = useId();
  return (
    <>
      <label className="slide-field" htmlFor={`${id}-title`}>
        Title
        <input id={`${id}-title`} type="text" value={title} maxLength={120} onChange={(e) => onTitle(e.target.value)} autoFocus={autoFocus} data-testid="slide-title-input" />
      </label>
      <label className="slide-field" htmlFor={`${id}-note`}>
        Note (optional)
        <span className="hint" id={`${id}-note-hint`}>For you and the handout — not shown on the projector.</span>
        <textarea id={`${id}-note`} rows={3} value={note} maxLength={1000} aria-describedby={`${id}-note-hint`} onChange={(e) => onNote(e.target.value)} data-testid="slide-note-input" />
      </label>
    </>
  );
}
