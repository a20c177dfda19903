import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence } from '../../session/handles.tsx';
import { fillOf, testedLevel } from '../../session/layers.ts';
import type { EmergingSource } from '../../session/document.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { areaLabels } from './areaLabels.ts';
import { monthlyCrimeCounts } from '../../db/queries/crimeCounts.ts';
import { areaNames } from '../../db/queries/places.ts';
import { crimeCube, cubeRun } from '../../analysis/crimeCube.ts';
import { coverageSentence, runLabel, runSentence, type MonthRun } from '../../analysis/calendar.ts';
import { RunSelect } from './RunSelect.tsx';
import { EMERGING_CLASS_TEXT } from '../../stats/trend/emergingHotspots.ts';
import { BOUNDARY_URLS } from '../../map/mapStyle.ts';
import { hotspotClient } from '../../workers/hotspotClient.ts';
import { placeName } from '../../geo/places.ts';
import { monthLabel } from '../../charts/MonthlyTrend.tsx';
import { NO_DATA_COLOUR } from '../../map/palette.ts';
import { EMERGING_COLOURS } from './emergingColours.ts';
import { summariseEmerging, type EmergingSummary } from './emergingRows.ts';
import { useCrimeFilters } from '../crime/useCrimeFilters.ts';
import { CrimeFilters } from '../crime/CrimeFilters.tsx';
import { StreetRepEmerging } from './StreetRepEmerging.tsx';
import { crimeEmergingLegend } from './mapLegends.ts';

interface Result extends EmergingSummary {
  names: Map<string, string>;
  months: string[];
  /** Every month with data for every area, and its unbroken runs; `run` is the one tested. */
  allMonths: string[];
  runs: MonthRun[];
  run: MonthRun;
  dropped: string[];
  ms: number;
  key: string;
}

const NO_COLOURS: ReadonlyMap<string, string> = new Map();

type State = { status: 'working' } | { status: 'error'; message: string } | { status: 'ready'; result: Result };

/** Emerging hot spots in monthly police-recorded crime (areas) or in street-rep grades (sites, monthly rounds). */
export function EmergingSection({ db }: { db: Database }) {
  const { source } = useSession().hotspot.emerging;
  const dispatch = useDispatch();
  // The run of months belongs to the data it came from: another source starts from its longest run.
  const setSource = (s: EmergingSource) => dispatch({ type: 'setEmerging', patch: { source: s, from: '' } });
  return (
    <div className="emerging" data-testid="emerging-section">
      <div className="filters" role="group" aria-label="Which data">
        <label>
          Data
          <select value={source} onChange={(e) => setSource(e.target.value as EmergingSource)} data-testid="emerging-source">
            <option value="crime">Police-recorded crime (monthly)</option>
            <option value="street-reps">Street-rep grades (monthly rounds)</option>
          </select>
        </label>
      </div>
      {source === 'crime' ? <CrimeEmerging db={db} /> : <StreetRepEmerging db={db} />}
    </div>
  );
}

/**
 * Emerging hot spots in monthly police-recorded crime for one authority: is
 * each area's neighbourhood getting hotter, cooler, or neither? Gi* per month
 * over a space–time neighbourhood, then a Mann–Kendall trend test.
 */
