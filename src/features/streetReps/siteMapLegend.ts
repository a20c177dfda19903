import type { MapLegend } from '../../map/legendSpec.ts';
import type { SiteLatest } from '../../db/queries/streetReps.ts';
import { GRADES, GRADE_MEANING } from '../../ingest/schemas.ts';
import { GRADE_COLOURS, NOT_GRADED_COLOUR } from '../../map/palette.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { gradeCounts } from './streetRepModel.ts';

/** Street-rep sites by the worst grade on their latest visit (the same classes and counts as SiteLegend over the map). */
export function siteMapLegend(sites: readonly SiteLatest[], opts: { heading: string; scopeWords: string; sample: boolean }): MapLegend {
  const { counts, notGraded } = gradeCounts(sites);
  const unlocated = sites.filter((s) => s.lon === null || s.lat === null).length;
  return {
    title: 'Street-rep sites',
    subtitle: `Worst grade given ${opts.heading ? `for ${opts.heading}` : 'for any issue'} on each site’s latest visit · ${opts.scopeWords}`,
    classes: [
      ...GRADES.map((g, i) => ({ label: `${g}: ${GRADE_MEANING[g]}`, colour: GRADE_COLOURS[i]!, count: counts[i]!, shape: 'dot' as const })),
      { label: `Not graded${opts.heading ? ' under this heading' : ''} (or no visit yet)`, colour: NOT_GRADED_COLOUR, count: notGraded, shape: 'dot' as const },
    ],
    notes: unlocated > 0 ? [`${unlocated === 1 ? '1 site has' : `${unlocated.toLocaleString('en-GB')} sites have`} no location, so ${unlocated === 1 ? 'it is' : 'they are'} only in the sites table.`] : [],
    sources: [SOURCE_LINES.streetReps],
    sample: opts.sample,
  };
}
