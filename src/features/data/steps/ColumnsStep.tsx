import { useMemo } from 'react';
import { FIELDS } from '../../../ingest/schemas.ts';
import type { MappableField } from '../../../ingest/map/guessMapping.ts';
import { swapWarningFor } from '../../../ingest/swapCheck.ts';
import { previewFile } from '../../../ingest/read/readFile.ts';
import { parseVenueList } from '../../../ingest/venueList.ts';
import { FIELD_LABELS } from '../fieldLabels.ts';
import { fieldId, VENUE_FILE_ID } from './errors.ts';
import { errorProps, FieldErrorMessage } from './ErrorSummary.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import type { StepProps } from './types.ts';

const ROUTINE = /^Column .* read as /;

/** Step 4: which column holds what (guessed; the person corrects anything wrong), date order, lat/lon swap, venue list. */
export function ColumnsStep({ s, dispatch, errors }: StepProps) {
  const p = s.preview;
  const swapWarning = useMemo(() => (p ? swapWarningFor(s.mapping, p.chunk) : null), [p, s.mapping]);
  if (!p || !s.kind) return null;
  const header = p.chunk.header;
  const fields: readonly MappableField[] = FIELDS[s.kind];
  const issueColumns = Object.entries(s.mapping.issueColumns ?? {});
  const optionColumns = Object.entries(s.mapping.choiceColumns ?? {});
  const ranked = s.mapping.choicesRanked !== false;

  const loadVenues = async (f: File | undefined) => {
    if (!f) return dispatch({ type: 'venues', venues: null });
    try {
      dispatch({ type: 'venues', venues: parseVenueList((await previewFile(f, 5000)).chunk), from: { name: f.name, remembered: false } });
    } catch (e) {
      dispatch({ type: 'venues', venues: { venues: [], problems: [e instanceof Error ? e.message : String(e)] } });
    }
  };

  return (
    <div className="step-body">
      <fieldset className="mapping">
        <legend>Which column holds what? Guessed from the column names: correct anything that is wrong.</legend>
        {/* "Column X read as Y" lines are the routine part of the guess: folded away; anything else (date order…) stays in view. */}
        {p.guess.notes.filter((n) => !ROUTINE.test(n)).map((n) => (
          <p key={n} className="note">
            {n}
          </p>
        ))}
        {p.guess.notes.some((n) => ROUTINE.test(n)) && (
          <details className="note">
            <summary>How each column was guessed</summary>
            {p.guess.notes.filter((n) => ROUTINE.test(n)).map((n) => (
              <p key={n}>{n}</p>
            ))}
          </details>
        )}
        {fields.map((f) => {
          const id = fieldId(f);
          return (
            <div key={f} className="field">
              <label htmlFor={id}>{FIELD_LABELS[f] ?? f}</label>
              <FieldErrorMessage id={id} errors={errors} />
              <select
                {...errorProps(id, errors)}
                value={s.mapping[f] ?? ''}
                data-testid={`map-${f}`}
                onChange={(e) => dispatch({ type: 'map', field: f, column: e.target.value || undefined })}
              >
                <option value="">(not in this file)</option>
                {header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {issueColumns.length > 0 && (
          <p className="note">
            Grades read from {issueColumns.length} issue columns: {issueColumns.map(([col, issue]) => (col === issue ? col : `${col} → ${issue}`)).join('; ')}.
          </p>
        )}
        {optionColumns.length > 0 && (
          <p className="note" data-testid="option-columns">
            Choices read from {optionColumns.length} option columns (one per option, a ticked box each, so they have no rank):{' '}
            {optionColumns.map(([col, option]) => (col === option ? col : `${col} → ${option}`)).join('; ')}.
          </p>
        )}
      </fieldset>
      {s.kind === 'survey' && s.mapping.choices !== undefined && s.mapping.choices !== '' && (
        <fieldset className="field" data-testid="choices-ranked">
          <legend>Are the choices in order of preference?</legend>
          <p className="hint">A ranking puts the person’s first choice first. A form’s tick boxes (Google Forms, Microsoft Forms) list the ticked options in the form’s own order, so there is no first choice.</p>
          <label className="check">
            <input type="radio" name="choices-ranked" checked={ranked} onChange={() => dispatch({ type: 'choicesRanked', ranked: true })} data-testid="choices-ranked-yes" /> Yes, first is the
            first choice
          </label>
          <label className="check">
            <input type="radio" name="choices-ranked" checked={!ranked} onChange={() => dispatch({ type: 'choicesRanked', ranked: false })} data-testid="choices-ranked-no" /> No, they are
            ticked boxes
          </label>
        </fieldset>
      )}
      {swapWarning && (
        <label className="problem check">
          <input type="checkbox" checked={s.swap} onChange={(e) => dispatch({ type: 'swap', on: e.target.checked })} data-testid="swap-latlon" /> {swapWarning} Swap them
          back when importing.
        </label>
      )}
      <div className="field">
        <label htmlFor="import-date-order">Dates like 03/04/2025 mean</label>
        <select id="import-date-order" value={s.dateOrder} onChange={(e) => dispatch({ type: 'dateOrder', order: e.target.value as 'dmy' | 'mdy' })}>
          <option value="dmy">3 April (UK order)</option>
          <option value="mdy">March 4 (US order)</option>
        </select>
      </div>
      {s.kind === 'survey' && (
        <div className="field">
          <label htmlFor={VENUE_FILE_ID}>Venue list (optional: a file with Venue, Latitude and Longitude columns)</label>
          <FieldErrorMessage id={VENUE_FILE_ID} errors={errors} />
          <input
            type="file"
            {...errorProps(VENUE_FILE_ID, errors)}
            accept=".csv,.tsv,.txt,.xlsx"
            onChange={(e) => void loadVenues(e.target.files?.[0])}
            data-testid="venue-file"
          />
          {s.venues && s.venues.venues.length > 0 && (
            <p className={s.venuesFrom?.remembered ? 'remembered' : 'note'} data-testid="venue-count">
              {s.venuesFrom?.remembered
                ? `Using the venue list from your last survey file (${s.venuesFrom.name}, ${s.venues.venues.length} venues). Choose a file above to use a different list.`
                : `${s.venues.venues.length} venues read${s.venuesFrom ? ` from ${s.venuesFrom.name}` : ''}. ${s.venues.problems.join(' ')}`}
            </p>
          )}
        </div>
      )}
      <PreviewTable chunk={p.chunk} caption="First rows of the file" />
    </div>
  );
}