function CrimeEmerging({ db }: { db: Database }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const filters = useCrimeFilters(db, evidence.version);
  const { lad, type } = filters;
  // Trends are tested on small areas or wards; a locality view tests wards (session/layers.ts).
  const level = testedLevel(session.level);
  const [state, setState] = useState<State>({ status: 'working' });
  // '' = the longest unbroken run of months; else the first month of the run chosen.
  const runFrom = session.hotspot.emerging.from;
  const setRunFrom = (from: string) => dispatch({ type: 'setEmerging', patch: { from } });
  // What a result answers: only a result for exactly these choices colours the map.
  const request = JSON.stringify([lad, type, level, runFrom, evidence.version]);
  // Kept apart from the result so the choice stays on screen while testing, or when the run chosen is too short.
  const [runs, setRuns] = useState<MonthRun[]>([]);
  useEffect(() => {
    if (!evidence.restored || !evidence.crimesReady) return;
    let live = true;
    setState({ status: 'working' });
    (async () => {
      const rows = await monthlyCrimeCounts(db, { level: level, ladCode: lad, crimeTypes: type ? [type] : undefined });
      const full = crimeCube(rows);
      const { codes, droppedMonths } = full;
      // One unbroken run of months: the months either side of a gap are not neighbours in time.
      const { months, cube, run, runs } = cubeRun(full, runFrom || null);
      if (live) setRuns(runs);
      if (run && months.length < 6 && runs.some((r) => r.months.length >= 6)) {
        throw new Error(`The months chosen, ${runLabel(run)}, are too few in a row: at least 6 months in a row are needed to look for a trend. Choose another run of months.`);
      }
      if (!run || months.length < 6) {
        const have = full.months.length ? `${coverageSentence(full.months)}${runs.length > 1 ? `, so at most ${Math.max(...runs.map((r) => r.months.length))} months in a row` : ''}` : 'no months';
        throw new Error(`${placeName(lad)} has ${have} of street-level police data: at least 6 months in a row are needed to look for a trend. Import police.uk files in “Your data”.`);
      }
      const names = areaLabels(await areaNames(db, lad, level));
      const { result, ms } = await hotspotClient().emerging({ boundaryUrl: new URL(BOUNDARY_URLS.five[level], document.baseURI).href, codes, steps: months.length, cube });
      if (!live) return;
      const summary = summariseEmerging(new Map(codes.map((c, i) => [c, result.classes[i]!])), result.islands);
      setState({ status: 'ready', result: { ...summary, names, months, allMonths: full.months, runs, run, dropped: droppedMonths, ms, key: request } });
    })().catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [db, lad, type, level, evidence.version, evidence.restored, evidence.crimesReady, runFrom, request]);
  // Colours only for exactly this view: none while working or after a failure.
  const current = state.status === 'ready' && state.result.key === request ? state.result : null;
  // The key as data: the key over the map below and the exports draw this.
  const legend = useMemo(
    () =>
      state.status === 'ready'
        ? crimeEmergingLegend(state.result.rows, state.result.islands.length, {
            placeWords: placeName(lad),
            areaWords: level === 'lsoa' ? 'small areas' : 'wards',
            method: `Emerging hot spots: Getis–Ord Gi* for each month over each area, its touching neighbours and the month before, then a Mann–Kendall trend test on each area’s scores. Each month counts as hot or cold at 90% confidence, without a false discovery rate correction (as ArcGIS’s Emerging Hot Spot Analysis does by default). ${runSentence(state.result.run, state.result.runs)}`,
          })
        : null,
    [state, lad, level],
  );
  const problem = state.status === 'error' ? state.message : null;
  const colours = useMemo<LayerData | null>(() => {
    // Nothing can be tested (too few months): no colours, and a key that says why, so exports need not wait.
    if (problem) return { colours: NO_COLOURS, legend: crimeEmergingLegend([], 0, { placeWords: placeName(lad), areaWords: level === 'lsoa' ? 'small areas' : 'wards', method: problem }) };
    return current && legend ? { colours: current.colours, legend } : null;
  }, [current, legend, problem, lad, level]);
  usePublishLayer(fillOf(session).key, colours);

  const overlay = useMapOverlay();
  const nameOf = (code: string) => (state.status === 'ready' ? (state.result.names.get(code) ?? code) : code);
  return (
    <div data-testid="emerging-crime">
      <CrimeFilters filters={filters} testIdPrefix="emerging">
        <RunSelect runs={runs} value={runFrom} onChange={setRunFrom} testId="emerging-run" />
      </CrimeFilters>
      {state.status === 'working' && <p role="status">Testing each month and the trend…</p>}
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p data-testid="emerging-months">
            Police data with every area covered: {coverageSentence(state.result.allMonths)}
            {state.result.dropped.length ? ` (${state.result.dropped.length} months that cover only some areas left out)` : ''}. Tested over{' '}
            {state.result.months.length} months, {monthLabel(state.result.months[0]!)} to {monthLabel(state.result.months.at(-1)!)}, in {Math.round(state.result.ms)} ms.
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
              {state.result.rows.map(({ cls, codes }) => (
                <tr key={cls}>
                  <td>
                    <span className="swatch" style={{ background: EMERGING_COLOURS[cls] }} /> <strong>{EMERGING_CLASS_TEXT[cls].label}</strong>
                    <br />
                    <span className="hint">{EMERGING_CLASS_TEXT[cls].explanation}</span>
                  </td>
                  <td className="num">{codes.length}</td>
                  <td>
                    {cls === 'no-pattern'
                      ? '—'
                      : `${codes.slice(0, 8).map(nameOf).join(', ')}${codes.length > 8 ? `, and ${codes.length - 8} more` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.result.islands.length > 0 && (
            <p className="note" data-testid="emerging-islands">
              <span className="swatch" style={{ background: NO_DATA_COLOUR }} /> {state.result.islands.length}{' '}
              {state.result.islands.length === 1 ? 'area has no touching neighbour and was' : 'areas have no touching neighbour and were'} not tested (grey on
              the map): {state.result.islands.map(nameOf).join(', ')}.
            </p>
          )}
          {overlay &&
            legend &&
            createPortal(
              <div className="section-key legend" data-testid="emerging-legend">
                <p className="legend-title">
                  <strong>{legend.title}</strong>
                </p>
                <ul className="legend-classes">
                  {state.result.rows.map(({ cls, codes }) => (
                    <li key={cls} title={EMERGING_CLASS_TEXT[cls].explanation}>
                      <span className="swatch" style={{ background: EMERGING_COLOURS[cls] }} />
                      <span>{EMERGING_CLASS_TEXT[cls].label}</span>
                      <span className="legend-count">{codes.length}</span>
                    </li>
                  ))}
                  {state.result.islands.length > 0 && (
                    <li>
                      <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
                      <span>No touching neighbour (not tested)</span>
                      <span className="legend-count">{state.result.islands.length}</span>
                    </li>
                  )}
                </ul>
                <p className="method-sentence" data-testid="emerging-method-sentence">
                  {legend.notes[0]}
                </p>
              </div>,
              overlay,
            )}
        </>
      )}
    </div>
  );
}
