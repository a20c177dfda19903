import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Database } from '../../db/database.ts';
import type { ViewState } from '../../app/viewState.ts';
import type { EvidenceState } from '../../app/useEvidence.ts';
import type { MapLayerRequest } from '../../app/App.tsx';
import type { PointLayerData } from '../../map/PointOverlay.ts';
import { crimeMonths, crimeTypes, monthlyCrimeCounts, type MonthlyCrimeCount } from '../../db/queries/crimeCounts.ts';
import { crimePoints } from '../../db/queries/crimePoints.ts';
import { areaNames } from '../../db/queries/places.ts';
import { areaTotals, crimeRateColours, monthlyTotals } from '../../analysis/crimeRates.ts';
import { MonthlyTrend, monthLabel } from '../../charts/MonthlyTrend.tsx';
import { BUILT_IN_PLACES, placeName } from '../../app/places.ts';
import { useMapOverlay } from '../../app/mapOverlay.ts';
import { CATEGORY_COLOURS, NO_DATA_COLOUR } from '../../map/palette.ts';
import { crimePointsLayer } from './crimePointsLayer.ts';

export interface CrimePanelProps {
  db: Database;
  evidence: EvidenceState;
  view: ViewState;
  onPoints(points: PointLayerData | null): void;
  onColours(colours: MapLayerRequest | null): void;
}

const n = (v: number) => v.toLocaleString('en-GB');
const r1 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Police street-level crime: rates per 1,000 residents by area, the monthly trend, and each crime as a dot. */
export function CrimePanel({ db, evidence, view, onPoints, onColours }: CrimePanelProps) {
  const single = BUILT_IN_PLACES.some((p) => p.code === view.place);
  const [lad, setLad] = useState(single ? view.place : 'E06000016');
  useEffect(() => void (single && setLad(view.place)), [single, view.place]);
  const [type, setType] = useState('');
  const [showDots, setShowDots] = useState(false);
  const [types, setTypes] = useState<string[]>([]);
  const [months, setMonths] = useState<string[] | null>(null);
  const [rows, setRows] = useState<MonthlyCrimeCount[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const overlay = useMapOverlay();

  useEffect(() => {
    if (!evidence.restored) return;
    let live = true;
    setRows(null);
    setProblem(null);
    Promise.all([
      crimeMonths(db, lad),
      crimeTypes(db, lad),
      monthlyCrimeCounts(db, { level: view.level, ladCode: lad, crimeTypes: type ? [type] : undefined }),
      areaNames(db, lad, view.level),
    ])
      .then(([m, t, r, a]) => {
        if (!live) return;
        setMonths(m);
        setTypes(t.sort((x, y) => y.crimes - x.crimes).map((x) => x.crime_type));
        setRows(r);
        setNames(new Map(a.map((x) => [x.code, x.name])));
      })
      .catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [db, lad, type, view.level, evidence.version, evidence.restored]);

  // The latest 12 months with data, for rates; the whole series for the trend.
  const latest = useMemo(() => new Set((months ?? []).slice(-12)), [months]);
  const totals = useMemo(() => (rows ? areaTotals(rows, latest) : []), [rows, latest]);
  const rateMap = useMemo(() => crimeRateColours(totals), [totals]);
  const selected = view.area && names.has(view.area) ? view.area : null;
  const trend = useMemo(() => monthlyTotals((rows ?? []).filter((r) => r.count !== null && (!selected || r.code === selected)).map((r) => ({ month: r.month, count: r.count! }))), [rows, selected]);

  useEffect(() => {
    if (rows) onColours({ colours: rateMap.colours, key: `crime|${lad}|${view.level}|${type}|${evidence.version}` });
  }, [rows, rateMap, lad, view.level, type, evidence.version, onColours]);

  useEffect(() => {
    let live = true;
    const last = months?.at(-1);
    if (!showDots || !last) {
      onPoints(null);
      return;
    }
    void crimePoints(db, { ladCode: lad, month: last, crimeTypes: type ? [type] : undefined }).then((t) => live && onPoints({ kind: 'crimes', points: crimePointsLayer(t, types) }));
    return () => {
      live = false;
    };
  }, [db, lad, type, showDots, months, types, onPoints]);
  useEffect(() => () => onPoints(null), [onPoints]);

  const ranked = [...totals].filter((t) => t.rate !== null).sort((a, b) => b.rate! - a.rate!);
  const noData = months !== null && months.length === 0;
  const period = months && months.length ? `${monthLabel([...latest][0]!)} to ${monthLabel(months.at(-1)!)}` : '';
  return (
    <section aria-labelledby="crime-heading" data-testid="crime-panel">
      <h2 id="crime-heading">Police-recorded crime in {placeName(lad)}</h2>
      <div className="filters">
        {!single && (
          <label>
            Authority
            <select value={lad} onChange={(e) => setLad(e.target.value)} data-testid="crime-authority">
              {BUILT_IN_PLACES.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Crime
          <select value={type} onChange={(e) => setType(e.target.value)} data-testid="crime-type">
            <option value="">All crime and anti-social behaviour</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <span>
            <input type="checkbox" checked={showDots} onChange={(e) => setShowDots(e.target.checked)} data-testid="crime-dots" /> Show each crime of
            the latest month as a dot
          </span>
        </label>
      </div>
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
            {n(ranked.reduce((s, t) => s + t.count, 0))} crimes {type ? `(${type.toLowerCase()}) ` : ''}from {period} ({latest.size} months). Rates are per 1,000
            residents (Census 2021) over those months. Points are placed by police.uk at an approximate location (a snap point), never the exact address.
          </p>
          <h3>{selected ? `Month by month in ${names.get(selected)}` : `Month by month in ${placeName(lad)}`}</h3>
          <MonthlyTrend series={trend} title={selected ? (names.get(selected) ?? selected) : placeName(lad)} unit="crimes" />
          <details className="chart-values">
            <summary>The numbers in this chart</summary>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    Crimes
                  </th>
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.month}>
                    <td>{monthLabel(t.month)}</td>
                    <td className="num">{n(t.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <table className="data-table" data-testid="crime-table">
            <caption>
              {view.level === 'ward' ? 'Wards' : 'Small areas'} by crimes per 1,000 residents, {period} (the map’s table)
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
      {overlay &&
        rows &&
        !noData &&
        createPortal(
          <div className="section-key legend" data-testid="crime-legend">
            <p className="legend-title">
              <strong>Crimes per 1,000 residents</strong>
            </p>
            <p className="legend-subtitle">{period}; five equal-sized groups</p>
            <ul className="legend-classes">
              {rateMap.legend.map((c, i) => (
                <li key={i}>
                  <span className="swatch" style={{ background: c.colour }} />
                  <span>
                    {c.from === null ? '' : r1(c.from)} – {c.to === null ? '' : r1(c.to)}
                  </span>
                  <span className="legend-count">{c.areas}</span>
                </li>
              ))}
              {rateMap.noData > 0 && (
                <li>
                  <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
                  <span>No police data</span>
                  <span className="legend-count">{rateMap.noData}</span>
                </li>
              )}
            </ul>
            {showDots && (
              <ul className="legend-inline">
                {types.slice(0, CATEGORY_COLOURS.length - 1).map((t, i) => (
                  <li key={t}>
                    <span className="swatch" style={{ background: CATEGORY_COLOURS[i] }} />
                    {t}
                  </li>
                ))}
                <li>
                  <span className="swatch" style={{ background: '#999999' }} />
                  Other
                </li>
              </ul>
            )}
          </div>,
          overlay,
        )}
    </section>
  );
}
