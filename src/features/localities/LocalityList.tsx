import { countOf } from '../../geo/levels.ts';
import type { Locality } from '../../localities/locality.ts';
import { localitySummary } from '../../localities/summary.ts';
import type { MemberRows } from './useWardLookups.ts';

const people = (n: number | null) => (n === null ? '' : `, ${n.toLocaleString('en-GB')} people (Census 2021)`);

/** The person's localities, each with what it covers and what can be done with it. */
export function LocalityList({
  localities,
  members,
  editing,
  onShow,
  onEdit,
  onDelete,
}: {
  localities: readonly Locality[];
  members: MemberRows | null;
  editing: string | null;
  onShow: (l: Locality) => void;
  onEdit: (l: Locality) => void;
  onDelete: (l: Locality) => void;
}) {
  if (localities.length === 0) {
    return (
      <p className="placeholder" data-testid="localities-list">
        You have no localities yet. Make one from wards you pick, or import a CSV of wards.
      </p>
    );
  }
  return (
    <ul className="localities" data-testid="localities-list">
      {localities.map((l) => {
        // While a new locality's members are still being looked up, say nothing rather than "0 small areas".
        const counted = members && l.wards.every((w) => members.wards.has(w)) && l.lsoas.every((a) => members.smallAreas.has(a));
        const s = counted ? localitySummary(l, members.wards, members.smallAreas) : null;
        return (
          <li key={l.id} data-testid={`locality-row-${l.id}`} aria-current={editing === l.id ? 'true' : undefined}>
            <strong data-testid="locality-row-name">{l.name}</strong>{' '}
            <span data-testid="locality-row-size">
              {countOf(l.wards.length, 'ward')}
              {s ? `, ${countOf(s.lsoas, 'lsoa')}${people(s.population)}` : ''}
            </span>
            {s && s.authorities.length > 0 && <span className="hint"> — {s.authorities.join(' and ')}</span>}
            <br />
            <button type="button" onClick={() => onShow(l)} data-testid={`locality-show-${l.id}`}>
              Show on map<span className="visually-hidden"> {l.name}</span>
            </button>{' '}
            <button type="button" onClick={() => onEdit(l)} disabled={editing !== null} data-testid={`locality-edit-${l.id}`}>
              Edit<span className="visually-hidden"> {l.name}</span>
            </button>{' '}
            <button type="button" onClick={() => onDelete(l)} disabled={editing === l.id} data-testid={`locality-delete-${l.id}`}>
              Delete<span className="visually-hidden"> {l.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
