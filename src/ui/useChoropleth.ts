import { useLayoutEffect, useState } from 'react';
import type { DatabaseState } from '../session/useDatabase.ts';
import type { ViewState } from '../app/viewState.ts';
import { buildChoropleth, decileBasis, type ChoroplethModel } from '../analysis/choropleth.ts';
import { nationalDecileThresholds, valuesForPlace } from '../db/queries/valuesForPlace.ts';
import { areaNames, type AreaName } from '../db/queries/places.ts';
import type { Database } from '../db/database.ts';
import type { Indicator } from '../db/queries/indicatorCatalogue.ts';
import { hooks } from './testHooks.ts';

export type ChoroplethState =
  | { status: 'waiting' }
  | { status: 'error'; message: string }
  | { status: 'ready'; model: ChoroplethModel; view: ViewState };

const thresholdCache = new WeakMap<Database, Map<string, Promise<number[] | null>>>();
const nameCache = new WeakMap<Database, Map<string, Promise<Map<string, AreaName>>>>();

/** Area names per place and level: they do not change when the measure does, so ask once. */
function names(db: Database, place: string, level: 'lsoa' | 'ward'): Promise<Map<string, AreaName>> {
  let perDb = nameCache.get(db);
  if (!perDb) nameCache.set(db, (perDb = new Map()));
  const key = `${place}|${level}`;
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

/** Query and classify the current indicator for the current place and level. */
export function useChoropleth(dbState: DatabaseState, view: ViewState): ChoroplethState {
  const [state, setState] = useState<ChoroplethState>({ status: 'waiting' });
  const { indicator: indicatorCode, place, level, method } = view;
  // A layout effect starts the query in the same task as the change, not after the next paint.
  useLayoutEffect(() => {
    if (dbState.status !== 'ready') return;
    const indicator = dbState.catalogue.find((i) => i.code === indicatorCode);
    if (!indicator) {
      setState({ status: 'error', message: `There is no measure called “${indicatorCode}”. Choose one from the list.` });
      return;
    }
    let live = true;
    const t0 = performance.now();
    (async () => {
      const needsNational = method === 'deciles' && decileBasis(indicator, level).kind === 'thresholds';
      // England-wide questions wait for the rest of England's rows (loaded in the background).
      if (place === 'england' || needsNational) await dbState.england;
      const [rows, areaNamesMap, national] = await Promise.all([
        valuesForPlace(dbState.db, indicator, place, level),
        names(dbState.db, place, level),
        needsNational ? thresholds(dbState.db, indicator) : null,
      ]);
      const tQuery = performance.now() - t0;
      const model = buildChoropleth(indicator, rows, areaNamesMap, method, national, level);
      hooks().stages.push({ query: tQuery, model: performance.now() - t0 - tQuery });
      if (live) setState({ status: 'ready', model, view: { ...view } });
    })().catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
    // view.area deliberately not a dependency: selecting an area must not re-query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbState, indicatorCode, place, level, method]);
  return state;
}
