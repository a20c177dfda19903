import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FeatureCollection, Point } from 'geojson';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence } from '../../session/handles.tsx';
import { pointsOf } from '../../session/layers.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { siteEmergingLegend } from './mapLegends.ts';
import { useQuery } from '../../ui/useQuery.ts';
import { placeName } from '../../geo/places.ts';
import { streetRepMonthly, type MonthlySite } from '../../db/queries/streetRepMonthly.ts';
import { parseScope, scopeWords, type GradeScope } from '../../analysis/streetRepIssues.ts';
import { runSentence, type MonthRun } from '../../analysis/calendar.ts';
import { GradeScopeSelect } from '../streetReps/GradeScopeSelect.tsx';
import { RunSelect } from './RunSelect.tsx';
import { MIN_GRADED_MONTHS, NEAREST_SITES, streetRepCube, whyTooLittle, type LeftOutSite } from '../../analysis/streetRepCube.ts';
import { EMERGING_CLASS_TEXT, type EmergingClass } from '../../stats/trend/emergingHotspots.ts';
import { hotspotClient } from '../../workers/hotspotClient.ts';
import { monthLabel } from '../../analysis/format.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { NO_DATA_COLOUR } from '../../map/palette.ts';
import { EMERGING_COLOURS } from './emergingColours.ts';
import { summariseEmerging, type EmergingSummary } from './emergingRows.ts';

interface TestedSite extends MonthlySite {
  cls: EmergingClass;
  /** Mann–Kendall on the site's Gi* z series, at 95 % confidence. */
  trend: 'hotter' | 'cooler' | 'none';
  firstGrade: number;
  latestGrade: number;
}

type Outcome =
  | { kind: 'too-little'; message: string }
  | (EmergingSummary & {
      kind: 'tested';
      scope: GradeScope;
      months: string[];
      run: MonthRun;
      runs: MonthRun[];
      sites: TestedSite[];
      leftOut: LeftOutRow[];
      carried: number;
      beforeFirst: number;
      ms: number;
    });

type LeftOutRow = LeftOutSite & { name: string; lon: number | null; lat: number | null };

const TREND_WORDS: Record<TestedSite['trend'], string> = { hotter: 'Getting hotter', cooler: 'Getting cooler', none: 'No clear trend' };

/** The class explanations speak of areas; here each is a site. */
const siteWording = (text: string) => text.replace(/^This area and its neighbours/, 'This site and its nearest sites');

/** Mean grade 0–3 as a number and its nearest letter, e.g. "1.4 (about B)". */
const gradeText = (g: number) => `${g.toFixed(1)} (about ${'ABCD'[Math.round(g)]})`;

/**
 * Emerging hot spots over street-rep sites: is each site and its nearest
 * sites getting worse (hotter) or better (cooler) from one monthly round to
 * the next? Sites are points, so neighbours are the 4 nearest sites, not
 * touching areas; months a site was missed keep its previous grade.
 */
