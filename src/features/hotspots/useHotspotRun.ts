import { useEffect, useRef, useState } from 'react';
import type { Database } from '../../db/database.ts';
import type { AreaLevel } from '../../geo/levels.ts';
import type { HotspotStatistic } from '../../session/document.ts';
import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';
import type { ThemeDefinition } from '../../analysis/themes/definitions.ts';
import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { BOUNDARY_URLS } from '../../map/mapStyle.ts';
import { hotspotClient } from '../../workers/hotspotClient.ts';
import type { HotspotTimings } from '../../workers/hotspotProtocol.ts';
import { exposeTiming, hooks } from '../../ui/testHooks.ts';
import { attachDrivers } from '../../analysis/hotspots/attachDrivers.ts';
import { runDelay, valuesToTest, type LoadedValues, type ValuesToTest } from './hotspotValues.ts';
import { useHotspotInputs } from './useHotspotInputs.ts';

export { themeOf } from './useHotspotInputs.ts';

/**
 * With 999 permutations the smallest possible p is 0.002, and after the false
 * discovery rate correction no area of the five authorities could ever reach
 * 99 %; 9,999 make it reachable and take about a second for a few thousand areas.
 */
const MANY_PERMUTATIONS_UP_TO = 5000;

export type HotspotState =
  | {
      status: 'working';
      step: string;
      fraction: number;
      /** A theme's scores under the current weights, once known (so the weight sliders stay in place while testing). */
      scores?: ThemeScores | null;
    }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      run: HotspotRun;
      /** What was tested: a theme (with its scores and breakdowns) or one measure. */
      theme: ThemeDefinition | null;
      scores: ThemeScores | null;
      indicator: Indicator | null;
      key: string;
      /** The map layer key (session/layers.ts) this run answers: its colours are published only under it. */
      layerKey: string;
      ms: HotspotTimings & { inputs: number };
    };

const READING: HotspotState = { status: 'working', step: 'Reading the values', fraction: 0 };

/**
 * Test the values for hot and cold spots in the hotspot worker. The values
 * are read once per place, level, theme or measure and data version
 * (useHotspotInputs); a weight change only re-scores them and, 300 ms after
 * the last change, starts one new run. Results of superseded runs are ignored.
 */
export interface HotspotQuestion {
  place: string;
  level: AreaLevel;
  /** A theme id or a catalogue indicator code. */
  measure: string;
  statistic: HotspotStatistic;
  fdr: boolean;
}

export function useHotspotRun(
  db: Database,
  england: Promise<void>,
  question: HotspotQuestion,
  weights: Readonly<Record<string, number>>,
  dataVersion: number,
  /** False until built-in police records and saved datasets are in the database. */
  evidenceReady: boolean,
  /** The map layer key for this question (session/layers.ts fillOf), carried by the answer. */
  layerKey: string,
): HotspotState {
  const { place, level, measure, statistic, fdr } = question;
  const load = useHotspotInputs(db, england, place, level, measure, dataVersion, evidenceReady);
  const [current, setCurrent] = useState<{ loaded: LoadedValues; state: HotspotState } | null>(null);
  const previous = useRef<{ loaded: LoadedValues; test: string } | null>(null);
  const weightsKey = JSON.stringify(weights);

  useEffect(() => {
    if (load.status !== 'ready') return;
    const { loaded } = load;
    const test = `${statistic}|${fdr}`;
    const delay = runDelay(previous.current, { loaded, test });
    previous.current = { loaded, test };
    let live = true;
    const show = (state: HotspotState) => {
      if (live) setCurrent({ loaded, state });
    };
    const failed = (e: unknown) => show({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    const t0 = performance.now();
    let prepared: ValuesToTest;
    try {
      prepared = valuesToTest(loaded, JSON.parse(weightsKey) as Record<string, number>);
    } catch (e) {
      failed(e);
      return;
    }
    // Reading (once) plus scoring under these weights.
    const tInputs = loaded.ms + performance.now() - t0;
    show({ status: 'working', step: delay ? 'Updating the scores' : 'Finding neighbours and testing', fraction: 0, scores: prepared.scores });
    const timer = setTimeout(() => void testValues(loaded, prepared, tInputs, `${loaded.key}|${test}|${weightsKey}`).catch(failed), delay);

    async function testValues(l: LoadedValues, v: ValuesToTest, inputsMs: number, key: string): Promise<void> {
      const many = v.codes.length <= MANY_PERMUTATIONS_UP_TO;
      const step = `Testing with ${many ? '9,999' : '999'} random permutations`;
      show({ status: 'working', step: 'Finding neighbours and testing', fraction: 0, scores: v.scores });
      const { run: bare, ms } = await hotspotClient().hotspots(
        {
          boundaryUrl: new URL(BOUNDARY_URLS[l.place === 'england' ? 'england' : 'five'][l.level], document.baseURI).href,
          codes: v.codes,
          names: v.names,
          values: v.values,
          statistic,
          fdr,
          // Enough permutations that 99 % confidence can survive the false discovery rate correction
          // where that is affordable; England's 33,755 areas keep the default 999 (the 2 s budget).
          permutations: many ? 9999 : 999,
          areaNoun: l.level === 'ward' ? 'ward' : 'small area',
        },
        (fraction) => show({ status: 'working', step, fraction, scores: v.scores }),
      );
      if (!live) return;
      const run = v.scores ? attachDrivers(bare, v.scores) : bare;
      hooks().hotspotRuns = [...(hooks().hotspotRuns ?? []), { key, ...ms, inputs: inputsMs }];
      exposeTiming('hotspotsReady');
      const theme = l.kind === 'theme' ? l.theme : null;
      const indicator = l.kind === 'measure' ? l.indicator : null;
      show({ status: 'ready', run, theme, scores: v.scores, indicator, key, layerKey, ms: { inputs: inputsMs, ...ms } });
    }

    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load, statistic, fdr, weightsKey, layerKey]);

  if (load.status === 'working') return READING;
  if (load.status === 'error') return load;
  // Until the run effect has caught up with newly read values.
  if (current?.loaded !== load.loaded) return { status: 'working', step: 'Finding neighbours and testing', fraction: 0 };
  return current.state;
}
