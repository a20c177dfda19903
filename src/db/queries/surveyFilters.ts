import { allOf, compare, optionalIn, type SqlPart } from '../evidence/sqlFilters.ts';

/**
 * Which survey responses a view counts. Every field is optional; an omitted
 * field does not filter, an empty list matches nothing. Dates are ISO
 * 'YYYY-MM-DD', inclusive.
 */
export interface SurveyFilters {
  datasetIds?: readonly string[];
  venue?: string;
  from?: string;
  to?: string;
  ageBand?: string;
  sex?: string;
  ethnicity?: string;
  wardCode?: string;
  lsoaCodes?: readonly string[];
}

/** Filters on who answered; left out when asking which areas the responses cover. */
const DEMOGRAPHIC: readonly (keyof SurveyFilters)[] = ['ageBand', 'sex', 'ethnicity'];

/** WHERE condition over `survey_responses r`, all values bound. */
export function surveyWhere(f: SurveyFilters, options: { demographics?: boolean } = {}): SqlPart {
  const demographics = options.demographics ?? true;
  const on = (key: keyof SurveyFilters) => demographics || !DEMOGRAPHIC.includes(key);
  return allOf([
    optionalIn('r.dataset', f.datasetIds),
    compare('r.venue', '=', f.venue),
    compare('r.collected_on', '>=', f.from),
    compare('r.collected_on', '<=', f.to),
    on('ageBand') ? compare('r.age_band', '=', f.ageBand) : null,
    on('sex') ? compare('r.sex', '=', f.sex) : null,
    on('ethnicity') ? compare('r.ethnicity', '=', f.ethnicity) : null,
    compare('r.ward_code', '=', f.wardCode),
    optionalIn('r.lsoa_code', f.lsoaCodes),
  ]);
}
