import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { residentsOfCoveredAreas, respondentsByAgeBand, respondentsByEthnicity, respondentsBySex, responsesPerWard } from '../../db/queries/surveyRespondents.ts';
import { residentsBasis } from './surveyWords.ts';
import { compareWithResidents, sexSummary, wardCoverage, TOO_FEW_RESPONSES } from '../../analysis/surveyPriorities.ts';
import { formatShare } from '../../analysis/representativeness.ts';
import { DimensionComparison } from './DimensionComparison.tsx';
import { filtersOnWho, withoutDemographics } from './surveyModel.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';

export interface RepresentativenessSectionProps {
  db: Database;
  filters: SurveyFilters;
  version: number;
  /** One authority in view: every ward in it is checked for responses, zeros included. */
  ladCode: string | null;
}

const n = (v: number) => v.toLocaleString('en-GB');


/** Who answered versus who lives here: age band, ethnic group when collected, sex as counts, and wards with too few responses. */
export function RepresentativenessSection({ db, filters, version, ladCode }: RepresentativenessSectionProps) {
  // Compared for everyone who answered: filtering to one age band would make the age comparison meaningless.
  const everyone = useMemo(() => withoutDemographics(filters), [filters]);
  const state = useQuery(
    JSON.stringify([everyone, ladCode, version]),
    () =>
      Promise.all([
        respondentsByAgeBand(db, everyone),
        respondentsByEthnicity(db, everyone),
        respondentsBySex(db, everyone),
        residentsOfCoveredAreas(db, everyone),
        // Every ward of the authority, zeros included, unless one ward is chosen (the rest would be zero by the filter alone).
        responsesPerWard(db, everyone, everyone.wardCode === undefined ? (ladCode ?? undefined) : undefined),
      ]),
    'The responses could not be compared with residents',
  );
  const answers = latestData(state);
  const model = useMemo(() => {
    if (!answers) return null;
    const [age, ethnicity, sex, covered, wards] = answers;
    const ethnicityGiven = ethnicity.some((g) => g.group !== null);
    return {
      covered,
      age: compareWithResidents('age', age, covered),
      ageGiven: age.some((g) => g.group !== null),
      ethnicity: ethnicityGiven ? compareWithResidents('ethnicity', ethnicity, covered) : null,
      ethnicityGiven,
      sex: sexSummary(sex),
      wards: wardCoverage(wards),
      wardsWithResponses: wards.filter((w) => w.responses > 0).length,
    };
  }, [answers]);
  const flags = model ? [model.age, model.ethnicity].flatMap((r) => r?.groups.filter((g) => g.flag === 'under-represented') ?? []) : [];
  const testable = model ? [model.age, model.ethnicity].some((r) => r !== null && !r.tooFew && r.totalRespondents > 0) : false;

  return (
    <section aria-labelledby="survey-who-heading" data-testid="representativeness" aria-busy={state.status === 'loading'}>
      <h3 id="survey-who-heading">Who answered versus who lives here</h3>
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loading' && !answers && <p role="status">Comparing who answered with who lives here…</p>}
      {model && (
        <>
          {filtersOnWho(filters) && <p className="note">The age band, sex and ethnic group filters are not applied here: this compares everyone who answered with everyone who lives here.</p>}
          {model.covered.lsoas > 0 && <p className="hint">{residentsBasis(model.covered)}</p>}
          <div data-testid="under-represented">
            {flags.length > 0 && (
              <>
                <p>
                  <strong>Under-represented groups</strong> (their share of responses is less than half their share of residents, beyond chance):
                </p>
                <ul className="problem">
                  {flags.map((g) => (
                    <li key={g.group}>{g.sentence}</li>
                  ))}
                </ul>
              </>
            )}
            {flags.length === 0 && testable && <p>No group is clearly under-represented.</p>}
          </div>
          {!model.ageGiven && (
            <p className="problem">No response gave an age band, so nobody can tell whether the people who answered are like the people who live here. Ask for an age band next time.</p>
          )}
          {model.ageGiven && !model.age && <p className="note">No Census 2021 figures were found for the areas these responses come from, so they cannot be compared with residents.</p>}
          {model.age && <DimensionComparison result={model.age} label="Age" />}
          {model.ethnicity && <DimensionComparison result={model.ethnicity} label="Ethnic group" />}
          {!model.ethnicityGiven && <p className="note">No response gave an ethnic group, so ethnicity cannot be compared.</p>}
          <h4>Sex</h4>
          {model.sex.rows.length > 0 ? (
            <ul className="sentences" data-testid="survey-sex">
              {model.sex.rows.map((r) => (
                <li key={r.group}>
                  {r.group}: {n(r.count)} ({formatShare(r.share)} of those who said)
                </li>
              ))}
              {model.sex.notStated > 0 && <li>Not given: {n(model.sex.notStated)}</li>}
            </ul>
          ) : (
            <p className="note">No response gave a sex.</p>
          )}
          <p className="note">The built-in Census 2021 tables have no breakdown by sex for small areas, so sex is shown as counts and not compared with residents.</p>
          <h4>Areas with too few responses</h4>
          {model.wards.sentences.length > 0 && (
            <ul className="sentences" data-testid="survey-too-few-areas">
              {model.wards.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          {model.wards.noneSentence &&
            (model.wards.none.length <= 6 ? (
              <p>{model.wards.noneSentence}</p>
            ) : (
              <details>
                <summary>No responses from {model.wards.none.length} wards</summary>
                <p>{model.wards.noneSentence}</p>
              </details>
            ))}
          {model.wards.sentences.length === 0 && (
            <p className="note">
              {model.wardsWithResponses > 0 ? `Every ward with responses has at least ${TOO_FEW_RESPONSES}.` : 'No responses are placed in a ward.'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
