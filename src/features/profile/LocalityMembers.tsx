import type { LocalitySmallArea, LocalityWard } from '../../db/queries/areaProfile.ts';
import { formatInteger } from '../../analysis/format.ts';
import { countOf } from '../../geo/levels.ts';
import { useDispatch } from '../../session/SessionContext.tsx';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { exportStem, type ExportTable } from '../../export/exportTable.ts';

const BOUNDARIES = 'Boundaries and lookups: Office for National Statistics, Open Government Licence v3.0; contains OS data © Crown copyright and database right.';

function wardsTable(wards: readonly LocalityWard[], name: string): ExportTable {
  return {
    title: `Wards in ${name}`,
    description: `The whole wards in the locality ${name}, with their residents (Census 2021) and their small areas.`,
    place: name,
    columns: [{ label: 'Ward' }, { label: 'Ward code' }, { label: 'Residents (Census 2021)', numeric: true }, { label: 'Small areas', numeric: true }],
    rows: wards.map((w) => [w.name, w.code, w.population, w.lsoas]),
    sources: [BOUNDARIES, SOURCE_LINES.census],
    notes: ['A ward is its best-fit small areas (LSOA 2021).'],
    fileStem: exportStem('locality-wards', name),
  };
}

function smallAreasTable(lsoas: readonly LocalitySmallArea[], name: string): ExportTable {
  return {
    title: `Small areas in ${name}, with their wards`,
    description: `Every small area (LSOA 2021) in the locality ${name}, with its ward and residents (Census 2021); some are added on their own, outside its whole wards.`,
    place: name,
    columns: [{ label: 'Small area' }, { label: 'Small area code' }, { label: 'Ward' }, { label: 'Added on its own' }, { label: 'Residents (Census 2021)', numeric: true }],
    rows: lsoas.map((l) => [l.name, l.code, l.ward_name, l.own ? 'yes' : 'no', l.population]),
    sources: [BOUNDARIES, SOURCE_LINES.census],
    notes: [],
    fileStem: exportStem('locality-small-areas', name),
  };
}

/** A locality's whole wards, then every one of its small areas with its ward; each name selects that area. */
export function LocalityMembers({ wards, lsoas, name = 'this locality' }: { wards: readonly LocalityWard[]; lsoas: readonly LocalitySmallArea[]; name?: string }) {
  const dispatch = useDispatch();
  const select = (code: string) => dispatch({ type: 'select', code });
  const own = lsoas.filter((l) => l.own);
  return (
    <section className="profile-members" aria-labelledby="profile-wards-heading" data-testid="locality-wards">
      <h3 id="profile-wards-heading">Wards in this locality</h3>
      {wards.length === 0 ? (
        <p>This locality holds no whole ward, only small areas added on their own.</p>
      ) : (
        <table className="domains" data-testid="locality-ward-table">
          <caption className="visually-hidden">Wards in this locality, with their residents and small areas</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col">Code</th>
              <th scope="col" className="num">
                Residents (Census 2021)
              </th>
              <th scope="col" className="num">
                Small areas
              </th>
            </tr>
          </thead>
          <tbody>
            {wards.map((w) => (
              <tr key={w.code}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => select(w.code)}>
                    {w.name}
                  </button>
                </th>
                <td>
                  <code>{w.code}</code>
                </td>
                <td className="num">{formatInteger(w.population)}</td>
                <td className="num">{w.lsoas}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {wards.length > 0 && <TableDownloads table={() => wardsTable(wards, name)} name="the table of this locality’s wards" testId="locality-wards-download" />}
      {own.length > 0 && <p>Also {countOf(own.length, 'lsoa')} added on their own, outside those wards (listed below with their wards).</p>}
      <details>
        <summary>Its {countOf(lsoas.length, 'lsoa')}, with their wards</summary>
        <table className="domains" data-testid="locality-small-areas">
          <thead>
            <tr>
              <th scope="col">Small area</th>
              <th scope="col">Ward</th>
              <th scope="col" className="num">
                Residents
              </th>
            </tr>
          </thead>
          <tbody>
            {lsoas.map((l) => (
              <tr key={l.code}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => select(l.code)}>
                    {l.name}
                  </button>{' '}
                  <code>{l.code}</code>
                  {l.own && ' (added on its own)'}
                </th>
                <td>{l.ward_name ?? '–'}</td>
                <td className="num">{formatInteger(l.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads table={() => smallAreasTable(lsoas, name)} name="the table of this locality’s small areas" testId="locality-small-areas-download" />
      </details>
    </section>
  );
}
