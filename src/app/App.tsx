import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useViewState } from './useViewState.ts';
import { useDatabase } from './useDatabase.ts';
import { useChoropleth } from './useChoropleth.ts';
import { placeName } from './places.ts';
import { rankedRow } from '../analysis/choropleth.ts';
import { wardsInView } from '../db/queries/wardLabels.ts';
import { exposeTiming } from './testHooks.ts';
import { ViewControls } from '../features/controls/ViewControls.tsx';
import { MapPanel } from '../features/map/MapPanel.tsx';
import { MapKey } from '../features/map/MapKey.tsx';
import { HoverCard } from '../features/map/HoverCard.tsx';
import { RankedTable } from '../features/table/RankedTable.tsx';

// The profile (and its D3 chart) is needed only once the database is up: load it then.
const AreaProfile = lazy(() => import('../features/profile/AreaProfile.tsx').then((m) => ({ default: m.AreaProfile })));

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
  const current = choropleth.status === 'ready' && choropleth.view.place === view.place && choropleth.view.level === view.level;

  useEffect(() => {
    if (current) exposeTiming('panelsLive');
  }, [current]);

  const coloursKey = model ? `${view.place}|${view.level}|${model.indicator.code}|${view.method}` : 'first-paint';
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
      <main className="layout">
        <div className="map-column">
          <MapPanel
            place={view.place}
            level={view.level}
            colours={current && model ? model.colours : null}
            coloursKey={coloursKey}
            hovered={hovered}
            selected={view.area}
            officialWards={officialWards}
            showArea={showArea}
            onHover={setHovered}
            onSelect={onSelect}
            onStatus={setMapStatus}
            englandWardLabels={englandWardLabels}
          />
          <MapKey model={current ? model : null} view={view} officialWards={officialWards} />
          {tooltipRow && pointer && model && <HoverCard row={tooltipRow} unit={model.indicator.unit} edition={model.indicator.edition} at={pointer} />}
          <p className="status" role="status" aria-live="polite" data-testid="status">
            {status}
          </p>
        </div>
        <aside className="side">
          {view.area && dbState.status === 'ready' && (
            <Suspense fallback={<p className="placeholder">Loading the profile…</p>}>
              <AreaProfile
                db={dbState.db}
                england={dbState.england}
                code={view.area}
                onClose={() => setView({ area: null })}
                onSelect={onSelectFromList}
              />
            </Suspense>
          )}
          {model && current && (
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
          {!model && <p className="placeholder">The ranked table appears when the data engine is ready.</p>}
        </aside>
      </main>
    </div>
  );
}
