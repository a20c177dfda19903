import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../app/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import type { ViewState } from '../../app/viewState.ts';
import type { EvidenceState } from '../../app/useEvidence.ts';
import type { MapLayerRequest } from '../../app/App.tsx';
import { monthlyCrimeCounts, crimeTypes } from '../../db/queries/crimeCounts.ts';
import { areaNames } from '../../db/queries/places.ts';
import { crimeCube } from '../../analysis/crimeCube.ts';
import { EMERGING_CLASSES, EMERGING_CLASS_TEXT, type EmergingClass } from '../../stats/trend/emergingHotspots.ts';
import { BOUNDARY_URLS } from '../../map/mapStyle.ts';
import { hotspotClient } from '../../workers/hotspotClient.ts';
import { BUILT_IN_PLACES, placeName } from '../../app/places.ts';
import { monthLabel } from '../../charts/MonthlyTrend.tsx';
import { EMERGING_COLOURS } from './emergingColours.ts';
import { NO_DATA_COLOUR } from '../../map/palette.ts';

interface Result {
  classes: Map<string, EmergingClass>;
  names: Map<string, string>;
  months: string[];
  dropped: string[];
  islands: string[];
  ms: number;
}

/**
 * Emerging hot spots in monthly police-recorded crime for one authority: is
 * each area's neighbourhood getting hotter, cooler, or neither? Gi* per month
 * over a space–time neighbourhood, then a Mann–Kendall trend test.
 */
export function EmergingSection({ db, view, evidence, onColours }: { db: Database; view: ViewState; evidence: EvidenceState; onColours(c: MapLayerRequest | null): void }) {
  const single = BUILT_IN_PLACES.some((p) => p.code === view.place);
  const [lad, setLad] = useState(single ? view.place : 'E06000016');
  const [type, setType] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [state, setState] = useState<{ status: 'working' } | { status: 'error'; message: string } | { status: 'ready'; result: Result }>({ status: 'working' });
  useEffect(() => void crimeTypes(db, lad).then((r) => setTypes(r.map((t) => t.crime_type))), [db, lad, evidence.version]);
  useEffect(() => {
    if (!evidence.restored) return;
    let live = true;
    setState({ status: 'working' });
    (async () => {
      const rows = await monthlyCrimeCounts(db, { level: view.level, ladCode: lad, crimeTypes: type ? [type] : undefined });
      const { codes, months, cube, droppedMonths } = crimeCube(rows);
      if (months.length < 6) throw new Error(`${placeName(lad)} has ${months.length ? `only ${months.length} months` : 'no months'} of street-level police data: at least 6 are needed to look for a trend. Import police.uk files in “Your data”.`);
      const names = new Map((await areaNames(db, lad, view.level)).map((a) => [a.code, a.name]));
      const set = 'five';
      const { result, ms } = await hotspotClient().emerging({ boundaryUrl: new URL(BOUNDARY_URLS[set][view.level], document.baseURI).href, codes, steps: months.length, cube });
      if (!live) return;
      const classes = new Map(codes.map((c, i) => [c, result.classes[i]!]));
      setState({ status: 'ready', result: { classes, names, months, dropped: droppedMonths, islands: result.islands, ms } });
      const colours = new Map<string, string>();
      for (const [c, k] of classes) colours.set(c, result.islands.includes(c) ? NO_DATA_COLOUR : EMERGING_COLOURS[k]);
      onColours({ colours, key: `emerging|${lad}|${view.level}|${type}|${evidence.version}` });
    })().catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [db, lad, type, view.level, evidence.version, evidence.restored, onColours]);

  const overlay = useMapOverlay();
  const counts = new Map<EmergingClass, number>();
  if (state.status === 'ready') for (const k of state.result.classes.values()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const present = EMERGING_CLASSES.filter((k) => counts.get(k));
  return (
    <div className="emerging" data-testid="emerging-section">
      <div className="filters">
        <label>
          Authority
          <select value={lad} onChange={(e) => setLad(e.target.value)}>
            {BUILT_IN_PLACES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Crime
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All crime and anti-social behaviour</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.status === 'working' && <p role="status">Testing each month and the trend…</p>}
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p>
            {state.result.months.length} months of police data, {monthLabel(state.result.months[0]!)} to {monthLabel(state.result.months.at(-1)!)}
            {state.result.dropped.length ? ` (${state.result.dropped.length} months with gaps left out)` : ''}. Tested in {Math.round(state.result.ms)} ms.
          </p>
          <table className="data-table" data-testid="emerging-table">
            <caption>What each kind of trend means, and how many areas show it</caption>
            <thead>
              <tr>
                <th scope="col">Pattern</th>
                <th scope="col" className="num">
                  Areas
                </th>
                <th scope="col">Which areas</th>
              </tr>
            </thead>
            <tbody>
              {present.map((k) => (
                <tr key={k}>
                  <td>
                    <span className="swatch" style={{ background: EMERGING_COLOURS[k] }} /> <strong>{EMERGING_CLASS_TEXT[k].label}</strong>
                    <br />
                    <span className="hint">{EMERGING_CLASS_TEXT[k].explanation}</span>
                  </td>
                  <td className="num">{counts.get(k)}</td>
                  <td>
                    {k === 'no-pattern'
                      ? '—'
                      : [...state.result.classes]
                          .filter(([, c]) => c === k)
                          .map(([code]) => state.result.names.get(code) ?? code)
                          .slice(0, 8)
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {overlay &&
            createPortal(
              <div className="section-key legend" data-testid="emerging-legend">
                <p className="legend-title">
                  <strong>Crime trend in {placeName(lad)}</strong>
                </p>
                <ul className="legend-classes">
                  {present.map((k) => (
                    <li key={k} title={EMERGING_CLASS_TEXT[k].explanation}>
                      <span className="swatch" style={{ background: EMERGING_COLOURS[k] }} />
                      <span>{EMERGING_CLASS_TEXT[k].label}</span>
                      <span className="legend-count">{counts.get(k)}</span>
                    </li>
                  ))}
                </ul>
                <p className="method-sentence">
                  Emerging hot spots: Getis–Ord Gi* for each month over each area, its touching neighbours and the month before, then a Mann–Kendall trend test
                  on each area’s scores (90% confidence per month, as ArcGIS’s Emerging Hot Spot Analysis).
                </p>
              </div>,
              overlay,
            )}
        </>
      )}
    </div>
  );
}
