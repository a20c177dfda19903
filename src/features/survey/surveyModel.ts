/**
 * Pure glue between the survey section's controls and the survey queries:
 * what the person picked → SurveyFilters, query rows → map points and the
 * count line. No React, no DOM.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import type { SurveyPoint, SurveyTotals } from '../../db/queries/surveyPriorities.ts';
import type { DatasetMeta } from '../../ingest/schemas.ts';
import { DEFAULT_SESSION, type SurveySettings } from '../../session/document.ts';
import { levelOfCode } from '../../geo/levels.ts';

/** No filter set: the session's defaults. */
export const NO_FILTERS: SurveySettings = DEFAULT_SESSION.survey;

/** The filters "Clear filters" resets: all but which survey and how responses are grouped. */
export function clearedFilters(): Omit<SurveySettings, 'dataset' | 'groupBy'> {
  const { venue, from, to, ageBand, sex, ethnicity, onlyWard } = NO_FILTERS;
  return { venue, from, to, ageBand, sex, ethnicity, onlyWard };
}

/** True when any filter on which responses count is set (the survey chosen and the grouping aside). */
export function anyFilterSet(choice: SurveySettings): boolean {
  return Object.entries(clearedFilters()).some(([k, v]) => choice[k as keyof SurveySettings] !== v);
}

/** A selected area code that is a ward, else null. */
export function selectedWard(area: string | null): string | null {
  return levelOfCode(area) === 'ward' ? area : null;
}

/** A place that is one authority (a LAD code), else null ('five', 'england'). */
export function placeAuthority(place: string): string | null {
  return levelOfCode(place) === 'authority' ? place : null;
}

/** The loaded survey datasets a choice covers. */
export function chosenSurveys(datasets: readonly DatasetMeta[], choice: Pick<SurveySettings, 'dataset'>): DatasetMeta[] {
  const surveys = datasets.filter((d) => d.kind === 'survey');
  return choice.dataset === '' ? surveys : surveys.filter((d) => d.id === choice.dataset);
}

/**
 * The filters every survey query gets. `lsoaCodes` (when given) limits
 * responses to those small areas: how one authority is chosen.
 */
export function toSurveyFilters(choice: Omit<SurveySettings, 'dataset' | 'groupBy'>, context: { datasetIds: readonly string[]; area: string | null; lsoaCodes?: readonly string[] }): SurveyFilters {
  const f: SurveyFilters = { datasetIds: [...context.datasetIds] };
  const ward = selectedWard(context.area);
  if (choice.venue) f.venue = choice.venue;
  if (choice.from) f.from = choice.from;
  if (choice.to) f.to = choice.to;
  if (choice.ageBand) f.ageBand = choice.ageBand;
  if (choice.sex) f.sex = choice.sex;
  if (choice.ethnicity) f.ethnicity = choice.ethnicity;
  if (choice.onlyWard && ward) f.wardCode = ward;
  if (context.lsoaCodes) f.lsoaCodes = [...context.lsoaCodes];
  return f;
}

/** The same filters without age band, sex and ethnicity: for comparing who answered with who lives here. */
export function withoutDemographics(f: SurveyFilters): SurveyFilters {
  const rest = { ...f };
  delete rest.ageBand;
  delete rest.sex;
  delete rest.ethnicity;
  return rest;
}

/** True when a filter on who answered is set (the comparison with residents ignores them). */
export function filtersOnWho(f: SurveyFilters): boolean {
  return f.ageBand !== undefined || f.sex !== undefined || f.ethnicity !== undefined;
}

/** A date filter that can match nothing, in words; null when the dates are fine. */
export function dateProblem(choice: Pick<SurveySettings, 'from' | 'to'>): string | null {
  return choice.from && choice.to && choice.from > choice.to ? 'The "from" date is after the "to" date, so no responses can match.' : null;
}

/** Responses with coordinates as map points; the id is unique across files (ids repeat between files). */
export function surveyFeatures(points: readonly SurveyPoint[]): FeatureCollection<Point, { id: string; theme: string }> {
  return {
    type: 'FeatureCollection',
    features: points.map((p, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: `${p.dataset}:${p.id ?? `#${i + 1}`}`, theme: p.first_choice ?? '' },
    })),
  };
}

const count = (n: number) => n.toLocaleString('en-GB');

/** "120 responses (87 with an age band)". */
export function countLine(t: Pick<SurveyTotals, 'responses' | 'with_age_band'>): string {
  const noun = t.responses === 1 ? 'response' : 'responses';
  return `${count(t.responses)} ${noun} (${count(t.with_age_band)} with an age band)`;
}

/** "2025-03-03" → "3 March 2025"; anything else as it is. */
export function longDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
