import { LegendClasses } from '../../map/Legend.tsx';
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';
import { areaNames } from '../../db/queries/places.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { fillOf, testedLevel } from '../../session/layers.ts';
import type { HotspotStatistic } from '../../session/document.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { THEMES, defaultWeights } from '../../analysis/themes/definitions.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { hotspotExportTable } from './hotspotExport.ts';
import { useHotspotRun, themeOf } from './useHotspotRun.ts';
import { hotspotColours } from './hotspotColours.ts';
import { hotspotMapLegend } from './mapLegends.ts';
import { anySample, themeEvidenceKinds } from '../../map/legendSources.ts';
import { WeightControls } from './WeightControls.tsx';
import { HotspotList } from './HotspotList.tsx';
import { MethodNotePanel } from './MethodNotePanel.tsx';
import { EmergingSection } from './EmergingSection.tsx';
import { AreaBreakdown } from './AreaBreakdown.tsx';
import { areaLabels, wardNames } from './areaLabels.ts';
import { IndicatorOptions } from '../controls/IndicatorOptions.tsx';
import { placeName } from '../../geo/places.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';

/** Hot and cold spots for a theme or one measure, with the method, the list, the export and the trend view. */
export function HotspotPanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <HotspotSection db={ready.db} england={ready.england} catalogue={ready.catalogue} />;
}

/** Published under when the trend view is open: it publishes the map's data itself, under the spec's key. */
const IDLE_KEY = 'hotspots-now-not-shown';

