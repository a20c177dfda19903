import type { Dispatch } from 'react';
import type { FieldError } from './errors.ts';
import type { WizardAction, WizardState } from './wizard.ts';

/** What every step component is given. */
export interface StepProps {
  s: WizardState;
  dispatch: Dispatch<WizardAction>;
  /** Problems to show beside their fields (only after Continue was pressed). */
  errors: FieldError[];
}
