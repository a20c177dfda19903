import type { ThemeScores } from '../themes/composeTheme.ts';
import { topDrivers } from '../themes/composeTheme.ts';
import type { HotspotRun, RankedHotspot } from './runHotspots.ts';

/**
 * Name what drives each ranked hot and cold spot from the theme's breakdown.
 * Done after the worker returns (a breakdown is built on demand by a function,
 * which cannot cross into a worker); the same rule runHotspots applies in-thread.
 */
export function attachDrivers(run: HotspotRun, scores: ThemeScores): HotspotRun {
  const index = new Map(scores.codes.map((c, i) => [c, i]));
  const withDrivers = (spots: RankedHotspot[], side: 'up' | 'down') =>
    spots.map((s) => {
      const i = index.get(s.code);
      if (i === undefined) return s;
      const drivers = topDrivers(scores.breakdown(i), side).map(({ shortLabel, contribution }) => ({ shortLabel, contribution }));
      return { ...s, drivers };
    });
  return { ...run, ranked: { hot: withDrivers(run.ranked.hot, 'up'), cold: withDrivers(run.ranked.cold, 'down') } };
}
