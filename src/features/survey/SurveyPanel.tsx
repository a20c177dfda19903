import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import type { SurveyFilters as Filters } from '../../db/queries/surveyFilters.ts';
import { placelessChannels, surveyFilterOptions, surveyTotals } from '../../db/queries/surveyPriorities.ts';
import { placelessSentence } from '../../analysis/surveyPriorities.ts';
import { areaNameOf, surveyLsoasInAuthority } from '../../db/queries/surveyScope.ts';
import { placeName } from '../../geo/places.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { chosenSurveys, countLine, placeAuthority, selectedWard, toSurveyFilters } from './surveyModel.ts';
import { SurveyFilters } from './SurveyFilters.tsx';
import { PrioritiesSection } from './PrioritiesSection.tsx';
import { GroupSection } from './GroupSection.tsx';
import { RepresentativenessSection } from './RepresentativenessSection.tsx';
import { NoSurveyLayer, SurveyMapLayer } from './SurveyMapLayer.tsx';
import { CommentsSection } from './CommentsSection.tsx';

/** The residents' survey: what people put first, where, and whether those who answered are like those who live there. */
export function SurveyPanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <SurveySection db={ready.db} />;
}

function SurveySection({ db }: { db: Database }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const picked = session.survey;
  const onOpenData = () => dispatch({ type: 'setTab', tab: 'data' });
  const surveys = evidence.datasets.filter((d) => d.kind === 'survey');
  // A survey removed in "Your data" falls back to all loaded surveys.
  const choice = picked.dataset && !surveys.some((d) => d.id === picked.dataset) ? { ...picked, dataset: '' } : picked;
  const chosen = chosenSurveys(evidence.datasets, choice);
  const synthetic = chosen.some((d) => d.synthetic);
  const ward = selectedWard(session.area);
  const lad = placeAuthority(session.place);
  // Only survey data changes what this section shows (not police records arriving).
  const version = evidence.versions.survey;

  // Filters are rebuilt from their text so that queries re-run only when a filter really changes.
  const baseKey = JSON.stringify(toSurveyFilters(choice, { datasetIds: chosen.map((d) => d.id), area: session.area }));
  const base = useMemo(() => JSON.parse(baseKey) as Filters, [baseKey]);
  const datasetKey = chosen.map((d) => d.id).join('\n');

  const options = useQuery(
    JSON.stringify([datasetKey, version]),
    () => surveyFilterOptions(db, datasetKey ? datasetKey.split('\n') : []),
    'The filter choices could not be read',
  );
  const wardNameQuery = useQuery(ward ? JSON.stringify([ward, version]) : null, () => areaNameOf(db, ward!), 'The ward’s name could not be read');
  const wardName = latestData(wardNameQuery);

  // One authority in view: limit to the small areas of it where responses fall (see surveyScope.ts).
  // Only the answer for the current filters counts (an older one would count the wrong areas), hence no latestData here.
  const scope = useQuery(
    lad ? JSON.stringify([baseKey, lad, version]) : null,
    () => surveyLsoasInAuthority(db, base, lad!),
    `The responses in ${placeName(session.place)} could not be found`,
  );
  const scopeCodes = lad ? (scope.status === 'ready' ? scope.data : null) : undefined;
  const filters = useMemo<Filters | null>(() => (scopeCodes === null ? null : scopeCodes === undefined ? base : { ...base, lsoaCodes: scopeCodes }), [base, scopeCodes]);

  const totalsQuery = useQuery(filters ? JSON.stringify([filters, version]) : null, () => surveyTotals(db, filters!), 'The responses could not be counted');
  const totals = latestData(totalsQuery);
  const responses = totals?.responses ?? null;
  const placelessQuery = useQuery(
    filters && totals && totals.without_place > 0 ? JSON.stringify(['placeless', filters, version]) : null,
    () => placelessChannels(db, filters!),
    'The responses with no place could not be counted',
  );
  const placeless = totals ? placelessSentence(totals.without_place, latestData(placelessQuery) ?? []) : null;

  if (surveys.length === 0) {
    return (
      <section className="survey" aria-labelledby="survey-heading" data-testid="survey-panel">
        <h2 id="survey-heading">Residents’ survey</h2>
        {!evidence.restored ? (
          <p role="status">Reading any survey you loaded before…</p>
        ) : (
          <>
            <p>
              No survey is loaded yet. Load your neighbourhood priorities survey (a spreadsheet or CSV with each response’s themes, place, and ideally age band, sex
              and ethnic group) to see what residents put first, where, and whether the people who answered are like the people who live there.
            </p>
            <NoSurveyLayer />
            <p className="hint">Your file stays on this computer: nothing is uploaded.</p>
            <p>
              <button type="button" onClick={onOpenData} data-testid="survey-open-data">
                Load your survey or try the sample
              </button>
            </p>
          </>
        )}
      </section>
    );
  }

  const scopeWords = [
    choice.onlyWard && ward ? `${wardName ?? ward} ward` : null,
    lad ? `${placeName(lad)} (responses placed in one of its small areas)` : null,
  ].filter((s): s is string => s !== null);

  return (
    <section className="survey" aria-labelledby="survey-heading" data-testid="survey-panel">
      <h2 id="survey-heading">Residents’ survey</h2>
      {synthetic && (
        // The banner class keeps a badge on one line; this one is a sentence, so it may wrap.
        <p className="sample-banner" data-testid="sample-banner">
          {SAMPLE_LABEL}: these responses were made up to show how the tool works. They are not what any real residents said.
        </p>
      )}
      <SurveyFilters options={latestData(options)} choice={choice} onChange={(patch) => dispatch({ type: 'setSurvey', patch })} surveys={surveys} ward={ward ? { code: ward, name: wardName } : null} />
      {[options, scope, totalsQuery].map((q, i) =>
        q.status === 'error' ? (
          <p key={i} className="problem" role="alert">
            {q.message}
          </p>
        ) : null,
      )}
      <p role="status" aria-live="polite" data-testid="survey-count">
        {totals ? countLine(totals) : 'Counting responses…'}
        {totals && scopeWords.length > 0 ? ` in ${scopeWords.join(', ')}` : ''}
      </p>
      {placeless && (
        <p className="note" data-testid="survey-placeless">
          {placeless}
        </p>
      )}
      {filters && responses === 0 && <p className="note">No responses match these filters. Try clearing some of them.</p>}
      {filters && responses !== null && responses > 0 && (
        <>
          <PrioritiesSection db={db} filters={filters} version={version} unranked={totals ? { responses: totals.with_unranked_choices, withChoices: totals.with_choices } : undefined} />
          <GroupSection db={db} filters={filters} version={version} />
          <RepresentativenessSection db={db} filters={filters} version={version} ladCode={lad} />
          <CommentsSection db={db} filters={filters} version={version} />
        </>
      )}
      <SurveyMapLayer db={db} filters={filters} version={version} responses={responses} synthetic={synthetic} />
    </section>
  );
}
