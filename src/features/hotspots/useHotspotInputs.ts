import { useEffect, useState } from 'react';
import type { Database } from '../../db/database.ts';
import { themeInputs } from '../../db/queries/themeInputs.ts';
import { areaNames } from '../../db/queries/places.ts';
import { valuesForPlace } from '../../db/queries/valuesForPlace.ts';
import { indicatorCatalogue } from '../../db/queries/indicatorCatalogue.ts';
import { THEMES, type ThemeDefinition, type ThemeId } from '../../analysis/themes/definitions.ts';
import type { LoadedValues } from './hotspotValues.ts';
import type { AreaLevel } from '../../geo/levels.ts';

export const themeOf = (id: string): ThemeDefinition | null => THEMES.find((t) => t.id === (id as ThemeId)) ?? null;

export type LoadState = { status: 'working' } | { status: 'error'; message: string } | { status: 'ready'; loaded: LoadedValues };

/**
 * Read the values to test (a theme's inputs, or one measure) once per place,
 * level, theme or measure and data version. Weights are applied later, so
 * moving a slider never reads the database again.
 */
export function useHotspotInputs(
  db: Database,
  england: Promise<void>,
  place: string,
  level: AreaLevel,
  hotspot: string,
  dataVersion: number,
  evidenceReady: boolean,
): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'working' });
  useEffect(() => {
    if (!evidenceReady) return;
    let live = true;
    const key = `${place}|${level}|${hotspot}|${dataVersion}`;
    setState({ status: 'working' });
    (async (): Promise<LoadedValues> => {
      const t0 = performance.now();
      if (place === 'england') await england;
      const theme = themeOf(hotspot);
      if (theme) {
        const inputs = await themeInputs(db, { place, level, components: theme.components });
        return { kind: 'theme', key, place, level, theme, inputs, ms: performance.now() - t0 };
      }
      const indicator = (await indicatorCatalogue(db)).find((i) => i.code === hotspot);
      if (!indicator) throw new Error(`There is no measure called “${hotspot}”.`);
      if (indicator.aggregation === 'none' && level === 'ward') throw new Error(`${indicator.label} is a rank, which cannot be combined into wards. Choose small areas.`);
      const [rows, areaRows] = await Promise.all([valuesForPlace(db, indicator, place, level), areaNames(db, place, level)]);
      const nameOf = new Map(areaRows.map((a) => [a.code, a.name]));
      const codes = rows.map((r) => r.code);
      return { kind: 'measure', key, place, level, indicator, codes, names: codes.map((c) => nameOf.get(c) ?? c), values: rows.map((r) => r.value), ms: performance.now() - t0 };
    })()
      .then((loaded) => live && setState({ status: 'ready', loaded }))
      .catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [db, england, place, level, hotspot, dataVersion, evidenceReady]);
  return state;
}
