import { presentSlide, usePresentation } from '../../presentation/store.ts';

/**
 * "Present (3 slides)": shows the slides full screen from the first. With no
 * slides it stays visible but disabled, and says how to add one.
 */
export function PresentButton() {
  const count = usePresentation().slides.length;
  const label = count === 1 ? 'Present (1 slide)' : `Present (${count} slides)`;
  return (
    <button
      type="button"
      onClick={() => presentSlide(0)}
      disabled={count === 0}
      title={count === 0 ? 'Add a view with “Add to presentation” first' : 'Show the slides full screen. Arrow keys move, Escape ends.'}
      data-testid="present-button"
    >
      {count === 0 ? 'Present (no slides yet)' : label}
    </button>
  );
}
