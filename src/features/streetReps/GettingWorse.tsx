import { useState } from 'react';
import type { Database } from '../../db/database.ts';
import { gettingWorse, type StreetRepFilters } from '../../db/queries/streetReps.ts';
import { dayLabel } from '../../analysis/format.ts';
import { gradeLetter } from '../../analysis/streetReps.ts';
import { FORM_ISSUES } from '../../analysis/streetRepIssues.ts';
import { useQuery } from '../../ui/useQuery.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { placeName } from '../../geo/places.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { useSample } from '../../ui/useSample.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { exportStem } from '../../export/exportTable.ts';

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

/** A median grade in words: 'B', or 'between B and C' for a half grade. */
const usualText = (g: number) => (Number.isInteger(g) ? gradeLetter(g) : `between ${gradeLetter(Math.floor(g))} and ${gradeLetter(Math.ceil(g))}`);

/**
 * Issues getting worse at each site, judged issue by issue (never averaged
 * over a site's issues): rising over the last three graded visits, or risen
 * and stayed at least a grade above usual. Biggest rises first.
 */
export function GettingWorse({ db, filters, filtersKey, heading, onSelect }: GettingWorseProps) {
  const result = useQuery(filtersKey, () => gettingWorse(db, filters, { visits: WINDOW }), 'The “getting worse” list could not be worked out');
  const [showAll, setShowAll] = useState(false);
  const [issue, setIssue] = useState('');
  const issues = FORM_ISSUES.filter((h) => !heading || h.heading === heading).flatMap((h) => h.issues);
  const chosen = issues.includes(issue) ? issue : '';
  const rows = result.status === 'ready' ? result.data.filter((r) => (!heading || r.heading === heading) && (!chosen || r.issue === chosen)) : [];
  const shown = showAll ? rows : rows.slice(0, FIRST_SHOWN);
  const place = placeName(useSession().place);
  const sample = useSample(['street-rep']);
  // Every issue listed (not only the first shown), in the same order; dates as YYYY-MM-DD.
  const exportTable = () => ({
    title: `Street-rep issues getting worse in ${place}${chosen ? `: ${chosen}` : heading ? `: ${heading}` : ''}`,
    description: `Issues getting worse at each site, judged issue by issue, biggest rise first.`,
    place,
    columns: [{ label: 'Site' }, { label: 'Site id' }, { label: 'Ward' }, { label: 'Issue' }, { label: 'Rule' }, { label: 'From grade' }, { label: 'To grade' }, { label: 'Usual grade' }, { label: 'Grades (last visits)' }, { label: 'From visit' }, { label: 'To visit' }],
    rows: rows.map((r) => [
      r.site_name ?? r.site_id,
      r.site_id,
      r.ward_name ?? 'Ward not known',
      r.issue,
      r.rule === 'rising' ? 'rising' : 'stayed up',
      gradeLetter(r.from_grade),
      gradeLetter(r.to_grade),
      r.usual_grade === null ? null : usualText(r.usual_grade),
      r.grades.map(gradeLetter).join(', '),
      r.from_date,
      r.to_date,
    ]),
    sources: [SOURCE_LINES.streetReps],
    notes: [
      `Listed when, over the last ${WINDOW} visits that graded it, an issue's grade never went down and ended higher than it started, or when each of those ${WINDOW} grades is at least one grade worse than its usual grade at earlier visits.`,
    ],
    sample,
    fileStem: exportStem('street-rep-getting-worse', place),
  });
  return (
    <section aria-labelledby="getting-worse-heading" data-testid="getting-worse">
      <h3 id="getting-worse-heading">Getting worse</h3>
      <p className="hint">
        Each issue at each site is judged on its own. It is listed when, over the last {WINDOW} visits that graded it, its grade never went down and ended higher than it
        started (for example A → B → B or B → C → D), or when it rose and stayed up: each of those {WINDOW} grades is at least one grade worse than the issue’s usual grade
        at earlier visits (for example B B B B C D D D).
      </p>
      <div className="filters">
        <label>
          Issue
          <select value={chosen} onChange={(e) => setIssue(e.target.value)} data-testid="getting-worse-issue">
            <option value="">{heading ? `All ${heading} issues` : 'All issues'}</option>
            {issues.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.status === 'loading' && <p role="status">Looking for issues getting worse…</p>}
      {result.status === 'error' && (
        <p className="problem" role="alert">
          {result.message}
        </p>
      )}
      {result.status === 'ready' && rows.length === 0 && (
        <p data-testid="getting-worse-none">
          {chosen ? `${chosen} did not get worse` : `No issue${heading ? ` under ${heading}` : ''} got worse`} over the last {WINDOW} visits at any site here.
        </p>
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
                  <td data-rule={r.rule}>
                    {r.rule === 'rising' ? (
                      <strong>
                        {gradeLetter(r.from_grade)} to {gradeLetter(r.to_grade)}
                      </strong>
                    ) : (
                      <strong>Stayed up{r.usual_grade !== null ? `, usually ${usualText(r.usual_grade)}` : ''}</strong>
                    )}{' '}
                    <span className="hint">({r.grades.map(gradeLetter).join(', ')})</span>
                  </td>
                  <td>
                    {dayLabel(r.from_date)} and {dayLabel(r.to_date)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads table={exportTable} name="the getting-worse table" testId="getting-worse-download" />
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