export function StreetRepEmerging({ db }: { db: Database }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const { datasetIds, synthetic } = useMemo(() => {
    const streetReps = evidence.datasets.filter((d) => d.kind === 'street-rep');
    return { datasetIds: streetReps.map((d) => d.id), synthetic: streetReps.some((d) => d.synthetic) };
  }, [evidence.datasets]);
  const ladCode = session.place === 'five' || session.place === 'england' ? undefined : session.place;
  const where = placeName(session.place);
  const { scope: scopeValue, from: runFrom, fdr } = session.hotspot.emerging;
  const setScopeValue = (scope: string) => dispatch({ type: 'setEmerging', patch: { scope } });
  const setRunFrom = (from: string) => dispatch({ type: 'setEmerging', patch: { from } });
  const setFdr = (on: boolean) => dispatch({ type: 'setEmerging', patch: { fdr: on } });
  const scope = useMemo(() => parseScope(scopeValue), [scopeValue]);
  // Kept apart from the result so the choice of months stays on screen while testing.
  const [runs, setRuns] = useState<MonthRun[]>([]);
  const hasData = datasetIds.length > 0;

  // Keyed by the street-rep datasets themselves, not evidence.version: that also moves when the
  // built-in police records arrive, which would re-run this (and blank its table) for nothing.
  const outcome = useQuery<Outcome>(
    evidence.restored && hasData ? JSON.stringify(['street-rep-emerging', datasetIds, ladCode, scopeValue, fdr, runFrom]) : null,
    async () => {
      const narrow = scope.kind === 'heading' ? { heading: scope.heading } : scope.kind === 'issue' ? { issue: scope.issue } : {};
      const { sites, grades } = await streetRepMonthly(db, { datasetIds, ladCode, ...narrow });
      const built = streetRepCube(sites, grades, { run: runFrom || null });
      setRuns(built.runs);
      const tooLittle = whyTooLittle(built, sites.length, where);
      if (tooLittle) return { kind: 'too-little', message: tooLittle };
      const { result, ms } = await hotspotClient().emerging({
        codes: built.siteIds,
        steps: built.months.length,
        cube: built.cube,
        points: built.points,
        k: NEAREST_SITES,
        fdr,
      });
      const byId = new Map(sites.map((s) => [s.site_id, s]));
      const n = built.siteIds.length;
      const last = built.months.length - 1;
      const tested = built.siteIds.map((id, i): TestedSite => {
        const up = result.trendP[i]! <= 0.05 ? result.trendZ[i]! : 0;
        return { ...byId.get(id)!, cls: result.classes[i]!, trend: up > 0 ? 'hotter' : up < 0 ? 'cooler' : 'none', firstGrade: built.cube[i]!, latestGrade: built.cube[last * n + i]! };
      });
      const summary = summariseEmerging(new Map(built.siteIds.map((id, i) => [id, result.classes[i]!])), []);
      const leftOut = built.leftOut.map((l): LeftOutRow => {
        const site = byId.get(l.site_id);
        return { ...l, name: site?.name ?? l.site_id, lon: site?.lon ?? null, lat: site?.lat ?? null };
      });
      return {
        kind: 'tested',
        ...summary,
        scope,
        months: built.months,
        run: built.run!,
        runs: built.runs,
        sites: tested,
        leftOut,
        carried: built.carried,
        beforeFirst: built.beforeFirst,
        ms,
      };
    },
    'The street-rep trend could not be worked out',
  );
  const ready = outcome.status === 'ready' && outcome.data.kind === 'tested' ? outcome.data : null;

  // Sites are points (no area colours in this view: the layer spec's fill is none). Only the answer
  // for the current choices is drawn: useQuery's ready state is for exactly this key.
  // The key as data, from the same classes and colours as the key over the map (and the exports draw it).
  const legend = useMemo(
    () =>
      ready
        ? siteEmergingLegend(ready.rows, ready.leftOut.filter((l) => l.reason === 'too-few-months').length, {
            placeWords: where,
            minMonths: MIN_GRADED_MONTHS,
            sample: synthetic,
            method: `Emerging hot spots over street-rep sites: for each month, Getis–Ord Gi* over each site and its ${NEAREST_SITES} nearest sites this month and last, then a Mann–Kendall trend test on each site’s scores; a missed visit keeps the site’s previous grade. Each month counts as hot or cold at 90% confidence, ${
              fdr ? 'after a false discovery rate correction over every site and month.' : 'without a false discovery rate correction (as ArcGIS’s Emerging Hot Spot Analysis does by default).'
            } ${runSentence(ready.run, ready.runs)}`,
          })
        : null,
    [ready, where, synthetic, fdr],
  );
  // Nothing to test (no visits loaded, or too few months): no points, and a key that says why, so exports need not wait.
  const nothing = evidence.restored && !hasData ? 'No street-rep visits are loaded yet.' : outcome.status === 'ready' && outcome.data.kind === 'too-little' ? outcome.data.message : null;
  const points = useMemo<LayerData | null>(() => {
    if (nothing) return { points: null, legend: siteEmergingLegend([], 0, { placeWords: where, minMonths: MIN_GRADED_MONTHS, sample: synthetic, method: nothing }) };
    return ready && legend ? { points: { kind: 'classified', points: classifiedPoints(ready.sites, ready.leftOut) }, legend } : null;
  }, [ready, legend, nothing, where, synthetic]);
  usePublishLayer(pointsOf(session).key, points);

  const overlay = useMapOverlay();
  const nameOf = (s: { name: string | null; site_id: string }) => s.name ?? s.site_id;
  const untested = ready?.leftOut.filter((l) => l.reason === 'too-few-months') ?? [];
  const unlocated = ready?.leftOut.filter((l) => l.reason === 'no-location') ?? [];
  const ordered = ready ? ready.rows.flatMap(({ cls }) => ready.sites.filter((s) => s.cls === cls)) : [];
  return (
    <div data-testid="street-rep-emerging">
      {synthetic && (
        <p className="sample-banner" data-testid="sample-banner">
          {SAMPLE_LABEL}: the street-rep sites and visits shown here are invented to demonstrate the app.
        </p>
      )}
      {!evidence.restored && <p role="status">Reading the data saved in this browser…</p>}
      {evidence.restored && !hasData && (
        <p data-testid="street-rep-emerging-none">No street-rep visits are loaded yet. Load your monitoring rounds, or try the sample, in “Your data”.</p>
      )}
      {hasData && (
        <div className="filters" role="group" aria-label="Which grades">
          <GradeScopeSelect value={scopeValue} onChange={setScopeValue} testId="street-rep-emerging-heading" />
          <RunSelect runs={runs} value={runFrom} onChange={setRunFrom} testId="street-rep-emerging-run" />
          <label className="check">
            <span>
              <input type="checkbox" checked={fdr} onChange={(e) => setFdr(e.target.checked)} data-testid="street-rep-emerging-fdr" /> Allow for testing many sites and
              months at once (false discovery rate)
            </span>
          </label>
        </div>
      )}
      {outcome.status === 'loading' && <p role="status">Testing each month and the trend…</p>}
      {outcome.status === 'error' && (
        <p className="problem" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.status === 'ready' && outcome.data.kind === 'too-little' && (
        <p className="note" data-testid="street-rep-emerging-too-little">
          {outcome.data.message}
        </p>
      )}
      {ready && (
        <>
          <p data-testid="street-rep-emerging-summary">
            {ready.sites.length} sites over {ready.months.length} months, {monthLabel(ready.months[0]!)} to {monthLabel(ready.months.at(-1)!)}: each month’s grade is
            {ready.scope.kind === 'issue' ? `the ${ready.scope.issue} grade` : `the mean over ${scopeWords(ready.scope)}`} at that month’s visits (A = 0 to D = 3). Hot means a site and its nearest sites had worse
            grades than usual. Tested in {Math.round(ready.ms)} ms.
          </p>
          <p className="note" data-testid="street-rep-emerging-carried">
            A missed visit keeps the site’s previous grade: {ready.carried.toLocaleString('en-GB')} of {(ready.sites.length * ready.months.length).toLocaleString('en-GB')}{' '}
            site-months had no visit and carry the grade before them
            {ready.beforeFirst > 0 ? `; ${ready.beforeFirst.toLocaleString('en-GB')} months before a site’s first visit take its first grade` : ''}.
          </p>
          {untested.length > 0 && (
            <p className="note" data-testid="street-rep-emerging-left-out">
              Not tested (fewer than {MIN_GRADED_MONTHS} months with grades{ready.scope.kind === 'heading' || ready.scope.kind === 'issue' ? ` for ${scopeWords(ready.scope)}` : ''}
              {ready.runs.length > 1 ? ' in the months tested' : ''}, grey on the map):{' '}
              {untested.map((l) => `${l.name} (${l.months === 1 ? '1 month' : `${l.months} months`})`).join(', ')}.
            </p>
          )}
          {unlocated.length > 0 && <p className="note">Not tested (no map location): {unlocated.map((l) => l.name).join(', ')}.</p>}
          <table className="data-table" data-testid="street-rep-emerging-table">
            <caption>Street-rep sites by trend pattern (the map’s points as a table)</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Ward</th>
                <th scope="col">Pattern</th>
                <th scope="col">Hot spot trend</th>
                <th scope="col">Mean grade, first → latest month</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((s) => (
                <tr key={s.site_id} data-site={s.site_id} data-class={s.cls}>
                  <th scope="row">{nameOf(s)}</th>
                  <td>{s.ward_name ?? s.ward_code ?? '—'}</td>
                  <td>
                    <span className="swatch" style={{ background: EMERGING_COLOURS[s.cls] }} /> {EMERGING_CLASS_TEXT[s.cls].label}
                  </td>
                  <td>{TREND_WORDS[s.trend]}</td>
                  <td>
                    {gradeText(s.firstGrade)} → {gradeText(s.latestGrade)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {overlay &&
            createPortal(
              <div className="section-key legend" data-testid="street-rep-emerging-legend">
                {synthetic && (
                  <p className="sample-banner">
                    {SAMPLE_LABEL}
                  </p>
                )}
                <p className="legend-title">
                  <strong>Street-rep trend in {where}</strong>
                </p>
                <ul className="legend-classes">
                  {ready.rows.map(({ cls, codes }) => (
                    <li key={cls}>
                      <span className="swatch" style={{ background: EMERGING_COLOURS[cls] }} />
                      <span>
                        {EMERGING_CLASS_TEXT[cls].label}
                        <br />
                        <small>{siteWording(EMERGING_CLASS_TEXT[cls].explanation)}</small>
                      </span>
                      <span className="legend-count">{codes.length}</span>
                    </li>
                  ))}
                  {untested.length > 0 && (
                    <li>
                      <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
                      <span>Not tested (fewer than {MIN_GRADED_MONTHS} months graded)</span>
                      <span className="legend-count">{untested.length}</span>
                    </li>
                  )}
                </ul>
                <p className="method-sentence" data-testid="street-rep-emerging-method">
                  {legend?.notes[0]}
                </p>
              </div>,
              overlay,
            )}
        </>
      )}
    </div>
  );
}

/** The sites as map points in their class colours; sites left out for too few months are grey. */
function classifiedPoints(sites: readonly TestedSite[], leftOut: readonly LeftOutRow[]): FeatureCollection<Point, { id: string; name: string; colour: string }> {
  return {
    type: 'FeatureCollection',
    features: [
      ...sites.map((s) => ({ id: s.site_id, name: s.name ?? s.site_id, lon: s.lon, lat: s.lat, colour: EMERGING_COLOURS[s.cls] })),
      ...leftOut.map((l) => ({ id: l.site_id, name: l.name, lon: l.lon, lat: l.lat, colour: NO_DATA_COLOUR })),
    ]
      .filter((p): p is typeof p & { lon: number; lat: number } => p.lon !== null && p.lat !== null)
      .map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { id: p.id, name: p.name, colour: p.colour } })),
  };
}
