import type { ProfileTableRow } from '../../analysis/profileTable.ts';
import { formatInteger, formatValue } from '../../analysis/format.ts';

/** IMD 2025 and its domains for one area: ranks and deciles "in England", and what changed since 2019. */
export function DomainTable({ rows, isLsoa }: { rows: readonly ProfileTableRow[]; isLsoa: boolean }) {
  return (
    <table className="domains" data-testid="profile-domains">
      <caption>
        Indices of Deprivation 2025. Ranks and deciles are “in England”: 1 = most deprived.
        {!isLsoa && ' A ward’s decile is where its population-weighted score falls among England’s small areas (not official).'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col" className="num">
            Score
          </th>
          {isLsoa ? (
            <>
              <th scope="col" className="num">
                Rank in England
              </th>
              <th scope="col" className="num">
                Decile
              </th>
              <th scope="col" className="num">
                Decile in 2019 → 2025
              </th>
            </>
          ) : (
            <>
              <th scope="col" className="num">
                Decile (not official)
              </th>
              <th scope="col" className="num">
                Small areas in England’s most deprived 10%
              </th>
              <th scope="col" className="num">
                … most deprived 20%, 2019 → 2025
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} data-domain={r.code.replace(/^iod25_/, '')}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatValue(r.score, 'score')}</td>
            {isLsoa ? (
              <>
                <td className="num">{r.rank === null ? '–' : formatInteger(r.rank)}</td>
                <td className="num">{r.decile ?? '–'}</td>
                <td className="num" title={r.change?.words}>
                  {r.change ? (
                    <>
                      {r.change.text}
                      <span className="visually-hidden"> ({r.change.words})</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </>
            ) : (
              <>
                <td className="num">{r.decile ?? '–'}</td>
                <td className="num">
                  {r.in10} of {r.lsoas}
                </td>
                <td className="num">
                  {r.in20In2019} → {r.in20} of {r.lsoas}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
