import { useId, useState } from 'react';
import { MAX_COMPARED } from '../../session/document.ts';

export interface PickerOption {
  code: string;
  name: string;
  /** Shown after the name: the ward's authority, or "locality". */
  detail: string | null;
}

export interface ComparePickerProps {
  chosen: readonly PickerOption[];
  wards: readonly PickerOption[];
  localities: readonly PickerOption[];
  onAdd: (code: string) => void;
  onRemove: (code: string) => void;
}

const SHOWN = 12;

/** Add wards (searchable) and localities, each removable; at most five. */
export function ComparePicker({ chosen, wards, localities, onAdd, onRemove }: ComparePickerProps) {
  const [text, setText] = useState('');
  const searchId = useId();
  const full = chosen.length >= MAX_COMPARED;
  const taken = new Set(chosen.map((c) => c.code));
  const wanted = text.trim().toLowerCase();
  // The list appears as a person types, so it does not push the comparison down the page.
  const matches = wanted === '' ? [] : wards.filter((w) => !taken.has(w.code) && w.name.toLowerCase().includes(wanted));
  const add = (code: string) => {
    onAdd(code);
    setText('');
  };
  return (
    <div className="compare-picker" data-testid="compare-add">
      <h3>Areas compared ({chosen.length} of at most {MAX_COMPARED})</h3>
      {chosen.length > 0 && (
        <ul className="chips" aria-label="Areas compared">
          {chosen.map((c) => (
            <li key={c.code} data-code={c.code}>
              {c.name}
              {c.detail && <span className="chip-detail"> ({c.detail})</span>}{' '}
              <button type="button" onClick={() => onRemove(c.code)} aria-label={`Remove ${c.name} from the comparison`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p className="hint">Five areas is the most that fit side by side: remove one to add another.</p>
      ) : (
        <>
          <label htmlFor={searchId}>Find a ward to add</label>
          <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Type part of a ward's name" autoComplete="off" />
          <ul className="pick-list" aria-label="Wards you can add">
            {matches.slice(0, SHOWN).map((w) => (
              <li key={w.code}>
                <button type="button" onClick={() => add(w.code)} data-code={w.code}>
                  Add {w.name}
                  {w.detail && <span className="chip-detail"> ({w.detail})</span>}
                </button>
              </li>
            ))}
          </ul>
          {matches.length > SHOWN && <p className="hint">{(matches.length - SHOWN).toLocaleString('en-GB')} more wards match: type more of the name.</p>}
          {wanted === '' ? (
            <p className="hint">Type part of a name to see the wards that match ({wards.length.toLocaleString('en-GB')} in the place in view).</p>
          ) : (
            matches.length === 0 && <p className="hint">No ward matches “{text}”.</p>
          )}
          {localities.some((l) => !taken.has(l.code)) && (
            <>
              <h4>Your localities</h4>
              <ul className="pick-list" aria-label="Localities you can add">
                {localities
                  .filter((l) => !taken.has(l.code))
                  .map((l) => (
                    <li key={l.code}>
                      <button type="button" onClick={() => add(l.code)} data-code={l.code}>
                        Add {l.name}
                      </button>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
