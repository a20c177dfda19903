import { forwardRef } from 'react';
import type { FieldError } from './errors.ts';

/** Move to the field a summary link names: focus it and bring its label into view (as GOV.UK Frontend does). */
export function focusField(id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  field.focus({ preventScroll: true });
  (field.closest('label, fieldset, .field') ?? field).scrollIntoView({ block: 'center' });
}

/**
 * The GOV.UK error summary: "There is a problem" at the top of the step, one
 * link per problem to the field to fix. It takes focus when shown so a screen
 * reader hears it and a keyboard user can tab straight to the first link.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: FieldError[] }>(function ErrorSummary({ errors }, ref) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="import-error-summary-title" data-testid="error-summary">
      <div role="alert">
        <h3 id="import-error-summary-title">There is a problem</h3>
        <ul>
          {errors.map((e) => (
            <li key={`${e.id}|${e.message}`}>
              <a
                href={`#${e.id}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  focusField(e.id);
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});

/** The field's own error message, shown beside it (id `${id}-error`, for aria-describedby). */
export function FieldErrorMessage({ id, errors }: { id: string; errors: FieldError[] }) {
  const mine = errors.filter((e) => e.id === id);
  if (mine.length === 0) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {mine.map((e) => e.message).join(' ')}
    </p>
  );
}

/** Props that mark a field as in error and tie it to its message. */
export function errorProps(id: string, errors: FieldError[]): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return errors.some((e) => e.id === id) ? { id, 'aria-invalid': true, 'aria-describedby': `${id}-error` } : { id };
}
