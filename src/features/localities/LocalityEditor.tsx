import { useCallback, useId, useRef, useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useMapPickHandler } from '../../ui/mapPick.tsx';
import { countOf, levelOfCode } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { draftProblem, hasMember, localityOfDraft, toggleMember, type LocalityDraft } from '../../localities/draft.ts';
import { useMemberRows, usePlaceWards } from './useWardLookups.ts';
import { WardChooser } from './WardChooser.tsx';

/**
 * Make or change one locality: its name, and its wards ticked in a list or
 * clicked on the map (single small areas too, when the map shows small areas).
 */
export function LocalityEditor({ initial, onDone }: { initial: LocalityDraft; onDone: (message: string | null) => void }) {
  const session = useSession();
  const dispatch = useDispatch();
  const [draft, setDraft] = useState(initial);
  const [picking, setPicking] = useState(false);
  const [said, setSaid] = useState('');
  const [tried, setTried] = useState(false);
  const id = useId();
  const { wards, problem: listProblem } = usePlaceWards(session.place);
  const members = useMemberRows([draft]);
  const nameOf = useCallback(
    (code: string) => members?.wards.get(code)?.name ?? members?.smallAreas.get(code)?.name ?? wards?.find((w) => w.code === code)?.name ?? code,
    [members, wards],
  );

  // The map calls toggle from outside React's render; it reads the draft as it is now.
  const current = useRef(draft);
  current.current = draft;
  const toggle = useCallback(
    (code: string) => {
      const level = levelOfCode(code);
      if (level !== 'ward' && level !== 'lsoa') return;
      setSaid(`${hasMember(current.current, code) ? 'Took out' : 'Added'} ${nameOf(code)}`);
      setDraft((d) => toggleMember(d, code));
    },
    [nameOf],
  );
  useMapPickHandler(picking ? toggle : null);

  const startPicking = () => {
    if (!picking && session.level !== 'ward') dispatch({ type: 'setLevel', level: 'ward' });
    setPicking(!picking);
  };
  const problem = draftProblem(draft, session.localities);
  const save = () => {
    setTried(true);
    if (problem) return;
    const locality = localityOfDraft(draft, session.localities);
    dispatch({ type: 'saveLocality', locality });
    onDone(`${draft.id ? 'Saved changes to' : 'Made'} ${locality.name}.`);
  };
  const place = placeName(session.place);

  return (
    <form
      className="card locality-editor"
      aria-labelledby={`${id}-title`}
      data-testid="locality-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id={`${id}-title`}>{draft.id ? `Change ${initial.name}` : 'New locality'}</h3>
      <p>
        <label htmlFor={`${id}-name`}>Name of the locality</label>{' '}
        <input id={`${id}-name`} value={draft.name} maxLength={60} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="locality-name" />
      </p>
      <p>
        <button type="button" aria-pressed={picking} onClick={startPicking} data-testid="locality-pick-map">
          {picking ? 'Stop picking on the map' : 'Pick on the map'}
        </button>{' '}
        <span className="hint">
          {picking
            ? session.level === 'lsoa'
              ? 'Click small areas on the map to add or take them out.'
              : 'Click wards on the map to add or take them out. To add single small areas, show small areas on the map.'
            : 'Or tick wards in the list below.'}
        </span>
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="locality-pick-said">
        {said}
      </p>
      {listProblem ? <p className="problem">{listProblem}</p> : <WardChooser wards={wards} chosen={draft.wards} onToggle={toggle} placeLabel={place} />}
      <h4>
        Chosen: {countOf(draft.wards.length, 'ward')}
        {draft.lsoas.length ? ` and ${countOf(draft.lsoas.length, 'lsoa')} on their own` : ''}
      </h4>
      <ul data-testid="locality-chosen">
        {draft.wards.map((code) => (
          <li key={code}>
            {nameOf(code)} <span className="hint">{members?.wards.get(code)?.lad_name ?? ''}</span>{' '}
            <button type="button" onClick={() => toggle(code)} data-testid={`locality-chosen-remove-${code}`}>
              Remove<span className="visually-hidden"> {nameOf(code)}</span>
            </button>
          </li>
        ))}
        {draft.lsoas.map((code) => {
          const a = members?.smallAreas.get(code);
          return (
            <li key={code}>
              Small area {a?.name ?? code} <span className="hint">{a?.ward_name ? `in ${a.ward_name} ward` : ''}</span>{' '}
              <button type="button" onClick={() => toggle(code)} data-testid={`locality-chosen-remove-${code}`}>
                Remove<span className="visually-hidden"> small area {a?.name ?? code}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {tried && problem && (
        <p className="problem" role="alert" data-testid="locality-problem">
          {problem}
        </p>
      )}
      <p className="buttons">
        <button type="submit" data-testid="locality-save">
          Save locality
        </button>{' '}
        <button type="button" onClick={() => onDone(null)} data-testid="locality-cancel">
          Cancel
        </button>
      </p>
    </form>
  );
}
