import type { MapLegend } from '../../map/legendSpec.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';

/** The survey points' colour, as the map draws them (src/map/PointOverlay.ts). */
export const SURVEY_DOT_COLOUR = '#5e3c99';

/** Survey responses on the map: one dot per response, clusters with their counts. */
export function surveyMapLegend(opts: { drawn: number | null; matching: number | null; sample: boolean; placeWords: string }): MapLegend {
  const notes: string[] = [];
  if (opts.matching !== null && opts.drawn !== null && opts.matching > opts.drawn) {
    notes.push(`${(opts.matching - opts.drawn).toLocaleString('en-GB')} of ${opts.matching.toLocaleString('en-GB')} matching responses have no map position and are not drawn.`);
  }
  return {
    title: 'Survey responses',
    subtitle: `Responses matching the filters, in ${opts.placeWords}`,
    classes: [{ label: 'Each dot is one response; a numbered circle is that many responses at or near one place', colour: SURVEY_DOT_COLOUR, count: opts.drawn, shape: 'dot' }],
    notes,
    sources: [SOURCE_LINES.survey],
    sample: opts.sample,
  };
}
