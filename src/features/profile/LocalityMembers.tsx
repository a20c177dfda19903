import type { LocalitySmallArea, LocalityWard } from '../../db/queries/areaProfile.ts';
import { formatInteger } from '../../analysis/format.ts';
import { countOf } from '../../geo/levels.ts';
import { useDispatch } from '../../session/SessionContext.tsx';

/** A locality's whole wards, then every one of its small areas with its ward; each name selects that area. */
export function LocalityMembers({ wards, lsoas }: { wards: readonly LocalityWard[]; lsoas: readonly LocalitySmallArea[] }) {
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
      </details>
    </section>
  );
}
