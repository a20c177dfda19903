import { useState } from 'react';
import type { Database } from '../../db/database.ts';
import { targetEvidence, type TargetEvidence } from '../../db/queries/target.ts';
import { themeHotspots } from '../../runs/themeHotspots.ts';
import { rankForTarget, type TargetRow } from '../../analysis/targetRanking.ts';
import { themeById, type ThemeId } from '../../analysis/themes/definitions.ts';
import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { placeName } from '../../geo/places.ts';
import type { MapLevel } from '../../geo/levels.ts';
import { useQuery, type QueryState } from '../../ui/useQuery.ts';

export interface TargetQuestion {
  place: string;
  level: MapLevel;
  theme: ThemeId;
  weights: Readonly<Record<string, number>> | undefined;
}

export interface TargetResult {
  rows: TargetRow[];
  evidence: TargetEvidence;
  lsoaScores: ThemeScores;
  lsoaRun: HotspotRun;
  wardRun: HotspotRun | null;
}

/**
 * The ranked rows for one question. Every level is scored from the small-area
 * run (wards and localities population-weighted from it); wards also take
 * their class from the ward-level run. Both runs are the shared ones
 * (runs/themeHotspots.ts), so the hotspot panel asking the same reuses them.
 * `key` must change whenever the data or the localities in DuckDB change.
 */
export function useTargetRanking(db: Database, england: Promise<void>, q: TargetQuestion, dataVersion: number, key: string | null): { state: QueryState<TargetResult>; fraction: number } {
  const [progress, setProgress] = useState<{ key: string | null; fraction: number }>({ key: null, fraction: 0 });
  const state = useQuery(
    key,
    async () => {
      const onProgress = (fraction: number) => setProgress({ key, fraction });
      const base = { place: q.place, theme: q.theme, weights: q.weights };
      const [lsoa, ward, evidence] = await Promise.all([
        themeHotspots(db, england, { ...base, level: 'lsoa' }, dataVersion, onProgress),
        q.level === 'ward' ? themeHotspots(db, england, { ...base, level: 'ward' }, dataVersion) : Promise.resolve(null),
        targetEvidence(db, { place: q.place, level: q.level, theme: q.theme }),
      ]);
      const rows = rankForTarget({
        level: q.level,
        theme: themeById(q.theme),
        placeName: placeName(q.place),
        evidence,
        lsoaScores: lsoa.scores,
        lsoaRun: lsoa.run,
        wardRun: ward?.run ?? null,
      });
      return { rows, evidence, lsoaScores: lsoa.scores, lsoaRun: lsoa.run, wardRun: ward?.run ?? null };
    },
    'The areas could not be ranked',
  );
  return { state, fraction: progress.key === key ? progress.fraction : 0 };
}
