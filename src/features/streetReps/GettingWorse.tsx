import { useState } from 'react';
import type { Database } from '../../db/database.ts';
import { gettingWorse, type StreetRepFilters } from '../../db/queries/streetReps.ts';
import { dayLabel } from '../../analysis/format.ts';
import { gradeLetter } from '../../analysis/streetReps.ts';
import { useQuery } from '../../app/useQuery.ts';

export interface GettingWorseProps {
  db: Database;
  filters: StreetRepFilters;
  /** Changes whenever `filters` or the loaded data change. */
  filtersKey: string;
  /** '' = all headings. */
  heading: string;
  onSelect(siteId: string): void;
}

/** Visits the rule looks back over (see gettingWorse in src/db/queries/streetReps.ts). */
const WINDOW = 3;
const FIRST_SHOWN = 15;

/** Issues whose grades rose over a site's last three graded visits, biggest rises first. */
export function GettingWorse({ db, filters, filtersKey, heading, onSelect }: GettingWorseProps) {
  const result = useQuery(filtersKey, () => gettingWorse(db, filters, { visits: WINDOW }), 'The “getting worse” list could not be worked out');
  const [showAll, setShowAll] = useState(false);
  const rows = result.status === 'ready' ? result.data.filter((r) => !heading || r.heading === heading) : [];
  const shown = showAll ? rows : rows.slice(0, FIRST_SHOWN);
  return (
    <section aria-labelledby="getting-worse-heading" data-testid="getting-worse">
      <h3 id="getting-worse-heading">Getting worse</h3>
      <p className="hint">
        An issue is listed when, over the last {WINDOW} visits that graded it, its grade never went down and ended higher than it started (for example A → B → B or B →
        C → D).
      </p>
      {result.status === 'loading' && <p role="status">Looking for issues getting worse…</p>}
      {result.status === 'error' && (
        <p className="problem" role="alert">
          {result.message}
        </p>
      )}
      {result.status === 'ready' && rows.length === 0 && (
        <p data-testid="getting-worse-none">No issue{heading ? ` under ${heading}` : ''} got worse over the last {WINDOW} visits at any site here.</p>
      )}
      {rows.length > 0 && (
        <>
          <table className="data-table">
            <caption>
              {rows.length.toLocaleString('en-GB')} {rows.length === 1 ? 'issue is' : 'issues are'} getting worse, biggest rise first. Choose a site to see its history.
            </caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Issue</th>
                <th scope="col">Grades</th>
                <th scope="col">Between</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.site_id}|${r.issue}`}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    <button type="button" className="link" style={{ textAlign: 'left' }} onClick={() => onSelect(r.site_id)}>
                      {r.site_name ?? r.site_id}
                    </button>
                    <br />
                    <span className="hint">{r.ward_name ?? 'Ward not known'}</span>
                  </th>
                  <td>{r.issue}</td>
                  <td>
                    <strong>
                      {gradeLetter(r.from_grade)} to {gradeLetter(r.to_grade)}
                    </strong>{' '}
                    <span className="hint">({r.grades.map(gradeLetter).join(', ')})</span>
                  </td>
                  <td>
                    {dayLabel(r.from_date)} and {dayLabel(r.to_date)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > FIRST_SHOWN && (
            <button type="button" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
              {showAll ? `Show the first ${FIRST_SHOWN} only` : `Show all ${rows.length.toLocaleString('en-GB')}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
