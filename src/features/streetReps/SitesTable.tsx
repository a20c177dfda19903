import { dayLabel } from '../../analysis/format.ts';
import { GRADE_MEANING, GRADES } from '../../ingest/schemas.ts';
import { GRADE_COLOURS, NOT_GRADED_COLOUR } from '../../map/palette.ts';
import type { SiteLatest } from '../../db/queries/streetReps.ts';
import { gradeLetter } from '../../analysis/streetReps.ts';
import { SELECTED_ROW } from './style.ts';

export interface SitesTableProps {
  sites: readonly SiteLatest[];
  /** '' = all headings. */
  heading: string;
  selected: string | null;
  onSelect(siteId: string): void;
}

/** The map's table alternative: every site the filters keep, each opening its card. */
export function SitesTable({ sites, heading, selected, onSelect }: SitesTableProps) {
  if (sites.length === 0) return <p className="hint">No sites match these filters.</p>;
  return (
    <div className="ranked-scroll">
      <table className="data-table" data-testid="sites-table">
        <caption>
          {sites.length.toLocaleString('en-GB')} {sites.length === 1 ? 'site' : 'sites'}, with the worst grade given {heading ? `for ${heading}` : 'for any issue'} on the
          latest visit. Choose a site to see its history.
        </caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Ward</th>
            <th scope="col">Latest visit</th>
            <th scope="col">Worst grade</th>
            <th scope="col" className="num">
              Visits
            </th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => {
            const g = s.worst_grade;
            const letter = gradeLetter(g);
            return (
              <tr key={s.site_id} aria-current={s.site_id === selected ? 'true' : undefined} style={s.site_id === selected ? SELECTED_ROW : undefined}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  <button type="button" className="link" style={{ textAlign: 'left' }} onClick={() => onSelect(s.site_id)} aria-pressed={s.site_id === selected}>
                    {s.name ?? s.site_id}
                  </button>
                </th>
                <td>{s.ward_name ?? 'Ward not known'}</td>
                <td>{s.latest_visit ? dayLabel(s.latest_visit) : 'No visit yet'}</td>
                <td title={g === null ? 'Not graded' : GRADE_MEANING[GRADES[g]]}>
                  <span className="swatch" style={{ background: g === null ? NOT_GRADED_COLOUR : GRADE_COLOURS[g] }} /> {letter === '–' ? 'not graded' : letter}
                </td>
                <td className="num">{s.visits.toLocaleString('en-GB')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
