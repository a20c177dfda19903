import type { SurveyFilterOptions } from '../../db/queries/surveyPriorities.ts';
import { SAMPLE_LABEL, type DatasetMeta } from '../../ingest/schemas.ts';
import { groupDisplay } from '../../analysis/surveyPriorities.ts';
import type { SurveySettings } from '../../session/document.ts';
import { anyFilterSet, clearedFilters, dateProblem, longDate } from './surveyModel.ts';

export interface SurveyFiltersProps {
  options: SurveyFilterOptions | null;
  /** The session's survey settings. */
  choice: SurveySettings;
  /** Change some of them (the session's setSurvey). */
  onChange(patch: Partial<SurveySettings>): void;
  /** Every loaded survey; a picker appears when there is more than one. */
  surveys: readonly DatasetMeta[];
  /** The ward selected on the map, if a ward is selected. */
  ward: { code: string; name: string | null } | null;
}

type ListKey = 'venue' | 'ageBand' | 'sex' | 'ethnicity';

/** Which responses every chart, table and the map count. Plain form controls, so all of it works from the keyboard. */
export function SurveyFilters({ options, choice, onChange, surveys, ward }: SurveyFiltersProps) {
  const set = onChange;
  const lists: { key: ListKey; label: string; all: string; values: readonly string[] }[] = [
    { key: 'venue', label: 'Venue or channel', all: 'All venues', values: options?.venues ?? [] },
    { key: 'ageBand', label: 'Age band', all: 'All ages', values: options?.age_bands ?? [] },
    { key: 'sex', label: 'Sex', all: 'Everyone', values: options?.sexes ?? [] },
    { key: 'ethnicity', label: 'Ethnic group', all: 'All ethnic groups', values: options?.ethnicities ?? [] },
  ];
  const problem = dateProblem(choice);
  const anySet = anyFilterSet(choice);
  return (
    <div className="filters" role="group" aria-label="Which responses to count" data-testid="survey-filters">
      {surveys.length > 1 && (
        <label>
          Survey
          <select value={choice.dataset} onChange={(e) => set({ dataset: e.target.value, venue: '' })} data-testid="survey-dataset">
            <option value="">All {surveys.length} loaded surveys</option>
            {surveys.map((d) => (
              <option key={d.id} value={d.id}>
                {d.fileName}
                {d.synthetic ? ` (${SAMPLE_LABEL})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {lists.map(({ key, label, all, values }) => (
        <label key={key}>
          {label}
          <select value={choice[key]} onChange={(e) => set({ [key]: e.target.value })} data-testid={`survey-filter-${key}`}>
            <option value="">{all}</option>
            {/* A value chosen earlier stays listed even if the data no longer has it, so the control never lies. */}
            {(choice[key] && !values.includes(choice[key]) ? [...values, choice[key]] : values).map((v) => (
              <option key={v} value={v}>
                {groupDisplay(v)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        From
        <input type="date" value={choice.from} min={options?.first_date ?? undefined} max={options?.last_date ?? undefined} onChange={(e) => set({ from: e.target.value })} data-testid="survey-filter-from" />
      </label>
      <label>
        To
        <input type="date" value={choice.to} min={options?.first_date ?? undefined} max={options?.last_date ?? undefined} onChange={(e) => set({ to: e.target.value })} data-testid="survey-filter-to" />
      </label>
      {ward && (
        <label className="check">
          <span>
            <input type="checkbox" checked={choice.onlyWard} onChange={(e) => set({ onlyWard: e.target.checked })} data-testid="survey-only-ward" /> Only {ward.name ?? ward.code} ward
          </span>
        </label>
      )}
      {anySet && (
        <p className="buttons">
          <button type="button" onClick={() => onChange(clearedFilters())}>
            Clear filters
          </button>
        </p>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {options?.first_date && (
        <p className="hint">
          Responses were collected from {longDate(options.first_date)} to {longDate(options.last_date ?? options.first_date)}.
        </p>
      )}
    </div>
  );
}
