import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { countOf } from '../../geo/levels.ts';
import { fingerprint } from '../../ingest/reconcile/keys.ts';
import type { WardListRow } from '../../db/queries/wardList.ts';

/** More than this many matches are not drawn: typing narrows them (England has 6,800 wards). */
const SHOWN = 120;

const matches = (w: WardListRow, words: string[]) => {
  const key = `${fingerprint(w.name)} ${w.name.toLowerCase()} ${w.code.toLowerCase()} ${w.lad_name.toLowerCase()}`;
  return words.every((word) => key.includes(word) || (fingerprint(word) !== '' && key.includes(fingerprint(word))));
};

/**
 * The wards of the place in view as a searchable list of checkboxes. Typing
 * narrows it; Enter in the search box ticks (or unticks) the first match;
 * Down arrow moves into the list, where Tab and Space work as usual.
 */
export function WardChooser({ wards, chosen, onToggle, placeLabel }: { wards: WardListRow[] | null; chosen: readonly string[]; onToggle: (code: string) => void; placeLabel: string }) {
  const [search, setSearch] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  if (!wards) return <p className="placeholder">Listing the wards in {placeLabel}…</p>;
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length ? wards.filter((w) => matches(w, words)) : wards;
  const shown = found.slice(0, SHOWN);
  const manyAuthorities = new Set(wards.map((w) => w.lad_name)).size > 1;
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && shown[0]) {
      e.preventDefault();
      onToggle(shown[0].code);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      list.current?.querySelector('input')?.focus();
    }
  };
  return (
    <fieldset className="ward-chooser">
      <legend>Wards in {placeLabel}</legend>
      <label htmlFor={`${id}-search`}>Find a ward (name or code)</label>{' '}
      <input
        id={`${id}-search`}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKey}
        aria-describedby={`${id}-count`}
        data-testid="locality-ward-search"
      />
      <p id={`${id}-count`} className="hint" aria-live="polite">
        {found.length === wards.length ? `${countOf(wards.length, 'ward')}` : `${found.length} of ${countOf(wards.length, 'ward')} match`}
        {found.length > SHOWN ? `; the first ${SHOWN} are shown — type more to narrow the list` : ''}. Enter ticks the first one.
      </p>
      <ul ref={list} style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '16rem', overflowY: 'auto' }} data-testid="locality-ward-list">
        {shown.map((w) => (
          <li key={w.code}>
            <label>
              <input type="checkbox" checked={chosen.includes(w.code)} onChange={() => onToggle(w.code)} data-testid={`locality-ward-${w.code}`} /> {w.name}{' '}
              <span className="hint">
                {manyAuthorities ? `${w.lad_name}, ` : ''}
                {countOf(w.lsoas, 'lsoa')}
              </span>
            </label>
          </li>
        ))}
        {found.length === 0 && <li className="hint">No ward in {placeLabel} matches “{search}”.</li>}
      </ul>
    </fieldset>
  );
}
