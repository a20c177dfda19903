import { useEffect, useMemo, useState } from 'react';
import type { Database } from '../../db/database.ts';
import type { ViewState } from '../../app/viewState.ts';
import type { EvidenceState } from '../../session/useEvidence.ts';
import type { MapLayerRequest } from '../../app/App.tsx';
import type { PointLayerData } from '../../map/PointOverlay.ts';
import { crimeMonths, monthlyCrimeCounts, type MonthlyCrimeCount } from '../../db/queries/crimeCounts.ts';
import { crimePoints } from '../../db/queries/crimePoints.ts';
import { areaNames } from '../../db/queries/places.ts';
import { areaTotals, crimeRateColours, crimeSummary, crimeTypeCounts, latestMonthsWithData, monthlyTotals, ratePeriodWords } from '../../analysis/crimeRates.ts';
import { calendarSeries, coverageSentence, spanLabel, spansLabel } from '../../analysis/calendar.ts';
import { ChartValues } from '../../charts/ChartValues.tsx';
import { MonthlyTrend, monthLabel } from '../../charts/MonthlyTrend.tsx';
import { placeName } from '../../geo/places.ts';
import { crimePointsLayer } from './crimePointsLayer.ts';
import { useCrimeFilters } from './useCrimeFilters.ts';
import { CrimeFilters } from './CrimeFilters.tsx';
import { CrimeLegend } from './CrimeLegend.tsx';
import { CrimeDotsTable } from './CrimeDotsTable.tsx';

export interface CrimePanelProps {
  db: Database;
  evidence: EvidenceState;
  view: ViewState;
  onPoints(points: PointLayerData | null): void;
  onColours(colours: MapLayerRequest | null): void;
}

const n = (v: number) => v.toLocaleString('en-GB');
const r1 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Police street-level crime: rates per 1,000 residents by area, the monthly trend, and each crime as a dot. */
export function CrimePanel({ db, evidence, view, onPoints, onColours }: CrimePanelProps) {
  const filters = useCrimeFilters(db, view, evidence);
  const { lad, type, types } = filters;
  const [showDots, setShowDots] = useState(false);
  const [months, setMonths] = useState<string[] | null>(null);
  const [rows, setRows] = useState<MonthlyCrimeCount[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [dots, setDots] = useState<{ month: string; counts: { crimeType: string; count: number }[] } | null>(null);

  useEffect(() => {
    if (!evidence.restored || !evidence.crimesReady) return;
    let live = true;
    setRows(null);
    setProblem(null);
    Promise.all([crimeMonths(db, lad), monthlyCrimeCounts(db, { level: view.level, ladCode: lad, crimeTypes: type ? [type] : undefined }), areaNames(db, lad, view.level)])
      .then(([m, r, a]) => {
        if (!live) return;
        setMonths(m);
        setRows(r);
        setNames(new Map(a.map((x) => [x.code, x.name])));
      })
      .catch((e: unknown) => live && setProblem(message(e)));
    return () => {
      live = false;
    };
  }, [db, lad, type, view.level, evidence.version, evidence.restored, evidence.crimesReady]);

  // The latest 12 months with data (never months without), for rates; the whole series for the trend.
  const rateMonths = useMemo(() => latestMonthsWithData(months ?? []), [months]);
  const latest = useMemo(() => new Set(rateMonths), [rateMonths]);
  const totals = useMemo(() => (rows ? areaTotals(rows, latest) : []), [rows, latest]);
  const rateMap = useMemo(() => crimeRateColours(totals), [totals]);
  const summary = useMemo(() => crimeSummary(totals), [totals]);
  const selected = view.area && names.has(view.area) ? view.area : null;
  const trend = useMemo(() => monthlyTotals((rows ?? []).filter((r) => r.count !== null && (!selected || r.code === selected)).map((r) => ({ month: r.month, count: r.count! }))), [rows, selected]);

  useEffect(() => {
    if (rows) onColours({ colours: rateMap.colours, key: `crime|${lad}|${view.level}|${type}|${evidence.version}` });
  }, [rows, rateMap, lad, view.level, type, evidence.version, onColours]);

  useEffect(() => {
    let live = true;
    const last = months?.at(-1);
    setDots(null);
    if (!showDots || !last) {
      onPoints(null);
      return;
    }
    crimePoints(db, { ladCode: lad, month: last, crimeTypes: type ? [type] : undefined })
      .then((t) => {
        if (!live) return;
        onPoints({ kind: 'crimes', points: crimePointsLayer(t, types) });
        setDots({ month: last, counts: crimeTypeCounts(t) });
      })
      .catch((e: unknown) => live && setProblem(`The crimes could not be drawn as dots: ${message(e)}`));
    return () => {
      live = false;
    };
  }, [db, lad, type, showDots, months, types, onPoints]);
  useEffect(() => () => onPoints(null), [onPoints]);

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
            <input type="checkbox" checked={showDots} onChange={(e) => setShowDots(e.target.checked)} data-testid="crime-dots" /> Show each crime of
            the latest month as a dot
          </span>
        </label>
      </CrimeFilters>
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
          {showDots && dots && <CrimeDotsTable month={dots.month} counts={dots.counts} types={types} />}
          <h3>{selected ? `Month by month in ${names.get(selected)}` : `Month by month in ${placeName(lad)}`}</h3>
          <MonthlyTrend series={trend} title={selected ? (names.get(selected) ?? selected) : placeName(lad)} unit="crimes" />
          <ChartValues columns={[{ label: 'Month' }, { label: 'Crimes', numeric: true }]} rows={trendTable} />
          <table className="data-table" data-testid="crime-table">
            <caption>
              {view.level === 'ward' ? 'Wards' : 'Small areas'} by crimes per 1,000 residents {ratePeriodWords(rateMonths)} (the map’s table)
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
        </>
      )}
      {rows && !noData && <CrimeLegend rateMap={rateMap} period={period} showDots={showDots} types={types} />}
    </section>
  );
}
