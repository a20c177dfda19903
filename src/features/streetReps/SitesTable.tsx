import { dayLabel } from '../../analysis/format.ts';
import { GRADE_MEANING, GRADES } from '../../ingest/schemas.ts';
import { GRADE_COLOURS, NOT_GRADED_COLOUR } from '../../map/palette.ts';
import type { SiteLatest } from '../../db/queries/streetReps.ts';
import { gradeLetter } from '../../analysis/streetReps.ts';
import { SELECTED_ROW } from './style.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { placeName } from '../../geo/places.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { useSample } from '../../ui/useSample.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { exportStem, type ExportTable } from '../../export/exportTable.ts';

/** The sites table as a file: the same sites in the same order; dates as YYYY-MM-DD. */
export function sitesExportTable(sites: readonly SiteLatest[], heading: string, place: string, sample: boolean): ExportTable {
  return {
    title: `Street-rep sites in ${place}, with the worst grade ${heading ? `for ${heading}` : 'for any issue'} on the latest visit`,
    description: `Every street-rep site the filters keep, with its ward, its latest visit, the worst grade given ${heading ? `for ${heading}` : 'for any issue'} on that visit and its number of visits.`,
    place,
    columns: [{ label: 'Site' }, { label: 'Site id' }, { label: 'Ward' }, { label: 'Latest visit' }, { label: 'Worst grade' }, { label: 'Visits', numeric: true }],
    rows: sites.map((s) => [s.name ?? s.site_id, s.site_id, s.ward_name ?? 'Ward not known', s.latest_visit, s.worst_grade === null ? 'not graded' : gradeLetter(s.worst_grade), s.visits]),
    sources: [SOURCE_LINES.streetReps],
    notes: ['A: no problem at all; B: an issue but acceptable; C: becoming unacceptable; D: a really big issue.'],
    sample,
    fileStem: exportStem('street-rep-sites', place),
  };
}

export interface SitesTableProps {
  sites: readonly SiteLatest[];
  /** '' = all headings. */
  heading: string;
  selected: string | null;
  onSelect(siteId: string): void;
}

/** The map's table alternative: every site the filters keep, each opening its card. */
export function SitesTable({ sites, heading, selected, onSelect }: SitesTableProps) {
  const place = placeName(useSession().place);
  const sample = useSample(['street-rep']);
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
      <TableDownloads table={() => sitesExportTable(sites, heading, place, sample)} name="the sites table" testId="sites-download" />
    </div>
  );
}
