import { useRef, useState } from 'react';
import { usePresentation } from '../../presentation/store.ts';
import { AddSlideButton } from './AddSlideButton.tsx';
import { SlidesDialog } from './SlidesDialog.tsx';

/** The map toolbar's presentation buttons: "Add to presentation" and "Slides (n)" with the slide list. */
export function SlidesToolbar() {
  const { slides } = usePresentation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <AddSlideButton onManage={() => setOpen(true)} />
      <button ref={button} type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="slides-button">
        Slides ({slides.length})
      </button>
      {open && <SlidesDialog onClose={() => setOpen(false)} fallbackFocus={button} />}
    </>
  );
}
