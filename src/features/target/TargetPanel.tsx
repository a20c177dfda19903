import { LegendClasses } from '../../map/Legend.tsx';
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useLocalitiesSynced, useReadyDatabase } from '../../session/handles.tsx';
import { fillOf } from '../../session/layers.ts';
import type { TargetSettings } from '../../session/document.ts';
import type { Database } from '../../db/database.ts';
import { THEMES, themeById } from '../../analysis/themes/definitions.ts';
import { targetMethod } from '../../analysis/targetRanking.ts';
import { placeName } from '../../geo/places.ts';
import { LEVELS } from '../../geo/levels.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { latestData } from '../../ui/useQuery.ts';
import { useTargetRanking } from './useTargetRanking.ts';
import { TargetTable } from './TargetTable.tsx';
import { targetColours } from './targetColours.ts';
import { targetMapLegend } from './targetMapLegend.ts';
import { anySample, themeEvidenceKinds } from '../../map/legendSources.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { targetExportTable } from './targetCells.ts';
import { themeSources } from '../../map/legendSources.ts';

/** "Where to target" (issue 9): a board's wards, localities or small areas ranked by need for one theme, with the evidence behind each. */
export function TargetPanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <TargetSection db={ready.db} england={ready.england} />;
}

const SOURCES =
  'Sources: English Indices of Deprivation 2025 (MHCLG); Census 2021 residents (ONS); police.uk recorded crime; the residents’ survey and street-rep files loaded here.';

function TargetSection({ db, england }: { db: Database; england: Promise<void> }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const localitiesSynced = useLocalitiesSynced();
  const overlay = useMapOverlay();
  const { theme: themeId } = session.target;
  // A locality view with no localities left falls back to wards (the updater does the same).
  const level = session.target.level === 'locality' && session.localities.length === 0 ? 'ward' : session.target.level;
  const theme = themeById(themeId);
  const weights = session.hotspot.weights[themeId];
  const weightsKey = JSON.stringify(weights ?? null);
  const question = useMemo(() => ({ place: session.place, level, theme: themeId, weights }), [session.place, level, themeId, weights]);
  const waiting = !evidence.restored || !evidence.crimesReady || (level === 'locality' && localitiesSynced === null);
  const key = waiting ? null : JSON.stringify([session.place, level, themeId, weightsKey, evidence.version, level === 'locality' ? localitiesSynced : '']);
  const { state, fraction } = useTargetRanking(db, england, question, evidence.version, key);
  const result = state.status === 'ready' ? state.data : null;
  const shown = latestData(state);

  const fill = fillOf(session);
  const method = targetMethod(level, theme, shown?.lsoaRun ?? null);
  // The key as data (the key over the map and the exports); sample when the theme blends in the synthetic sample.
  const sample = anySample(evidence.datasets, themeEvidenceKinds(theme));
  const legend = useMemo(
    () => (result ? targetMapLegend(result.rows, { theme, areaWords: LEVELS[level].plural.replace(/^./, (c) => c.toUpperCase()), placeWords: placeName(session.place), method, sample }) : null),
    [result, theme, level, session.place, method, sample],
  );
  // Colours only for exactly this question, so an older answer never paints the map.
  const layer = useMemo<LayerData | null>(() => (result && legend ? { colours: targetColours(result.rows), legend } : null), [result, legend]);
  usePublishLayer(fill.key, layer);

  const set = (patch: Partial<TargetSettings>) => dispatch({ type: 'setTarget', patch });
  const exportTable = () =>
    result
      ? targetExportTable(result.rows, level, theme.label, `${method} ${SOURCES}`, result.evidence, {
          title: `Where to target: ${LEVELS[level].plural} in ${placeName(session.place)} ranked by need for ${theme.label.toLowerCase()}`,
          description: `${LEVELS[level].plural.replace(/^./, (c) => c.toUpperCase())} ranked by need for ${theme.label.toLowerCase()}, each with its theme score and what drives it, hot-spot status, small areas in England’s most deprived 10 % and 20 %, what residents put first and street-rep issues getting worse, and the reason in words.`,
          place: placeName(session.place),
          sources: themeSources(theme),
          sample,
          fileStem: `where-to-target-${themeId}-${session.place}-${level}`,
        })
      : null;

  return (
    <section className="target" aria-labelledby="target-heading" data-testid="target-panel">
      <h2 id="target-heading">Where to target in {placeName(session.place)}</h2>
      <div className="filters" role="group" aria-label="What to rank">
        <label>
          Theme
          <select value={themeId} onChange={(e) => set({ theme: e.target.value as TargetSettings['theme'] })} data-testid="target-theme">
            {THEMES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Areas
          <select value={level} onChange={(e) => set({ level: e.target.value as TargetSettings['level'] })} data-testid="target-level">
            <option value="ward">{LEVELS.ward.choice}</option>
            {session.localities.length > 0 && <option value="locality">Localities</option>}
            <option value="lsoa">Small areas</option>
          </select>
        </label>
      </div>
      <p className="hint">{theme.description}</p>
      {state.status === 'loading' && (
        <p role="status" data-testid="target-status">
          {shown ? 'Updating the ranking' : 'Scoring the areas and testing for hot spots'}… {fraction > 0 ? `${Math.round(fraction * 100)}%` : ''}
        </p>
      )}
      {(state.status === 'idle' || key === null) && <p role="status">Waiting for the loaded data…</p>}
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {shown && (
        <>
          <TargetTable rows={shown.rows} level={level} themeLabel={theme.label} evidence={shown.evidence} onOpen={(code) => dispatch({ type: 'openProfile', code, from: 'target' })} />
          <TableDownloads table={exportTable} disabled={!result} name="the where-to-target ranking" testId="target-export" />
          <p className="method-sentence" data-testid="target-method">
            {method} {SOURCES}
          </p>
          {shown.lsoaScores.notes.length > 0 && (
            <details>
              <summary>Notes on the {theme.label.toLowerCase()} scores</summary>
              {shown.lsoaScores.notes.map((n) => (
                <p key={n} className="note">
                  {n}
                </p>
              ))}
            </details>
          )}
        </>
      )}
      {overlay &&
        legend &&
        createPortal(
          <div className="section-key legend" data-testid="target-legend">
            {legend.sample && <p className="sample-banner">{SAMPLE_LABEL}</p>}
            <p className="legend-title">
              <strong>{theme.label} need</strong> ({LEVELS[level].plural}, ranked)
            </p>
            <LegendClasses classes={legend.classes} />
          </div>,
          overlay,
        )}
    </section>
  );
}
