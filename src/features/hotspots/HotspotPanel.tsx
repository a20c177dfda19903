import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import type { ViewState } from '../../app/viewState.ts';
import type { EvidenceState } from '../../session/useEvidence.ts';
import type { MapLayerRequest } from '../../app/App.tsx';
import { THEMES, defaultWeights } from '../../analysis/themes/definitions.ts';
import { hotspotCsv } from '../../analysis/hotspots/exportCsv.ts';
import { downloadText } from '../../ui/download.ts';
import { indicatorCatalogue, type Indicator } from '../../db/queries/indicatorCatalogue.ts';
import { useHotspotRun, themeOf } from './useHotspotRun.ts';
import { hotspotColours, hotspotLegend } from './hotspotColours.ts';
import { WeightControls } from './WeightControls.tsx';
import { HotspotList } from './HotspotList.tsx';
import { MethodNotePanel } from './MethodNotePanel.tsx';
import { EmergingSection } from './EmergingSection.tsx';
import { AreaBreakdown } from './AreaBreakdown.tsx';
import { IndicatorOptions } from '../controls/IndicatorOptions.tsx';
import { placeName } from '../../geo/places.ts';
import type { PointLayerData } from '../../map/PointOverlay.ts';

export interface HotspotPanelProps {
  db: Database;
  england: Promise<void>;
  evidence: EvidenceState;
  view: ViewState;
  onChange(patch: Partial<ViewState>): void;
  onColours(colours: MapLayerRequest | null): void;
  /** Points over the map (street-rep sites in the trend view). */
  onPoints?(points: PointLayerData | null): void;
  onSelect(code: string): void;
}

/** Hot and cold spots for a theme or one measure, with the method, the list, the export and the trend view. */
export function HotspotPanel({ db, england, evidence, view, onChange, onColours, onPoints, onSelect }: HotspotPanelProps) {
  const [mode, setMode] = useState<'now' | 'emerging'>('now');
  const theme = themeOf(view.hotspot);
  const [weightsByTheme, setWeightsByTheme] = useState<Record<string, Record<string, number>>>({});
  const weights = useMemo(() => (theme ? (weightsByTheme[theme.id] ?? defaultWeights(theme)) : {}), [theme, weightsByTheme]);
  const state = useHotspotRun(db, england, view, weights, evidence.version, evidence.restored && evidence.crimesReady);
  const [catalogue, setCatalogue] = useState<Indicator[]>([]);
  useEffect(() => void indicatorCatalogue(db).then(setCatalogue), [db]);
  const overlay = useMapOverlay();

  const run = state.status === 'ready' ? state.run : null;
  // Colours only with their key: none while a run is under way or failed (the emerging view draws its own).
  useEffect(() => {
    if (mode !== 'now') return;
    onColours(state.status === 'ready' ? { colours: hotspotColours(state.run), key: state.key } : null);
  }, [state, mode, onColours]);
  const scores = state.status === 'error' ? null : (state.scores ?? null);

  const measureLabel = theme ? `${theme.label} theme score` : (state.status === 'ready' ? state.indicator?.label : null) ?? view.hotspot;
  const exportCsv = () => {
    if (state.status !== 'ready') return;
    const csv = hotspotCsv(state.run, {
      measure: measureLabel,
      neighbours: 'queen contiguity (touching boundaries or corners), binary',
      themeWeights: state.scores?.components.map((c) => ({ shortLabel: c.shortLabel, weight: c.weight })),
      generatedAt: new Date(),
    });
    downloadText(`hotspots-${view.hotspot}-${view.place}-${view.level}.csv`, csv);
  };

  return (
    <section className="hotspots" aria-labelledby="hotspots-heading" data-testid="hotspot-panel">
      <h2 id="hotspots-heading">Hotspots in {placeName(view.place)}</h2>
      <div className="buttons" role="group" aria-label="View">
        <button type="button" aria-pressed={mode === 'now'} onClick={() => setMode('now')}>
          Hotspots now
        </button>
        <button type="button" aria-pressed={mode === 'emerging'} onClick={() => setMode('emerging')} data-testid="emerging-mode">
          Getting hotter or cooler? (monthly trend)
        </button>
      </div>
      {mode === 'now' && (
        <>
          <div className="filters" role="group" aria-label="What to test">
            <label>
              Test
              <select value={view.hotspot} onChange={(e) => onChange({ hotspot: e.target.value })} data-testid="hotspot-measure">
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
              <select value={view.statistic} onChange={(e) => onChange({ statistic: e.target.value as ViewState['statistic'] })} data-testid="hotspot-statistic">
                <option value="gi-star">Hot and cold spots (Getis–Ord Gi*)</option>
                <option value="local-moran">Clusters and outliers (local Moran’s I)</option>
              </select>
            </label>
            <label className="check">
              <span>
                <input type="checkbox" checked={view.fdr} onChange={(e) => onChange({ fdr: e.target.checked })} data-testid="hotspot-fdr" /> Allow for
                testing many areas at once (false discovery rate)
              </span>
            </label>
          </div>
          {theme && <p className="hint">{theme.description}</p>}
        </>
      )}
      {mode === 'emerging' && <EmergingSection db={db} view={view} evidence={evidence} onColours={onColours} onPoints={onPoints} />}
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
          onChange={(w) => setWeightsByTheme((all) => ({ ...all, [theme.id]: w }))}
        />
      )}
      {mode === 'now' && run && state.status === 'ready' && (
        <>
          {[...(state.scores?.notes ?? []), ...run.notes].map((n) => (
            <p key={n} className="note" data-testid="hotspot-note">
              {n}
            </p>
          ))}
          {view.area && (
            <AreaBreakdown
              code={view.area}
              scores={state.scores}
              run={run}
              onOpenProfile={() => onChange({ tab: 'areas' })}
              onClose={() => onChange({ area: null })}
            />
          )}
          <HotspotList run={run} onSelect={onSelect} level={view.level} />
          <p>
            <button type="button" onClick={exportCsv} data-testid="hotspot-export">
              Download these results (CSV)
            </button>
          </p>
          <MethodNotePanel run={run} isTheme={theme !== null} level={view.level} />
          <p className="fine-print" data-testid="hotspot-timing">
            Values read in {Math.round(state.ms.inputs)} ms; neighbours in {Math.round(state.ms.weights)} ms; statistics and {run.permutations} permutations in{' '}
            {Math.round(state.ms.statistics)} ms (in a background worker).
          </p>
        </>
      )}
      {overlay &&
        mode === 'now' &&
        run &&
        createPortal(
          <div className="section-key legend" data-testid="hotspot-legend">
            <p className="legend-title">
              <strong>{measureLabel}</strong>
            </p>
            <ul className="legend-classes">
              {hotspotLegend(run).map((r) => (
                <li key={r.key}>
                  <span className="swatch" style={{ background: r.colour }} />
                  <span>{r.label}</span>
                  <span className="legend-count">{r.count.toLocaleString('en-GB')}</span>
                </li>
              ))}
            </ul>
            <p className="method-sentence" data-testid="method-sentence">
              {run.methodSentence}
            </p>
          </div>,
          overlay,
        )}
    </section>
  );
}
