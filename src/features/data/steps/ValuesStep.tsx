import { useState } from 'react';
import { KEEP_WITHOUT_PLACE, OTHER_THEME, type ReconcilableField, type ValueGroup } from '../../../ingest/importProtocol.ts';
import type { DatasetKind } from '../../../ingest/schemas.ts';
import { REJECT, UNCHANGED } from './wizard.ts';
import type { StepProps } from './types.ts';

const n = (v: number) => v.toLocaleString('en-GB');
const KIND_WORDS: Record<DatasetKind, string> = { survey: 'survey', 'street-rep': 'street-rep', police: 'police' };
const PAGE = 40;

const FIELD_NAMES: Record<ReconcilableField, string> = {
  venue: 'Venues',
  channel: 'How responses were collected',
  theme: 'Themes',
  grade: 'Grades',
  age_band: 'Age bands',
  sex: 'Sex',
  ethnicity: 'Ethnicity',
  issue: 'Street-rep issues',
};

/** A decision in words, for the tally and for screen readers. */
export function decisionWord(g: ValueGroup, d: string): 'accepted' | 'changed' | 'rejected' | 'not chosen' {
  if (d === UNCHANGED) return 'not chosen';
  if (d === REJECT) return 'rejected';
  return d === g.proposed ? 'accepted' : 'changed';
}

/**
 * Step 5: every categorical column's spellings grouped, each group with the
 * value it is proposed to become and how many rows hold it. The person accepts,
 * changes or rejects each proposal; an unmatched value can be mapped by hand.
 */
export function ValuesStep({ s, dispatch, onRetry }: StepProps & { onRetry(): void }) {
  const pr = s.profiling;
  if (pr.phase === 'idle' || pr.phase === 'reading') {
    const fraction = pr.phase === 'reading' ? pr.fraction : 0;
    return (
      <div className="step-body progress" data-testid="values-progress">
        <label>
          Reading the whole file for its values… {Math.round(fraction * 100)}%
          <progress max={1} value={fraction} />
        </label>
      </div>
    );
  }
  if (pr.phase === 'failed') {
    return (
      <div className="step-body">
        <p className="problem" role="alert">
          The values could not be read: {pr.message} You can go on without this step: every value then goes through the usual checks.
        </p>
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  const { profile, remembered } = pr;
  const tally = { accepted: 0, changed: 0, rejected: 0, 'not chosen': 0 };
  profile.groups.forEach((g, i) => tally[decisionWord(g, s.decisions[i] ?? UNCHANGED)]++);
  const fields = [...new Set(profile.groups.map((g) => g.field))];
  const pendingSuggestions = profile.groups.some((g, i) => g.proposed !== null && (s.decisions[i] ?? UNCHANGED) === UNCHANGED);
  return (
    <div className="step-body">
      {remembered > 0 && (
        <p className="remembered" data-testid="values-remembered">
          Using your choices from the last {s.kind ? KIND_WORDS[s.kind] : ''} file for {n(remembered)} {remembered === 1 ? 'group' : 'groups'} of
          values. Check them below: you can still change any.
        </p>
      )}
      <p data-testid="values-tally">
        {n(profile.rowsRead)} rows read. {n(profile.groups.length)} groups of values: {n(tally.accepted)} accepted, {n(tally.changed)} changed, {n(tally.rejected)} rejected,{' '}
        {n(tally['not chosen'])} not chosen (their rows are checked as usual).
      </p>
      {profile.notes?.map((t) => (
        <p key={t} className="note">
          {t}
        </p>
      ))}
      {pendingSuggestions && (
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'acceptAll' })} data-testid="values-accept-all">
          Accept every suggestion not yet chosen
        </button>
      )}
      {profile.placeless.count > 0 && (
        <p className="note" data-testid="values-placeless">
          {n(profile.placeless.count)} {profile.placeless.count === 1 ? 'response has' : 'responses have'} no place
          {profile.placeless.channels.length > 0 && ` (${profile.placeless.channels.map((c) => `${c.raw}: ${n(c.count)}`).join(', ')})`}. They will be kept and
          counted in the priorities and in who answered, but not put on the map.
        </p>
      )}
      {fields.map((f) => (
        <FieldGroups key={f} field={f} {...{ s, dispatch }} />
      ))}
      <label className="check">
        <input
          type="checkbox"
          checked={s.keepImpossibleDatesUndated}
          onChange={(e) => dispatch({ type: 'keepImpossibleDates', on: e.target.checked })}
          data-testid="keep-impossible-dates"
        />{' '}
        Keep rows whose date is impossible (such as 31/02), without a date. Left unticked, those rows are left out and listed in the report.
      </label>
    </div>
  );
}

