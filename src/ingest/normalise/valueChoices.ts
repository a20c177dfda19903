import type { ReconcilableField, ValueChoices } from '../importProtocol.ts';
import { RECONCILE_LABELS } from '../reconcile/fields.ts';
import { quote } from '../validate/result.ts';

/**
 * The person's choices from the values step, looked up by a cell's trimmed
 * text exactly as the value profile listed it. `undefined` = no choice (the
 * usual rules apply); `null` = leave out rows with this value; a string = the
 * value to read instead, before the usual rules run.
 */
export class ValueChooser {
  private readonly maps: Partial<Record<ReconcilableField, Map<string, string | null>>> = {};

  constructor(values: ValueChoices | undefined) {
    for (const [field, choices] of Object.entries(values ?? {}) as [ReconcilableField, Record<string, string | null>][]) {
      if (choices && Object.keys(choices).length > 0) this.maps[field] = new Map(Object.entries(choices));
    }
  }

  choice(field: ReconcilableField, raw: string): string | null | undefined {
    return this.maps[field]?.get(raw);
  }
}

/** The reason a row is left out by the person's own choice. */
export function chosenOutReason(field: ReconcilableField, raw: string): string {
  return `You chose not to import rows whose ${RECONCILE_LABELS[field]} is ${quote(raw)}.`;
}
