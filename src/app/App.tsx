import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useViewState } from './useViewState.ts';
import { useDatabase } from '../session/useDatabase.ts';
import { useChoropleth } from '../ui/useChoropleth.ts';
import { placeName } from '../geo/places.ts';
import { rankedRow } from '../analysis/choropleth.ts';
import { wardsInView } from '../db/queries/wardLabels.ts';
import { exposeTiming } from '../ui/testHooks.ts';
import { ViewControls } from '../features/controls/ViewControls.tsx';
import { MapPanel } from '../features/map/MapPanel.tsx';
import { MapKey } from '../features/map/MapKey.tsx';
import { HoverCard } from '../features/map/HoverCard.tsx';
import { PostcodeSearch } from '../features/map/PostcodeSearch.tsx';
import type { PostcodeEntry } from '../ingest/postcodeTable.ts';
import { RankedTable } from '../features/table/RankedTable.tsx';
import { Tabs } from './Tabs.tsx';
import { useEvidence } from '../session/useEvidence.ts';
import { useImports } from '../session/useImports.ts';
import type { Tab } from './viewState.ts';
import { MapOverlayContext } from '../ui/mapOverlay.ts';
import { useSectionLayer } from './useSectionLayer.ts';

/** Colours and points a section other than the official statistics puts on the map. */
export interface MapLayerRequest {
  colours: ReadonlyMap<string, string>;
  key: string;
}
const NO_COLOURS: ReadonlyMap<string, string> = new Map();

