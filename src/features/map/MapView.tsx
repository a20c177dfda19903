import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useDatabaseState, useReadyDatabase } from '../../session/handles.tsx';
import { layerSpecOf } from '../../session/layers.ts';
import { useLayerData } from '../../ui/layerData.tsx';
import { useCurrentChoropleth, useChoroplethState } from '../../ui/useChoropleth.ts';
import { useHover } from '../../ui/hover.tsx';
import { useMapPickRef } from '../../ui/mapPick.tsx';
import { exposeTiming } from '../../ui/testHooks.ts';
import { rankedRow } from '../../analysis/choropleth.ts';
import { wardsInView } from '../../db/queries/wardLabels.ts';
import type { PostcodeEntry } from '../../ingest/postcodeTable.ts';
import type { PointLayerData } from '../../map/PointOverlay.ts';
import { MapPanel } from './MapPanel.tsx';
import { MapKey } from './MapKey.tsx';
import { HoverCard } from './HoverCard.tsx';
import { PostcodeSearch } from './PostcodeSearch.tsx';
import { BasemapSetting } from './BasemapSetting.tsx';
import { indicatorLegend } from './indicatorLegend.ts';
import { useViewDrawing } from './useViewDrawing.ts';

/** The map drawn from the view's layer spec, with its key, hover card, postcode box and status line. */
export function MapView() {
  const session = useSession();
  const dispatch = useDispatch();
  const spec = useMemo(() => layerSpecOf(session), [session]);
  const database = useDatabaseState();
  const ready = useReadyDatabase();
  const choropleth = useChoroplethState();
  const model = useCurrentChoropleth(spec.fill.key);
  const published = useLayerData(spec.fill.key);
  const pointsData = useLayerData(spec.points.key);
  const points = pointsData?.points ?? null;
  const hover = useHover();
  const pick = useMapPickRef();
  const [mapStatus, setMapStatus] = useState<string | null>(null);
  const indicatorFill = spec.fill.source === 'indicator';
  // Nothing to draw until the data for exactly this spec has arrived (null keeps the first paint).
  const colours = indicatorFill ? (model?.colours ?? null) : (published?.colours ?? EMPTY);

  useEffect(() => {
    if (indicatorFill && model) exposeTiming('panelsLive');
  }, [indicatorFill, model]);
  // The indicator key as data: the key on screen and every export draw this one.
  const { place, level, officialWards } = session;
  const indicatorKey = useMemo(() => (indicatorFill ? indicatorLegend(model, { place, level, officialWards }) : null), [indicatorFill, model, place, level, officialWards]);
  // What the view draws, for the image export, print and the evidence pack (export/viewImage.ts).
  useViewDrawing(spec, indicatorFill ? (model ? indicatorKey : null) : undefined, published, pointsData, model);

  const onSelect = useCallback(
    (code: string | null, drawn: string | null) => {
      // A section picking areas (a locality's wards) takes the boundary clicked.
      if (drawn && pick.current) pick.current(drawn);
      else dispatch({ type: 'select', code });
    },
    [dispatch, pick],
  );
  const onPickPoint = useCallback(
    (kind: PointLayerData['kind'], id: string) => {
      if (kind === 'sites') dispatch({ type: 'setStreetReps', patch: { site: id } });
    },
    [dispatch],
  );
  const englandWardLabels = useMemo(() => {
    if (!ready) return undefined;
    return async (bounds: readonly number[]) => {
      await ready.england;
      const rows = await wardsInView(ready.db, bounds, 150);
      return rows.map((r) => ({ code: r.code, name: r.name, at: [r.lon, r.lat], priority: r.population ?? 0 }));
    };
  }, [ready]);
  // A postcode opens its small area; a view of one other authority widens to all five first.
  const onPostcode = useCallback(
    ({ lsoa_code }: PostcodeEntry) => {
      const shown = session.place === 'five' || session.place === 'england' || (session.level === 'lsoa' && model?.sorted.some((r) => r.code === lsoa_code));
      if (!shown) dispatch({ type: 'setPlace', place: 'five' });
      dispatch({ type: 'select', code: lsoa_code });
    },
    [session.place, session.level, model, dispatch],
  );
  const tooltipRow = useMemo(() => {
    if (!model || !hover.code) return null;
    const index = model.sorted.findIndex((r) => r.code === hover.code);
    return index < 0 ? null : rankedRow(model, index);
  }, [model, hover.code]);

  const status =
    database.status === 'error'
      ? `The data engine could not start: ${database.message}`
      : indicatorFill && choropleth.status === 'error'
        ? choropleth.message
        : (mapStatus ?? (database.status === 'loading' ? 'Map ready. Loading the data engine for the other measures and the area profiles…' : null));

  return (
    <>
      <MapPanel
        spec={spec}
        colours={colours}
        points={points}
        hovered={hover.code}
        events={{ onHover: hover.set, onSelect, onStatus: setMapStatus, onPickPoint }}
        englandWardLabels={englandWardLabels}
      />
      {indicatorKey && <MapKey legend={indicatorKey} />}
      {session.tab === 'areas' && <PostcodeSearch onFound={onPostcode} />}
      <BasemapSetting />
      {indicatorFill && tooltipRow && hover.pointer && model && (
        <HoverCard row={tooltipRow} unit={model.indicator.unit} edition={model.indicator.edition} at={hover.pointer} />
      )}
      <p className="status" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>
    </>
  );
}

const EMPTY: ReadonlyMap<string, string> = new Map();
