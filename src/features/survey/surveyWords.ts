/**
 * Survey wording shared by the survey section and the PDF evidence pack, so
 * both say the same. Pure: no React.
 */
import type { CoveredResidents } from '../../db/queries/surveyRespondents.ts';
import { shareAndInterval, type ShareWithInterval } from '../../analysis/surveyPriorities.ts';

const n = (v: number) => v.toLocaleString('en-GB');

/** Which residents the responses are compared with, in words. */
export function residentsBasis(c: CoveredResidents): string {
  const areas = `${n(c.lsoas)} small area${c.lsoas === 1 ? '' : 's'}`;
  const where = c.basis === 'ward' ? `the selected ward’s ${areas}` : `the ${areas} where these responses were placed`;
  const missing = c.lsoas_without_census > 0 ? ` ${n(c.lsoas_without_census)} of them have no Census figures in the built-in data and are left out.` : '';
  return `Residents are Census 2021 people living in ${where}.${missing}`;
}

/** What the priorities chart shows, above it. */
export function prioritiesHint(responses: number): string {
  return `Share of the ${n(responses)} responses that ranked each theme first, and that had it anywhere in their top three. The lines show the 95% interval: the range the share would plausibly fall in with a different set of respondents.`;
}

/** "Most often in the top three: Housing issues, in 412 of 1,500 responses, or 27% (25–30%)." */
export function topThreeSentence(top: { theme: string; topThree: ShareWithInterval }, responses: number): string {
  return `Most often in the top three: ${top.theme}, in ${n(top.topThree.count)} of ${n(responses)} responses, or ${shareAndInterval(top.topThree)}.`;
}

/** The under-represented list's lead-in. */
export const UNDER_REPRESENTED_LEAD = 'Under-represented groups (their share of responses is less than half their share of residents, beyond chance):';

export const UNRANKED_SENTENCE = 'These answers are ticked boxes, not a ranking, so there is no first choice; they count as chosen.';

/** Plain words for responses whose choices have no rank; null when every response ranked its choices. */
export function unrankedSentence(unranked: { responses: number; withChoices: number } | undefined): string | null {
  if (!unranked || unranked.responses === 0) return null;
  if (unranked.responses >= unranked.withChoices) return `${UNRANKED_SENTENCE} “In top three” counts every theme ticked.`;
  return `${n(unranked.responses)} of the ${n(unranked.withChoices)} responses come from a file whose answers are ticked boxes, not a ranking, so they have no first choice; they count as chosen (in “In top three”), never as “Ranked first”.`;
}
