import { useEffect, useState } from 'react';
import type { Database } from '../../db/database.ts';
import type { ViewState } from '../../app/viewState.ts';
import { themeInputs } from '../../db/queries/themeInputs.ts';
import { areaNames } from '../../db/queries/places.ts';
import { valuesForPlace } from '../../db/queries/valuesForPlace.ts';
import { indicatorCatalogue, type Indicator } from '../../db/queries/indicatorCatalogue.ts';
import { THEMES, type ThemeDefinition, type ThemeId } from '../../analysis/themes/definitions.ts';
import { themeScores } from '../../analysis/themes/themeScores.ts';
import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { BOUNDARY_URLS } from '../../map/mapStyle.ts';
import { hotspotClient } from '../../workers/hotspotClient.ts';
import type { HotspotTimings } from '../../workers/hotspotProtocol.ts';
import { exposeTiming, hooks } from '../../app/testHooks.ts';
import { attachDrivers } from '../../analysis/hotspots/attachDrivers.ts';

/**
 * With 999 permutations the smallest possible p is 0.002, and after the false
 * discovery rate correction no area of the five authorities could ever reach
 * 99 %; 9,999 make it reachable and take about a second for a few thousand areas.
 */
const MANY_PERMUTATIONS_UP_TO = 5000;

export type HotspotState =
  | { status: 'working'; step: string; fraction: number }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      run: HotspotRun;
      /** What was tested: a theme (with its scores and breakdowns) or one measure. */
      theme: ThemeDefinition | null;
      scores: ThemeScores | null;
      indicator: Indicator | null;
      key: string;
      ms: HotspotTimings & { inputs: number };
    };

export const themeOf = (id: string): ThemeDefinition | null => THEMES.find((t) => t.id === (id as ThemeId)) ?? null;

/**
 * Read the values (a theme's blend, or one measure), then test them for hot
 * and cold spots in the hotspot worker. Re-runs when the place, level, what
 * is tested, the statistic, FDR, the weights or the imported data change.
 */
export function useHotspotRun(
  db: Database,
  england: Promise<void>,
  view: ViewState,
  weights: Readonly<Record<string, number>>,
  dataVersion: number,
  /** False until built-in police records and saved datasets are in the database. */
  evidenceReady: boolean,
): HotspotState {
  const [state, setState] = useState<HotspotState>({ status: 'working', step: 'Reading the values', fraction: 0 });
  const { place, level, hotspot, statistic, fdr } = view;
  const weightsKey = JSON.stringify(weights);
  useEffect(() => {
    if (!evidenceReady) return;
    let live = true;
    const key = `${place}|${level}|${hotspot}|${statistic}|${fdr}|${weightsKey}|${dataVersion}`;
    setState({ status: 'working', step: 'Reading the values', fraction: 0 });
    (async () => {
      const t0 = performance.now();
      if (place === 'england') await england;
      const theme = themeOf(hotspot);
      let codes: string[];
      let names: string[];
      let values: (number | null)[];
      let scores: ThemeScores | null = null;
      let indicator: Indicator | null = null;
      if (theme) {
        const inputs = await themeInputs(db, { place, level, components: theme.components });
        scores = themeScores(theme, inputs, JSON.parse(weightsKey) as Record<string, number>);
        codes = inputs.codes;
        names = inputs.names;
        values = scores.scores;
      } else {
        indicator = (await indicatorCatalogue(db)).find((i) => i.code === hotspot) ?? null;
        if (!indicator) throw new Error(`There is no measure called “${hotspot}”.`);
        if (indicator.aggregation === 'none' && level === 'ward') throw new Error(`${indicator.label} is a rank, which cannot be combined into wards. Choose small areas.`);
        const [rows, areaRows] = await Promise.all([valuesForPlace(db, indicator, place, level), areaNames(db, place, level)]);
        const nameOf = new Map(areaRows.map((a) => [a.code, a.name]));
        codes = rows.map((r) => r.code);
        names = codes.map((c) => nameOf.get(c) ?? c);
        values = rows.map((r) => r.value);
      }
      const tInputs = performance.now() - t0;
      if (!live) return;
      setState({ status: 'working', step: 'Finding neighbours and testing', fraction: 0 });
      const set = place === 'england' ? 'england' : 'five';
      const { run: bare, ms } = await hotspotClient().hotspots(
        {
          boundaryUrl: new URL(BOUNDARY_URLS[set][level], document.baseURI).href,
          codes,
          names,
          values,
          statistic,
          fdr,
          // Enough permutations that 99 % confidence can survive the false discovery rate correction
          // where that is affordable; England's 33,755 areas keep the default 999 (the 2 s budget).
          permutations: codes.length <= MANY_PERMUTATIONS_UP_TO ? 9999 : 999,
          areaNoun: level === 'ward' ? 'ward' : 'small area',
        },
        (fraction) => live && setState({ status: 'working', step: `Testing with ${codes.length <= MANY_PERMUTATIONS_UP_TO ? '9,999' : '999'} random permutations`, fraction }),
      );
      if (!live) return;
      const run = scores ? attachDrivers(bare, scores) : bare;
      hooks().hotspotRuns = [...(hooks().hotspotRuns ?? []), { key, ...ms, inputs: tInputs }];
      exposeTiming('hotspotsReady');
      setState({ status: 'ready', run, theme, scores, indicator, key, ms: { inputs: tInputs, ...ms } });
    })().catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [db, england, place, level, hotspot, statistic, fdr, weightsKey, dataVersion, evidenceReady]);
  return state;
}
