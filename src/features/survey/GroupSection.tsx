import { useMemo } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { themeCountsBy } from '../../db/queries/surveyPriorities.ts';
import { HIGHLIGHTED_THEMES, TOO_FEW_RESPONSES, groupPriorityRows, intervalText, percent } from '../../analysis/surveyPriorities.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { placeName } from '../../geo/places.ts';
import { useSample } from '../../ui/useSample.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { groupsExportTable } from './surveyExports.ts';

export interface GroupSectionProps {
  db: Database;
  filters: SurveyFilters;
  version: number;
}

/** Short column headings for the three highlighted themes, in HIGHLIGHTED_THEMES order. */
const SHORT: Record<string, string> = {
  'Housing issues': 'Housing issues',
  'Policing & safety': 'Policing & safety',
  'Maintenance & condition of public/communal areas': 'Communal areas',
};

const n = (v: number) => v.toLocaleString('en-GB');

/** The highlighted themes' top-three shares per ward or per venue; small groups are flagged, never hidden. */
export function GroupSection({ db, filters, version }: GroupSectionProps) {
  const session = useSession();
  const by = session.survey.groupBy;
  const sample = useSample(['survey']);
  const dispatch = useDispatch();
  const setBy = (groupBy: 'ward' | 'venue') => dispatch({ type: 'setSurvey', patch: { groupBy } });
  const state = useQuery(JSON.stringify([filters, by, version]), () => themeCountsBy(db, filters, by), `The responses could not be counted by ${by}`);
  const counts = latestData(state);
  const rows = useMemo(() => (counts ? groupPriorityRows(counts, by) : []), [counts, by]);
  const word = by === 'ward' ? 'Ward' : 'Venue';
  const small = rows.filter((r) => r.tooFew).length;

  return (
    <section aria-labelledby="survey-groups-heading" data-testid="survey-groups" aria-busy={state.status === 'loading'}>
      <h3 id="survey-groups-heading">By {by}</h3>
      <div className="buttons" role="group" aria-label="Group the responses by">
        <button type="button" aria-pressed={by === 'ward'} onClick={() => setBy('ward')}>
          By ward
        </button>
        <button type="button" aria-pressed={by === 'venue'} onClick={() => setBy('venue')} data-testid="survey-by-venue">
          By venue
        </button>
      </div>
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loading' && !counts && <p role="status">Counting by {by}…</p>}
      {counts && rows.length === 0 && <p className="note">No responses match these filters.</p>}
      {rows.length > 0 && (
        <>
          <p className="hint">
            Share of each {by}’s responses with the theme in their top three, and below it the 95% interval. With fewer than {TOO_FEW_RESPONSES} responses a share
            says little: those rows are marked “too few to say”.
          </p>
          <table className="data-table">
            <caption>
              {n(rows.length)} {by === 'ward' ? (rows.length === 1 ? 'ward' : 'wards') : rows.length === 1 ? 'venue' : 'venues'}
              {small > 0 ? `, ${n(small)} with too few responses to say` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{word}</th>
                <th scope="col" className="num">
                  Responses
                </th>
                {HIGHLIGHTED_THEMES.map((t) => (
                  <th scope="col" key={t} title={t}>
                    {SHORT[t] ?? t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code ?? 'none'} className={r.tooFew ? 'too-few' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.tooFew && (
                      <>
                        <br />
                        <span className="note">too few to say</span>
                      </>
                    )}
                  </th>
                  <td className="num">{n(r.responses)}</td>
                  {r.topThree.map((s, i) => (
                    <td key={HIGHLIGHTED_THEMES[i]} title={`${n(s.count)} of ${n(r.responses)} responses`}>
                      {Number.isFinite(s.share) ? (
                        <>
                          <strong>{percent(s.share)}</strong>
                          <br />
                          <span className="note">{intervalText(s)}</span>
                        </>
                      ) : (
                        'no responses'
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads
            table={() => groupsExportTable(rows, by, placeName(session.place), sample, `With fewer than ${TOO_FEW_RESPONSES} responses a share says little: those rows are marked “too few to say”.`)}
            name={`the table of priorities by ${by}`}
            testId="survey-groups-download"
          />
        </>
      )}
    </section>
  );
}