function HotspotSection({ db, england, catalogue }: { db: Database; england: Promise<void>; catalogue: readonly Indicator[] }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const { mode, measure, statistic, fdr } = session.hotspot;
  // Hotspots are tested on small areas and wards; a locality view tests wards (session/layers.ts).
  const level = testedLevel(session.level);
  const theme = themeOf(measure);
  const chosen = theme ? session.hotspot.weights[theme.id] : undefined;
  const weights = useMemo(() => (theme ? (chosen ?? defaultWeights(theme)) : {}), [theme, chosen]);
  const fill = fillOf(session);
  const question = useMemo(() => ({ place: session.place, level, measure, statistic, fdr }), [session.place, level, measure, statistic, fdr]);
  const state = useHotspotRun(db, england, question, weights, evidence.version, evidence.restored && evidence.crimesReady, fill.key);
  const overlay = useMapOverlay();
  const names = useQuery(JSON.stringify(['hotspot-names', session.place, level]), () => areaNames(db, session.place, level), 'The area names could not be read');
  const nameRows = latestData(names);
  const labels = useMemo(() => (nameRows ? areaLabels(nameRows) : null), [nameRows]);

  const run = state.status === 'ready' ? state.run : null;
  // Colours only for exactly this view: none while a run is under way or failed (the trend view publishes its own).
  const current = state.status === 'ready' && state.layerKey === fill.key ? state.run : null;
  const measureLabel = theme ? `${theme.label} theme score` : (state.status === 'ready' ? state.indicator?.label : null) ?? measure;
  // The map key as data, for the key over the map and the exports; sample when a theme blends in the synthetic sample.
  const sample = theme !== null && anySample(evidence.datasets, themeEvidenceKinds(theme));
  const indicatorSource = state.status === 'ready' ? (state.indicator?.source ?? null) : null;
  const areaWords = `${level === 'lsoa' ? 'small areas' : 'wards'} in ${placeName(session.place)}`;
  const legend = useMemo(
    () => (run ? hotspotMapLegend(run, { measureLabel, theme, indicatorSource, areaWords, sample }) : null),
    [run, measureLabel, theme, indicatorSource, areaWords, sample],
  );
  const colours = useMemo<LayerData | null>(() => (current && legend ? { colours: hotspotColours(current), legend } : null), [current, legend]);
  usePublishLayer(mode === 'now' ? fill.key : IDLE_KEY, mode === 'now' ? colours : null);
  const scores = state.status === 'error' ? null : (state.scores ?? null);
  const exportTable = () => {
    if (state.status !== 'ready') return null;
    const meta = {
      measure: measureLabel,
      neighbours: 'queen contiguity (touching boundaries or corners), binary',
      themeWeights: state.scores?.components.map((c) => ({ shortLabel: c.shortLabel, weight: c.weight })),
      generatedAt: new Date(),
      wardOf: nameRows ? wardNames(nameRows) : undefined,
    };
    const notes = [...new Set([...(state.scores?.notes ?? []), ...state.run.notes, ...(legend?.notes ?? [])])];
    return hotspotExportTable(state.run, meta, { place: placeName(session.place), areaWords, sources: legend?.sources ?? [], notes, sample, fileStem: `hotspots-${measure}-${session.place}-${level}` });
  };

  return (
    <section className="hotspots" aria-labelledby="hotspots-heading" data-testid="hotspot-panel">
      <h2 id="hotspots-heading">Hotspots in {placeName(session.place)}</h2>
      <div className="buttons" role="group" aria-label="View">
        <button type="button" aria-pressed={mode === 'now'} onClick={() => dispatch({ type: 'setHotspot', patch: { mode: 'now' } })}>
          Hotspots now
        </button>
        <button type="button" aria-pressed={mode === 'emerging'} onClick={() => dispatch({ type: 'setHotspot', patch: { mode: 'emerging' } })} data-testid="emerging-mode">
          Getting hotter or cooler? (monthly trend)
        </button>
      </div>
      {session.level === 'locality' && (
        <p className="note" data-testid="hotspot-locality-note">
          Hotspots are tested on wards and small areas, not on a handful of localities. These results are for wards.
        </p>
      )}
      {mode === 'now' && (
        <>
          <div className="filters" role="group" aria-label="What to test">
            <label>
              Test
              <select value={measure} onChange={(e) => dispatch({ type: 'setHotspot', patch: { measure: e.target.value } })} data-testid="hotspot-measure">
                <optgroup label="Themes residents prioritised">
                  {THEMES.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </optgroup>
                <IndicatorOptions catalogue={catalogue.filter((i) => i.aggregation !== 'none')} prefix="One measure: " />
              </select>
            </label>
            <label>
              Method
              <select
                value={statistic}
                onChange={(e) => dispatch({ type: 'setHotspot', patch: { statistic: e.target.value as HotspotStatistic } })}
                data-testid="hotspot-statistic"
              >
                <option value="gi-star">Hot and cold spots (Getis–Ord Gi*)</option>
                <option value="local-moran">Clusters and outliers (local Moran’s I)</option>
              </select>
            </label>
            <label className="check">
              <span>
                <input
                  type="checkbox"
                  checked={fdr}
                  onChange={(e) => dispatch({ type: 'setHotspot', patch: { fdr: e.target.checked } })}
                  data-testid="hotspot-fdr"
                />{' '}
                Allow for testing many areas at once (false discovery rate)
              </span>
            </label>
          </div>
          {theme && <p className="hint">{theme.description}</p>}
        </>
      )}
      {mode === 'emerging' && <EmergingSection db={db} />}
      {mode === 'now' && state.status === 'working' && (
        <p role="status">
          {state.step}… {state.fraction > 0 ? `${Math.round(state.fraction * 100)}%` : ''}
        </p>
      )}
      {mode === 'now' && state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {mode === 'now' && theme && scores && (
        <WeightControls
          theme={theme}
          weights={weights}
          summaries={scores.components}
          onChange={(w) => dispatch({ type: 'setWeight', theme: theme.id, weights: w })}
          onReset={() => dispatch({ type: 'resetWeights', theme: theme.id })}
        />
      )}
      {mode === 'now' && run && state.status === 'ready' && (
        <>
          {[...(state.scores?.notes ?? []), ...run.notes].map((n) => (
            <p key={n} className="note" data-testid="hotspot-note">
              {n}
            </p>
          ))}
          {session.area && (
            <AreaBreakdown
              code={session.area}
              label={labels?.get(session.area)}
              scores={state.scores}
              run={run}
              onOpenProfile={() => dispatch({ type: 'openProfile', code: session.area!, from: 'hotspots' })}
              onClose={() => dispatch({ type: 'select', code: null })}
            />
          )}
          <HotspotList run={run} labels={labels} onSelect={(code) => dispatch({ type: 'select', code })} level={level} />
          <TableDownloads table={exportTable} name="the hotspot results for every area" testId="hotspot-export" />
          <MethodNotePanel run={run} isTheme={theme !== null} level={level} />
          <details className="fine-print" data-testid="hotspot-technical">
            <summary>Technical details</summary>
            <p data-testid="hotspot-timing">
              Values read in {Math.round(state.ms.inputs)} ms; neighbours in {Math.round(state.ms.weights)} ms; statistics and {run.permutations} permutations in{' '}
              {Math.round(state.ms.statistics)} ms (in a background worker).
            </p>
          </details>
        </>
      )}
      {overlay &&
        mode === 'now' &&
        run &&
        legend &&
        createPortal(
          <div className="section-key legend" data-testid="hotspot-legend">
            {legend.sample && <p className="sample-banner">{SAMPLE_LABEL}</p>}
            <p className="legend-title">
              <strong>{legend.title}</strong>
            </p>
            <LegendClasses classes={legend.classes} />
            <p className="method-sentence" data-testid="method-sentence">
              {run.methodSentence}
            </p>
          </div>,
          overlay,
        )}
    </section>
  );
}
