import type { ProfileTableRow } from '../../analysis/profileTable.ts';
import { formatInteger, formatValue } from '../../analysis/format.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { exportStem, type ExportTable } from '../../export/exportTable.ts';

const IOD_2019 = 'Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019, Open Government Licence v3.0.';
const WARD_DECILE = 'A ward’s decile is where its population-weighted score falls among England’s small areas (not official).';

/** The domain table as a file: scores as computed (the screen rounds them), ranks, deciles and counts as numbers. */
export function domainExportTable(rows: readonly ProfileTableRow[], isLsoa: boolean, areaName: string): ExportTable {
  return {
    title: `Indices of Deprivation 2025: ${areaName}`,
    description: `IMD 2025 and each of its domains for ${areaName}: score, ${isLsoa ? 'rank and decile in England (1 = most deprived), and the decile in 2019' : 'decile (not official), and how many of its small areas are in England’s most deprived 10 % and 20 %, now and in 2019'}.`,
    place: areaName,
    columns: isLsoa
      ? [{ label: 'Measure' }, { label: 'Score', numeric: true }, { label: 'Rank in England', numeric: true }, { label: 'Decile', numeric: true }, { label: 'Decile in 2019', numeric: true }, { label: 'Change since 2019' }]
      : [
          { label: 'Measure' },
          { label: 'Score', numeric: true },
          { label: 'Decile (not official)', numeric: true },
          { label: 'Small areas in England’s most deprived 10%', numeric: true },
          { label: 'Small areas in England’s most deprived 20%', numeric: true },
          { label: '… in 2019', numeric: true },
          { label: 'Small areas', numeric: true },
        ],
    rows: rows.map((r) => (isLsoa ? [r.label, r.score, r.rank, r.decile, r.decile2019, r.change?.words ?? null] : [r.label, r.score, r.decile, r.in10, r.in20, r.in20In2019, r.lsoas])),
    sources: [SOURCE_LINES.iod, IOD_2019],
    notes: ['Ranks and deciles are “in England”: 1 = most deprived.', ...(isLsoa ? ['2019 deciles are for the 2011 small area this one came from; editions are compared by decile only.'] : [WARD_DECILE])],
    fileStem: exportStem('deprivation-domains', areaName),
  };
}

/** The profile chart's numbers: the area, its authority and England, domain by domain. */
export function domainChartExportTable(rows: readonly ProfileTableRow[], areaName: string, authorityName: string): ExportTable {
  return {
    title: `Deprivation scores: ${areaName} compared with ${authorityName} and England`,
    description: `Each IoD 2025 domain's score for ${areaName}, ${authorityName} and England (the numbers of the profile's chart).`,
    place: areaName,
    columns: [{ label: 'Measure (score)' }, { label: areaName, numeric: true }, { label: authorityName, numeric: true }, { label: 'England', numeric: true }],
    rows: rows.map((r) => [r.label, r.score, r.authority, r.england]),
    sources: [SOURCE_LINES.iod],
    notes: ['Scores are not comparable between domains.'],
    fileStem: exportStem('deprivation-scores-compared', areaName),
  };
}

/** The chart's numbers as a table, folded under the chart, with its downloads. */
export function DomainChartValues({ rows, areaName, authorityName }: { rows: readonly ProfileTableRow[]; areaName: string; authorityName: string }) {
  return (
    <details className="chart-values">
      <summary>The chart’s numbers as a table</summary>
      <table className="domains">
        <thead>
          <tr>
            <th scope="col">Measure (score)</th>
            <th scope="col" className="num">
              {areaName}
            </th>
            <th scope="col" className="num">
              {authorityName}
            </th>
            <th scope="col" className="num">
              England
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatValue(r.score, 'score')}</td>
              <td className="num">{formatValue(r.authority, 'score')}</td>
              <td className="num">{formatValue(r.england, 'score')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads table={() => domainChartExportTable(rows, areaName, authorityName)} name="the table of the chart’s numbers" testId="profile-chart-values-download" />
    </details>
  );
}

/** IMD 2025 and its domains for one area: ranks and deciles "in England", and what changed since 2019. */
export function DomainTable({ rows, isLsoa, areaName = 'this area' }: { rows: readonly ProfileTableRow[]; isLsoa: boolean; areaName?: string }) {
  return (
    <>
      <table className="domains" data-testid="profile-domains">
        <caption>
          Indices of Deprivation 2025. Ranks and deciles are “in England”: 1 = most deprived.
          {!isLsoa && ` ${WARD_DECILE}`}
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
      <TableDownloads table={() => domainExportTable(rows, isLsoa, areaName)} name="the deprivation table" testId="profile-domains-download" />
    </>
  );
}
