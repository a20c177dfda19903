import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { fillOf, pointsOf, testedLevel } from '../../session/layers.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { useQuery } from '../../ui/useQuery.ts';
import { crimeMonths, monthlyCrimeCounts } from '../../db/queries/crimeCounts.ts';
import { crimePoints } from '../../db/queries/crimePoints.ts';
import { areaNames } from '../../db/queries/places.ts';
import { areaTotals, crimeRateColours, crimeSummary, crimeTypeCounts, latestMonthsWithData, monthlyTotals, ratePeriodWords } from '../../analysis/crimeRates.ts';
import { calendarSeries, coverageSentence, spanLabel, spansLabel } from '../../analysis/calendar.ts';
import { ChartValues } from '../../charts/ChartValues.tsx';
import { MonthlyTrend, monthLabel } from '../../charts/MonthlyTrend.tsx';
import { placeName } from '../../geo/places.ts';
import { areaLabels } from '../hotspots/areaLabels.ts';
import { crimePointsLayer } from './crimePointsLayer.ts';
import { useCrimeFilters } from './useCrimeFilters.ts';
import { CrimeFilters } from './CrimeFilters.tsx';
import { CrimeLegend } from './CrimeLegend.tsx';
import { CrimeDotsTable } from './CrimeDotsTable.tsx';
import { crimeDotsLegend, crimeRateLegend } from './crimeMapLegend.ts';
import { crimeRatesExportTable } from './crimeExports.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { SOURCE_LINES } from '../../map/legendSources.ts';

const n = (v: number) => v.toLocaleString('en-GB');
const r1 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Police street-level crime: rates per 1,000 residents by area, the monthly trend, and each crime as a dot. */
export function CrimePanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <CrimeSection db={ready.db} />;
}

