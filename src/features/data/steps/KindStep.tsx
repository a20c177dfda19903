import type { DatasetKind } from '../../../ingest/schemas.ts';
import { KIND_LABELS } from '../fieldLabels.ts';
import { KIND_ID } from './errors.ts';
import { FieldErrorMessage } from './ErrorSummary.tsx';
import type { StepProps } from './types.ts';

const KIND_HINTS: Record<DatasetKind, string> = {
  survey: 'One row per response: where, when, the themes chosen, who answered.',
  'street-rep': 'One row per visit (or per issue graded on a visit), with the site and grades A to D.',
  police: 'A police.uk street-level crime download: Crime ID, Month, Crime type, Longitude, Latitude…',
};

/** Step 3: what the file holds (guessed from its columns; changing it guesses the columns again). */
export function KindStep({ s, dispatch, errors }: StepProps) {
  const guessed = s.preview?.guess.kind;
  return (
    <div className="step-body">
      <fieldset className="kinds" data-testid="import-kind">
        <legend>This file holds</legend>
        <FieldErrorMessage id={KIND_ID} errors={errors} />
        {(Object.keys(KIND_LABELS) as DatasetKind[]).map((k) => (
          <label key={k} className="choice">
            <input
              type="radio"
              name="import-kind"
              id={`import-kind-${k}`}
              value={k}
              checked={s.kind === k}
              disabled={s.reading}
              onChange={() => dispatch({ type: 'kind', kind: k })}
              data-testid={`import-kind-${k}`}
            />
            <span>
              {KIND_LABELS[k]}
              {k === guessed && <span className="tag">guessed from the columns</span>}
              <span className="hint">{KIND_HINTS[k]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {s.reading && <p role="status">Guessing the columns again…</p>}
    </div>
  );
}
