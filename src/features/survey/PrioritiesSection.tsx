import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { themeCounts } from '../../db/queries/surveyPriorities.ts';
import { HIGHLIGHTED_THEMES, shareAndInterval, themePriorityRows } from '../../analysis/surveyPriorities.ts';
import { ThemePriorities } from '../../charts/ThemePriorities.tsx';
import { ChartValues } from '../../charts/ChartValues.tsx';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { OTHER_THEME } from '../../ingest/importProtocol.ts';
import { UNRANKED_SENTENCE, unrankedSentence } from './surveyWords.ts';
import { prioritiesExportTable } from './surveyExports.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { placeName } from '../../geo/places.ts';
import { useSample } from '../../ui/useSample.ts';

export interface PrioritiesSectionProps {
  db: Database;
  filters: SurveyFilters;
  version: number;
  /** Matching responses whose choices are ticked boxes with no rank, and how many name a theme at all (from surveyTotals). */
  unranked?: { responses: number; withChoices: number };
}

// Kept here too for the tests and panels that import them from this section.
export { UNRANKED_SENTENCE, unrankedSentence };

const n = (v: number) => v.toLocaleString('en-GB');

/** Which themes residents put first and in their top three, with 95 % intervals, as a chart and a table. */
export function PrioritiesSection({ db, filters, version, unranked }: PrioritiesSectionProps) {
  const state = useQuery(JSON.stringify([filters, version]), () => themeCounts(db, filters), 'The survey priorities could not be counted');
  const counts = latestData(state);
  const rows = useMemo(() => (counts ? themePriorityRows(counts) : []), [counts]);
  const responses = counts?.[0]?.responses ?? 0;
  const top = rows[0];
  const unrankedNote = unrankedSentence(unranked);
  const scope = placeName(useSession().place);
  const sample = useSample(['survey']);

  return (
    <section aria-labelledby="survey-priorities-heading" data-testid="theme-priorities" aria-busy={state.status === 'loading'}>
      <h3 id="survey-priorities-heading">What residents put first</h3>
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loading' && !counts && <p role="status">Counting the priorities…</p>}
      {counts && responses === 0 && <p className="note">No responses match these filters.</p>}
      {counts && responses > 0 && (
        <>
          <p className="hint">
            Share of the {n(responses)} responses that ranked each theme first, and that had it anywhere in their top three. The lines show the 95% interval:
            the range the share would plausibly fall in with a different set of respondents.{' '}
            <strong>Bold</strong> themes are the three this tool highlights (housing, safety, communal areas).
          </p>
          {unrankedNote && (
            <p className="note" data-testid="survey-unranked-note">
              {unrankedNote}
            </p>
          )}
          {top && Number.isFinite(top.topThree.share) && (
            <p>
              Most often in the top three: <strong>{top.theme}</strong>, in {n(top.topThree.count)} of {n(responses)} responses, or {shareAndInterval(top.topThree)}.
            </p>
          )}
          <ThemePriorities rows={rows} responses={responses} highlight={HIGHLIGHTED_THEMES} sample={sample} area={scope} />
          {rows.some((r) => r.theme === OTHER_THEME && r.topThree.count > 0) && (
            <p className="note" data-testid="survey-other-note">
              “{OTHER_THEME}” gathers choices that are not one of the eleven themes, kept at the rank the resident gave them when the file was imported. It is listed last,
              not ranked among the themes. “Ranked first” counts only choices marked 1: a response whose first choice was left blank has no first choice.
            </p>
          )}
          <ChartValues
            caption={`Themes by share of ${n(responses)} responses, with 95% intervals (Wilson). A response naming a theme twice counts once.`}
            columns={[{ label: 'Theme' }, { label: 'Ranked first', numeric: true }, { label: 'Share (95% interval)' }, { label: 'In top three', numeric: true }, { label: 'Share (95% interval)' }]}
            rows={rows.map((r) => [r.theme, r.first.count, shareAndInterval(r.first), r.topThree.count, shareAndInterval(r.topThree)])}
            exportTable={() => prioritiesExportTable(rows, responses, scope, sample, unrankedNote ? [unrankedNote] : [])}
          />
        </>
      )}
    </section>
  );
}