function CrimeSection({ db }: { db: Database }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const filters = useCrimeFilters(db, evidence.version);
  const { lad, type, types } = filters;
  const showDots = session.crime.dots;
  // Crime rates are counted on small areas or wards; a locality view shows wards (session/layers.ts).
  const level = testedLevel(session.level);
  const ready = evidence.restored && evidence.crimesReady;

  const counted = useQuery(
    ready ? JSON.stringify(['crime', lad, type, level, evidence.version]) : null,
    async () => {
      const [months, rows, names] = await Promise.all([
        crimeMonths(db, lad),
        monthlyCrimeCounts(db, { level, ladCode: lad, crimeTypes: type ? [type] : undefined }),
        areaNames(db, lad, level),
      ]);
      return { months, rows, names: areaLabels(names) };
    },
    'The crimes could not be counted',
  );
  const data = counted.status === 'ready' ? counted.data : null;
  const months = data?.months ?? null;
  const rows = data?.rows ?? null;
  const names = data?.names ?? EMPTY_NAMES;

  // The latest 12 months with data (never months without), for rates; the whole series for the trend.
  const rateMonths = useMemo(() => latestMonthsWithData(months ?? []), [months]);
  const totals = useMemo(() => (rows ? areaTotals(rows, new Set(rateMonths)) : []), [rows, rateMonths]);
  const rateMap = useMemo(() => crimeRateColours(totals), [totals]);
  const summary = useMemo(() => crimeSummary(totals), [totals]);
  const selected = session.area && names.has(session.area) ? session.area : null;
  const trend = useMemo(() => monthlyTotals((rows ?? []).filter((r) => r.count !== null && (!selected || r.code === selected)).map((r) => ({ month: r.month, count: r.count! }))), [rows, selected]);

  // Colours only for exactly this view: none while counting or after a failure.
  const legend = useMemo(
    () => crimeRateLegend(rateMap, { period: spansLabel(rateMonths), placeWords: placeName(lad), areaWords: level === 'ward' ? 'Wards' : 'Small areas' }),
    [rateMap, rateMonths, lad, level],
  );
  const colours = useMemo<LayerData | null>(() => (rows ? { colours: rateMap.colours, legend } : null), [rows, rateMap, legend]);
  usePublishLayer(fillOf(session).key, colours);

  const last = months?.at(-1);
  const dotsQuery = useQuery(
    showDots && last ? JSON.stringify(['crime-dots', lad, type, last, types, evidence.version]) : null,
    async () => {
      const t = await crimePoints(db, { ladCode: lad, month: last!, crimeTypes: type ? [type] : undefined });
      const counts = crimeTypeCounts(t);
      const legend = crimeDotsLegend(monthLabel(last!), counts, types);
      return { month: last!, counts, layer: { points: { kind: 'crimes', points: crimePointsLayer(t, types) }, legend } satisfies LayerData };
    },
    'The crimes could not be drawn as dots',
  );
  const dots = showDots && dotsQuery.status === 'ready' ? dotsQuery.data : null;
  usePublishLayer(pointsOf(session).key, dots?.layer ?? null);

  const problem = counted.status === 'error' ? counted.message : dotsQuery.status === 'error' ? dotsQuery.message : null;
  const { ranked } = summary;
  const noData = months !== null && months.length === 0;
  const period = spansLabel(rateMonths);
  const trendTable = calendarSeries(trend).map((e) =>
    e.kind === 'month' ? [monthLabel(e.month), e.value] : [`${spanLabel(e.from, e.to)}`, `no data (${e.months === 1 ? '1 month' : `${e.months} months`})`],
  );
  return (
    <section aria-labelledby="crime-heading" data-testid="crime-panel">
      <h2 id="crime-heading">Police-recorded crime in {placeName(lad)}</h2>
      <CrimeFilters filters={filters} testIdPrefix="crime">
        <label className="check">
          <span>
            <input
              type="checkbox"
              checked={showDots}
              onChange={(e) => dispatch({ type: 'setCrime', patch: { dots: e.target.checked } })}
              data-testid="crime-dots"
            />{' '}
            Show each crime of the latest month as a dot
          </span>
        </label>
      </CrimeFilters>
      {session.level === 'locality' && <p className="note">Crime rates are shown for wards: localities are drawn on the Areas tab.</p>}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {noData && (
        <p className="problem" data-testid="crime-none">
          No street-level police data is available for {placeName(lad)}: its force’s records are not in the built-in data. Import police.uk files for it in “Your
          data”.
        </p>
      )}
      {!rows && !problem && <p role="status">Counting crimes…</p>}
      {rows && !noData && (
        <>
          <p data-testid="crime-summary">
            {n(summary.total)} crimes {type ? `(${type.toLowerCase()}) ` : ''}in {placeName(lad)} {ratePeriodWords(rateMonths)}. Rates are per 1,000 residents (Census 2021) over those months. Points
            are placed by police.uk at an approximate location (a snap point), never the exact address.
          </p>
          <p data-testid="crime-coverage">Police data for {placeName(lad)}: {coverageSentence(months ?? [])}.</p>
          {dots && <CrimeDotsTable month={dots.month} counts={dots.counts} types={types} />}
          <h3>{selected ? `Month by month in ${names.get(selected)}` : `Month by month in ${placeName(lad)}`}</h3>
          <MonthlyTrend series={trend} title={selected ? (names.get(selected) ?? selected) : placeName(lad)} unit="crimes" />
          <ChartValues
            columns={[{ label: 'Month' }, { label: 'Crimes', numeric: true }]}
            rows={trendTable}
            about={{ title: `Crimes by month in ${selected ? (names.get(selected) ?? selected) : placeName(lad)}`, place: placeName(lad), sources: [SOURCE_LINES.police], notes: [coverageSentence(months ?? [])], kind: 'crimes-by-month' }}
          />
          <table className="data-table" data-testid="crime-table">
            <caption>
              {level === 'ward' ? 'Wards' : 'Small areas (with their ward)'} by crimes per 1,000 residents {ratePeriodWords(rateMonths)} (the map’s table)
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">
                  Crimes
                </th>
                <th scope="col" className="num">
                  Per 1,000
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.slice(0, 25).map((t) => (
                <tr key={t.area_code}>
                  <td>{names.get(t.area_code) ?? t.area_code}</td>
                  <td className="num">{n(t.count)}</td>
                  <td className="num">{r1(t.rate!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranked.length > 25 && <p className="hint">The 25 highest of {n(ranked.length)} areas.</p>}
          <TableDownloads table={() => crimeRatesExportTable(ranked, names, { level, place: placeName(lad), period: ratePeriodWords(rateMonths), crimeType: type || null })} name="the crime rates table" testId="crime-table-download" />
        </>
      )}
      {rows && !noData && <CrimeLegend rateMap={rateMap} period={period} showDots={showDots} types={types} />}
    </section>
  );
}

const EMPTY_NAMES: ReadonlyMap<string, string> = new Map();
