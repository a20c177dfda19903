import { monthLabel } from '../../charts/MonthlyTrend.tsx';
import { crimeTypeColour } from './crimePointsLayer.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { placeName } from '../../geo/places.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { crimeDotsExportTable } from './crimeExports.ts';

const n = (v: number) => v.toLocaleString('en-GB');

/** The dots on the map as a table: records of the month shown, by crime type, with each type's dot colour. */
export function CrimeDotsTable({ month, counts, types }: { month: string; counts: readonly { crimeType: string; count: number }[]; types: readonly string[] }) {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const place = placeName(useSession().place);
  return (
    <>
      <table className="data-table" data-testid="crime-dots-table">
        <caption>
          The {n(total)} crimes shown as dots, {monthLabel(month)}, by type (the dots’ table)
        </caption>
        <thead>
          <tr>
            <th scope="col">Crime type</th>
            <th scope="col" className="num">
              Crimes
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.crimeType}>
              <td>
                <span className="swatch" style={{ background: crimeTypeColour(c.crimeType, types) }} /> {c.crimeType}
              </td>
              <td className="num">{n(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads table={() => crimeDotsExportTable(month, counts, place)} name="the table of crimes by type" testId="crime-dots-download" />
    </>
  );
}
