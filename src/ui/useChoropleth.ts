import { createContext, useContext, useLayoutEffect, useState } from 'react';
import type { DatabaseState } from '../session/useDatabase.ts';
import type { Session } from '../session/document.ts';
import { indicatorFillKey } from '../session/layers.ts';
import { buildChoropleth, decileBasis, type ChoroplethModel } from '../analysis/choropleth.ts';
import { nationalDecileThresholds, valuesForPlace } from '../db/queries/valuesForPlace.ts';
import { areaNames, type AreaName } from '../db/queries/places.ts';
import type { Database } from '../db/database.ts';
import type { Indicator } from '../db/queries/indicatorCatalogue.ts';
import type { MapLevel } from '../geo/levels.ts';
import { hooks } from './testHooks.ts';

export type ChoroplethState =
  | { status: 'waiting' }
  | { status: 'error'; message: string }
  /** `key` is the layer-spec key (session/layers.ts indicatorFillKey) the model answers. */
  | { status: 'ready'; model: ChoroplethModel; key: string; level: MapLevel };

const thresholdCache = new WeakMap<Database, Map<string, Promise<number[] | null>>>();
const nameCache = new WeakMap<Database, Map<string, Promise<Map<string, AreaName>>>>();

/** Area names per place and level (and localities): they do not change when the measure does, so ask once. */
function names(db: Database, place: string, level: MapLevel, localities: string): Promise<Map<string, AreaName>> {
  let perDb = nameCache.get(db);
  if (!perDb) nameCache.set(db, (perDb = new Map()));
  const key = `${place}|${level}|${level === 'locality' ? localities : ''}`;
  let n = perDb.get(key);
  if (!n) perDb.set(key, (n = areaNames(db, place, level).then((rows) => new Map(rows.map((r) => [r.code, r])))));
  return n;
}

function thresholds(db: Database, indicator: Indicator): Promise<number[] | null> {
  let perDb = thresholdCache.get(db);
  if (!perDb) thresholdCache.set(db, (perDb = new Map()));
  let t = perDb.get(indicator.code);
  if (!t) perDb.set(indicator.code, (t = nationalDecileThresholds(db, indicator)));
  return t;
}

/**
 * Query and classify the view's measure for its place and level. `synced` is
 * the localities key now in the database (null until synced): a locality view
 * waits for it, so it never reads an older set of localities.
 */
export function useChoropleth(dbState: DatabaseState, session: Session, synced: string | null): ChoroplethState {
  const [state, setState] = useState<ChoroplethState>({ status: 'waiting' });
  const { indicator: indicatorCode, place, level, method } = session;
  const key = indicatorFillKey(session);
  // Only a locality view reads the synced localities (a sync must not re-query small areas or wards).
  const localitiesRead = level === 'locality' ? synced : 'not read';
  // A layout effect starts the query in the same task as the change, not after the next paint.
  useLayoutEffect(() => {
    if (dbState.status !== 'ready') return;
    if (localitiesRead === null) return;
    const indicator = dbState.catalogue.find((i) => i.code === indicatorCode);
    if (!indicator) {
      setState({ status: 'error', message: `There is no measure called “${indicatorCode}”. Choose one from the list.` });
      return;
    }
    let live = true;
    const t0 = performance.now();
    (async () => {
      // A locality is placed among England's small-area deciles by its population-weighted value, as a ward is.
      const asArea = level === 'locality' ? 'ward' : level;
      const needsNational = method === 'deciles' && decileBasis(indicator, asArea).kind === 'thresholds';
      // England-wide questions wait for the rest of England's rows (loaded in the background).
      if (place === 'england' || needsNational) await dbState.england;
      const [rows, areaNamesMap, national] = await Promise.all([
        valuesForPlace(dbState.db, indicator, place, level),
        names(dbState.db, place, level, synced ?? ''),
        needsNational ? thresholds(dbState.db, indicator) : null,
      ]);
      const tQuery = performance.now() - t0;
      const model = buildChoropleth(indicator, rows, areaNamesMap, method, national, asArea);
      hooks().stages.push({ query: tQuery, model: performance.now() - t0 - tQuery });
      if (live) setState({ status: 'ready', model, key, level });
    })().catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
    // The key covers everything the query reads except the database and the sync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbState, key, localitiesRead]);
  return state;
}

/** The choropleth of the view, for the map's key, the ranked table and the hover card. */
export const ChoroplethContext = createContext<ChoroplethState>({ status: 'waiting' });
export const useChoroplethState = (): ChoroplethState => useContext(ChoroplethContext);
/** The model when it answers the view's current key, else null. */
export function useCurrentChoropleth(key: string): ChoroplethModel | null {
  const s = useChoroplethState();
  return s.status === 'ready' && s.key === key ? s.model : null;
}
