import { useCallback, useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { themeCounts } from '../../db/queries/surveyPriorities.ts';
import { HIGHLIGHTED_THEMES, shareAndInterval, themePriorityRows } from '../../analysis/surveyPriorities.ts';
import { ThemePriorities } from '../../charts/ThemePriorities.tsx';
import { useQuery } from './useQuery.ts';

export interface PrioritiesSectionProps {
  db: Database;
  filters: SurveyFilters;
  version: number;
}

const n = (v: number) => v.toLocaleString('en-GB');

/** Which themes residents put first and in their top three, with 95 % intervals, as a chart and a table. */
export function PrioritiesSection({ db, filters, version }: PrioritiesSectionProps) {
  const load = useCallback(() => themeCounts(db, filters), [db, filters]);
  const state = useQuery(load, version);
  const rows = useMemo(() => (state.value ? themePriorityRows(state.value) : []), [state.value]);
  const responses = state.value?.[0]?.responses ?? 0;
  const highlighted = new Set(HIGHLIGHTED_THEMES);
  const top = rows[0];

  return (
    <section aria-labelledby="survey-priorities-heading" data-testid="theme-priorities" aria-busy={state.loading}>
      <h3 id="survey-priorities-heading">What residents put first</h3>
      {state.error && (
        <p className="problem" role="alert">
          The survey priorities could not be counted: {state.error}
        </p>
      )}
      {state.loading && !state.value && <p role="status">Counting the priorities…</p>}
      {state.value && responses === 0 && <p className="note">No responses match these filters.</p>}
      {state.value && responses > 0 && (
        <>
          <p className="hint">
            Share of the {n(responses)} responses that ranked each theme first, and that had it anywhere in their top three. The lines show the 95% interval:
            the range the share would plausibly fall in with a different set of respondents.{' '}
            <strong>Bold</strong> themes are the three this tool highlights (housing, safety, communal areas).
          </p>
          {top && Number.isFinite(top.topThree.share) && (
            <p>
              Most often in the top three: <strong>{top.theme}</strong>, in {n(top.topThree.count)} of {n(responses)} responses, or {shareAndInterval(top.topThree)}.
            </p>
          )}
          <ThemePriorities rows={rows} responses={responses} highlight={HIGHLIGHTED_THEMES} />
          <details className="chart-values">
            <summary>The chart’s numbers as a table</summary>
            <table className="data-table">
              <caption>
                Themes by share of {n(responses)} responses, with 95% intervals (Wilson). A response naming a theme twice counts once.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Theme</th>
                  <th scope="col" className="num">
                    Ranked first
                  </th>
                  <th scope="col">Share (95% interval)</th>
                  <th scope="col" className="num">
                    In top three
                  </th>
                  <th scope="col">Share (95% interval)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.theme}>
                    <th scope="row">{highlighted.has(r.theme) ? <strong>{r.theme}</strong> : r.theme}</th>
                    <td className="num">{n(r.first.count)}</td>
                    <td>{shareAndInterval(r.first)}</td>
                    <td className="num">{n(r.topThree.count)}</td>
                    <td>{shareAndInterval(r.topThree)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
