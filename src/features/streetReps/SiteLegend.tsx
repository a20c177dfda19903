import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import { GRADES, GRADE_MEANING, SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { GRADE_COLOURS, NOT_GRADED_COLOUR } from '../../map/palette.ts';
import type { SiteLatest } from '../../db/queries/streetReps.ts';
import { gradeCounts } from './streetRepModel.ts';

export interface SiteLegendProps {
  /** The sites the filters keep (located or not). */
  sites: readonly SiteLatest[];
  /** '' = all headings. */
  heading: string;
  synthetic: boolean;
}

/** The key over the map: what a site's colour means, with how many sites have each grade. */
export function SiteLegend({ sites, heading, synthetic }: SiteLegendProps) {
  const overlay = useMapOverlay();
  if (!overlay) return null;
  const { counts, notGraded } = gradeCounts(sites);
  const unlocated = sites.filter((s) => s.lon === null || s.lat === null).length;
  return createPortal(
    <div className="section-key legend" data-testid="site-legend">
      {synthetic && <p className="sample-banner">{SAMPLE_LABEL}</p>}
      <p className="legend-title">
        <strong>Street-rep sites</strong>
      </p>
      <p className="legend-subtitle">
        Worst grade given {heading ? `for ${heading}` : 'for any issue'} on each site’s latest visit
      </p>
      <ul className="legend-classes">
        {GRADES.map((g, i) => (
          <li key={g}>
            <span className="swatch" style={{ background: GRADE_COLOURS[i] }} />
            <span>
              <strong>{g}</strong> {GRADE_MEANING[g]}
            </span>
            <span className="legend-count">{counts[i]!.toLocaleString('en-GB')}</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NOT_GRADED_COLOUR }} />
          <span>Grey: not graded{heading ? ' under this heading' : ''} (or no visit yet)</span>
          <span className="legend-count">{notGraded.toLocaleString('en-GB')}</span>
        </li>
      </ul>
      {unlocated > 0 && (
        <p className="legend-note">
          {unlocated === 1 ? '1 site has' : `${unlocated.toLocaleString('en-GB')} sites have`} no location, so {unlocated === 1 ? 'it is' : 'they are'} only in
          the sites table.
        </p>
      )}
    </div>,
    overlay,
  );
}