// The profile (and its D3 chart) is needed only once the database is up: load it then.
const AreaProfile = lazy(() => import('../features/profile/AreaProfile.tsx').then((m) => ({ default: m.AreaProfile })));
// Each section's panel loads when first opened (the file readers alone are larger than the map).
const DataPanel = lazy(() => import('../features/data/DataPanel.tsx').then((m) => ({ default: m.DataPanel })));
const ImportDialog = lazy(() => import('../features/data/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const SurveyPanel = lazy(() => import('../features/survey/SurveyPanel.tsx').then((m) => ({ default: m.SurveyPanel })));
const StreetRepPanel = lazy(() => import('../features/streetReps/StreetRepPanel.tsx').then((m) => ({ default: m.StreetRepPanel })));
const CrimePanel = lazy(() => import('../features/crime/CrimePanel.tsx').then((m) => ({ default: m.CrimePanel })));
const HotspotPanel = lazy(() => import('../features/hotspots/HotspotPanel.tsx').then((m) => ({ default: m.HotspotPanel })));

export function App() {
  const [view, setView] = useViewState();
  const dbState = useDatabase();
  const choropleth = useChoropleth(dbState, view);
  const [hovered, setHoveredCode] = useState<string | null>(null);
  // Where the pointer is over the map; null when hovering from the table.
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const setHovered = useCallback((code: string | null, point?: { x: number; y: number }) => {
    setHoveredCode(code);
    setPointer(point ?? null);
  }, []);
  const [mapStatus, setMapStatus] = useState<string | null>(null);
  const [officialWards, setOfficialWards] = useState(false);
  const evidence = useEvidence(dbState);
  const imports = useImports(evidence);
  const tab = view.tab;
  const setTab = useCallback((t: Tab) => setView({ tab: t }), [setView]);
  const { layer, onMapColours, onMapPoints, overlay, setOverlay, pickedPoint, onPickPoint } = useSectionLayer(tab);
  // Sections that count police records ask for the built-in ones when first opened.
  const { needCrimes } = evidence;
  useEffect(() => {
    if (tab === 'crime' || tab === 'hotspots') needCrimes();
  }, [tab, needCrimes]);
  const { openFiles } = imports;
  // A file dropped anywhere on the page opens the import step in "Your data".
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) {
        setView({ tab: 'data' });
        openFiles(files);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles, setView]);

  const onSelect = useCallback((code: string | null) => setView({ area: code }), [setView]);
  // Chosen in the table or the profile: also bring it into view on the map.
  const [showArea, setShowArea] = useState<{ code: string; request: number } | null>(null);
  const onSelectFromList = useCallback(
    (code: string | null) => {
      // A ward code (E05…) shows wards, a small-area code (E01…) small areas.
      const level = code?.startsWith('E05') ? 'ward' : code?.startsWith('E01') ? 'lsoa' : undefined;
      setView(level ? { area: code, level } : { area: code });
      if (code) setShowArea((old) => ({ code, request: (old?.request ?? 0) + 1 }));
    },
    [setView],
  );
  const englandWardLabels = useMemo(() => {
    if (dbState.status !== 'ready') return undefined;
    return async (bounds: readonly number[]) => {
      await dbState.england;
      const rows = await wardsInView(dbState.db, bounds, 150);
      return rows.map((r) => ({ code: r.code, name: r.name, at: [r.lon, r.lat], priority: r.population ?? 0 }));
    };
  }, [dbState]);
  const model = choropleth.status === 'ready' ? choropleth.model : null;
  // A postcode opens its small area; a view of one other authority widens to all five first.
  const onPostcode = useCallback(
    ({ lsoa_code }: PostcodeEntry) => {
      const shown = view.place === 'five' || view.place === 'england' || (view.level === 'lsoa' && model?.sorted.some((r) => r.code === lsoa_code));
      if (!shown) setView({ place: 'five' });
      onSelectFromList(lsoa_code);
    },
    [view.place, view.level, model, setView, onSelectFromList],
  );
  const current = choropleth.status === 'ready' && choropleth.view.place === view.place && choropleth.view.level === view.level;

  useEffect(() => {
    if (current) exposeTiming('panelsLive');
  }, [current]);

  const areaColoursKey = model ? `${view.place}|${view.level}|${model.indicator.code}|${view.method}` : 'first-paint';
  const sectionLayer = layer.tab === tab ? layer : null;
  const mapColours = tab === 'areas' ? (current && model ? model.colours : null) : (sectionLayer?.colours?.colours ?? NO_COLOURS);
  const coloursKey = tab === 'areas' ? areaColoursKey : `${tab}|${sectionLayer?.colours?.key ?? 'none'}`;
  const levelWord = view.level === 'lsoa' ? 'small areas' : 'wards';
  const order = model?.indicator.higher_is_worse === null ? 'highest first' : 'worst first';
  const caption = model ? `${model.indicator.label}: ${levelWord} in ${placeName(view.place)}, ${order}` : '';
  const status =
    dbState.status === 'error'
      ? `The data engine could not start: ${dbState.message}`
      : choropleth.status === 'error'
        ? choropleth.message
        : (mapStatus ?? (dbState.status === 'loading' ? 'Map ready. Loading the data engine for the other measures and the area profiles…' : null));

  const tooltipRow = useMemo(() => {
    if (!model || !hovered) return null;
    const index = model.sorted.findIndex((r) => r.code === hovered);
    return index < 0 ? null : rankedRow(model, index);
  }, [model, hovered]);

  return (
    <MapOverlayContext.Provider value={overlay}>
    <div className="app">
      <header className="top">
        <div className="brand">
          <h1>Ward Insight</h1>
          <p>Where problems concentrate in wards and small areas — official statistics, in plain English.</p>
        </div>
        <ViewControls
          view={view}
          catalogue={dbState.status === 'ready' ? dbState.catalogue : null}
          onChange={setView}
          showOfficialWards={officialWards}
          onToggleOfficialWards={setOfficialWards}
        />
      </header>
      <Tabs tab={tab} onChange={setTab} />
      <main className="layout">
        <div className="map-column">
          <MapPanel
            place={view.place}
            level={view.level}
            colours={mapColours}
            coloursKey={coloursKey}
            hovered={hovered}
            selected={view.area}
            officialWards={officialWards}
            showArea={showArea}
            onHover={setHovered}
            onSelect={onSelect}
            onStatus={setMapStatus}
            englandWardLabels={englandWardLabels}
            points={sectionLayer?.points ?? null}
            onPickPoint={onPickPoint}
          />
          {tab === 'areas' && <MapKey model={current ? model : null} view={view} officialWards={officialWards} />}
          {tab === 'areas' && <PostcodeSearch onFound={onPostcode} />}
          {tab === 'areas' && tooltipRow && pointer && model && <HoverCard row={tooltipRow} unit={model.indicator.unit} edition={model.indicator.edition} at={pointer} />}
          <div ref={setOverlay} className="map-overlay" />
          <p className="status" role="status" aria-live="polite" data-testid="status">
            {status}
          </p>
        </div>
        <aside className="side" id="side-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {imports.file && (
            // A modal over the whole page (a portal into <body>), whatever the tab: a file dropped on
            // any tab opens it, and an import under way always finishes in its dialog.
            <Suspense fallback={<p className="placeholder">Loading…</p>}>
              <ImportDialog
                key={imports.dialogKey}
                file={imports.file}
                others={imports.waiting}
                client={imports.client}
                onImported={imports.onImported}
                onImportOthers={(choices) => void imports.importRest(choices)}
                onClose={imports.closeFile}
              />
            </Suspense>
          )}
          {tab === 'data' && (
            <Suspense fallback={<p className="placeholder">Loading…</p>}>
              <DataPanel
                evidence={evidence}
                onFiles={imports.openFiles}
                onSample={() => void imports.loadSample()}
                busy={imports.busy}
                message={imports.message}
                batch={imports.batch}
              />
            </Suspense>
          )}
          {tab !== 'areas' && tab !== 'data' && dbState.status !== 'ready' && <p className="placeholder">Starting the data engine…</p>}
          {tab !== 'areas' && tab !== 'data' && dbState.status === 'ready' && (
            <Suspense fallback={<p className="placeholder">Loading…</p>}>
              {tab === 'survey' && <SurveyPanel db={dbState.db} evidence={evidence} view={view} onPoints={onMapPoints} onOpenData={() => setTab('data')} />}
              {tab === 'street-reps' && (
                <StreetRepPanel db={dbState.db} evidence={evidence} view={view} onPoints={onMapPoints} picked={pickedPoint?.kind === 'sites' ? pickedPoint.id : null} onOpenData={() => setTab('data')} />
              )}
              {tab === 'crime' && <CrimePanel db={dbState.db} evidence={evidence} view={view} onPoints={onMapPoints} onColours={onMapColours} />}
              {tab === 'hotspots' && (
                <HotspotPanel db={dbState.db} england={dbState.england} evidence={evidence} view={view} onChange={setView} onColours={onMapColours} onSelect={onSelectFromList} onPoints={onMapPoints} />
              )}
            </Suspense>
          )}
          {tab === 'areas' && view.area && dbState.status === 'ready' && (
            <Suspense fallback={<p className="placeholder">Loading the profile…</p>}>
              <AreaProfile
                db={dbState.db}
                england={dbState.england}
                code={view.area}
                dataVersion={evidence.version}
                onClose={() => setView({ area: null })}
                onSelect={onSelectFromList}
              />
            </Suspense>
          )}
          {tab === 'areas' && model && current && (
            <RankedTable
              model={model}
              level={view.level}
              caption={caption}
              hovered={hovered}
              selected={view.area}
              onHover={setHovered}
              onSelect={onSelectFromList}
            />
          )}
          {tab === 'areas' && !model && <p className="placeholder">The ranked table appears when the data engine is ready.</p>}
        </aside>
      </main>
    </div>
    </MapOverlayContext.Provider>
  );
}