function FieldGroups({ field, s, dispatch }: { field: ReconcilableField } & Pick<StepProps, 's' | 'dispatch'>) {
  const [shown, setShown] = useState(PAGE);
  if (s.profiling.phase !== 'ready') return null;
  const profile = s.profiling.profile;
  const groups = profile.groups.map((g, i) => [g, i] as const).filter(([g]) => g.field === field);
  const options = profile.options[field] ?? [];
  return (
    <section className="value-field" aria-labelledby={`values-${field}`}>
      <h3 id={`values-${field}`}>
        {FIELD_NAMES[field]} <span className="hint">(column {[...new Set(groups.map(([g]) => `‘${g.column}’`))].join(', ')})</span>
      </h3>
      <ul className="value-groups">
        {groups.slice(0, shown).map(([g, i]) => {
          const d = s.decisions[i] ?? UNCHANGED;
          const id = `import-value-${i}`;
          const total = g.members.reduce((t, m) => t + m.count, 0);
          const extra = [...(field === 'venue' ? [KEEP_WITHOUT_PLACE] : []), ...(field === 'theme' && !options.includes(OTHER_THEME) ? [OTHER_THEME] : [])];
          return (
            <li key={i} className={`value-group ${decisionWord(g, d).replace(' ', '-')}`} data-testid={`value-group-${i}`}>
              <div className="variants">
                <span className="count">
                  {n(total)} {total === 1 ? 'row' : 'rows'}
                </span>{' '}
                {g.members.map((m, k) => (
                  <span key={m.raw} className="variant">
                    {k > 0 && ', '}‘{m.raw}’ <span className="hint">×{n(m.count)}, first on row {m.firstRow}</span>
                  </span>
                ))}
              </div>
              <p className="hint">
                {g.proposed !== null ? `Suggested: ${label(g.proposed)} (${g.how})${g.confident ? '' : ' — a looser match, so not chosen until you accept it'}.` : `No match found (${g.how}).`}
              </p>
              <div className="field">
                <label htmlFor={id}>Becomes</label>
                <select id={id} value={d} onChange={(e) => dispatch({ type: 'decide', group: i, value: e.target.value })} data-testid={`value-choice-${i}`}>
                  <option value={UNCHANGED}>Not chosen: check each row as usual</option>
                  {g.proposed !== null && <option value={g.proposed}>{label(g.proposed)} (suggested)</option>}
                  {[...options, ...extra]
                    .filter((o) => o !== g.proposed)
                    .map((o) => (
                      <option key={o} value={o}>
                        {label(o)}
                      </option>
                    ))}
                  <option value={REJECT}>Leave these rows out</option>
                </select>
              </div>
            </li>
          );
        })}
      </ul>
      {shown < groups.length && (
        <button type="button" className="secondary" onClick={() => setShown((v) => v + PAGE * 4)}>
          Show more ({n(groups.length - shown)} not shown)
        </button>
      )}
    </section>
  );
}

/** How a canonical value reads in the lists. */
const label = (v: string) => (v === KEEP_WITHOUT_PLACE ? 'Keep, without a place' : v === OTHER_THEME ? 'Other (kept at its rank)' : v);
