import type { Database } from '../db/database.ts';
import { themeInputs } from '../db/queries/themeInputs.ts';
import { THEMES, type ThemeId } from '../analysis/themes/definitions.ts';
import { themeScores } from '../analysis/themes/themeScores.ts';
import type { ThemeScores } from '../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../analysis/hotspots/runHotspots.ts';
import { attachDrivers } from '../analysis/hotspots/attachDrivers.ts';
import { BOUNDARY_URLS } from '../map/mapStyle.ts';
import { hotspotClient } from '../workers/hotspotClient.ts';
import type { AreaLevel } from '../geo/levels.ts';

export interface ThemeHotspotQuestion {
  place: string;
  level: AreaLevel;
  theme: ThemeId;
  /** The user's weights; components not named keep their documented default. */
  weights?: Readonly<Record<string, number>>;
}

export interface ThemeHotspotResult {
  run: HotspotRun;
  scores: ThemeScores;
}

/**
 * With 999 permutations no area of the five authorities could reach 99 %
 * after the false discovery rate correction; 9,999 make it reachable and are
 * affordable up to a few thousand areas (the same rule as the hotspot panel).
 */
const MANY_PERMUTATIONS_UP_TO = 5000;

interface SharedRun {
  promise: Promise<ThemeHotspotResult>;
  /** Everyone waiting on this run who wants to show its progress. */
  listeners: Set<(fraction: number) => void>;
}

const runs = new Map<string, SharedRun>();

/** The cache key: the same question with the same data gives the same answer. */
export function themeHotspotKey(q: ThemeHotspotQuestion, dataVersion: number): string {
  const weights = Object.entries(q.weights ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${q.place}|${q.level}|${q.theme}|${JSON.stringify(weights)}|${dataVersion}`;
}

/**
 * A theme's scores for every area of a place and its Getis–Ord Gi* hot and
 * cold spots (false discovery rate controlled), with what drives each.
 * One promise per question and data version, so the target view, the locality
 * profile and the hotspot panel asking the same thing run the test once.
 * A failed run is forgotten, so asking again tries again.
 */
export function themeHotspots(
  db: Database,
  england: Promise<void>,
  q: ThemeHotspotQuestion,
  dataVersion: number,
  /** Told the fraction done (0–1) while this run, or the shared one it joins, is testing. */
  onProgress?: (fraction: number) => void,
): Promise<ThemeHotspotResult> {
  const key = themeHotspotKey(q, dataVersion);
  let shared = runs.get(key);
  if (!shared) {
    const listeners = new Set<(fraction: number) => void>();
    const promise = runThemeHotspots(db, england, q, (f) => listeners.forEach((l) => l(f)));
    const made: SharedRun = { promise, listeners };
    runs.set(key, made);
    promise.then(
      () => listeners.clear(),
      () => {
        listeners.clear();
        if (runs.get(key) === made) runs.delete(key);
      },
    );
    shared = made;
  }
  if (onProgress) shared.listeners.add(onProgress);
  return shared.promise;
}

async function runThemeHotspots(db: Database, england: Promise<void>, q: ThemeHotspotQuestion, progress: (fraction: number) => void): Promise<ThemeHotspotResult> {
  const theme = THEMES.find((t) => t.id === q.theme);
  if (!theme) throw new Error(`There is no theme called “${q.theme}”.`);
  if (q.place === 'england') await england;
  const inputs = await themeInputs(db, { place: q.place, level: q.level, components: theme.components });
  const scores = themeScores(theme, inputs, q.weights ?? {});
  const many = inputs.codes.length <= MANY_PERMUTATIONS_UP_TO;
  const { run } = await hotspotClient().hotspots({
    boundaryUrl: new URL(BOUNDARY_URLS[q.place === 'england' ? 'england' : 'five'][q.level], document.baseURI).href,
    codes: inputs.codes,
    names: inputs.names,
    values: scores.scores,
    statistic: 'gi-star',
    fdr: true,
    permutations: many ? 9999 : 999,
    areaNoun: q.level === 'ward' ? 'ward' : 'small area',
  }, progress);
  return { run: attachDrivers(run, scores), scores };
}

/** Forget every cached run (tests, and after data are replaced without a version change). */
export function clearThemeHotspots(): void {
  runs.clear();
}
