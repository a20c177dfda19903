import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { useQuery } from '../../ui/useQuery.ts';
import { themeHotspots } from '../../runs/themeHotspots.ts';
import { THEMES } from '../../analysis/themes/definitions.ts';
import {
  localityHotspotSentence,
  localityTestPlace,
  localityThemeHotspots,
  localityThemeScore,
  type LocalityThemeHotspots,
} from '../../analysis/localityHotspots.ts';
import type { LocalitySmallArea, LocalityWard } from '../../db/queries/areaProfile.ts';
import { BUILT_IN_PLACES, placeName } from '../../geo/places.ts';
import { countOf } from '../../geo/levels.ts';
import { themeSources } from '../../map/legendSources.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { exportStem } from '../../export/exportTable.ts';

interface ThemeResult {
  tallies: LocalityThemeHotspots | null;
  score: number | null;
  /** Small areas whose score the locality's score rests on. */
  used: number;
}

/**
 * Each theme's hot and cold spots among a locality's own small areas and
 * wards, from the one shared test over the whole place (runs/themeHotspots.ts,
 * the Hotspots section's question with the person's weights), and the
 * locality's theme score built from its small areas' scores.
 */
export function LocalityHotspots({ authorities, wards, lsoas, name = 'this locality' }: { authorities: readonly string[]; wards: readonly LocalityWard[]; lsoas: readonly LocalitySmallArea[]; name?: string }) {
  const session = useSession();
  const ready = useReadyDatabase();
  const evidence = useEvidence();
  const { needCrimes } = evidence;
  // The safety themes count police records, as the Hotspots section does.
  useEffect(() => needCrimes(), [needCrimes]);
  const place = localityTestPlace(session.place, authorities, BUILT_IN_PLACES.map((p) => p.code));
  const weights = session.hotspot.weights;
  const lsoaCodes = useMemo(() => lsoas.map((l) => l.code), [lsoas]);
  const wardCodes = useMemo(() => wards.map((w) => w.code), [wards]);
  const [done, setDone] = useState(0);
  const canRun = ready && place && evidence.restored && evidence.crimesReady;
  const key = canRun ? JSON.stringify(['locality-hotspots', place, lsoaCodes, wardCodes, weights, evidence.version]) : null;
  const state = useQuery(
    key,
    async () => {
      const { db, england } = ready!;
      setDone(0);
      const population = new Map(lsoas.map((l) => [l.code, l.population]));
      const tick = <T,>(p: Promise<T>) => p.then((v) => (setDone((n) => n + 1), v));
      return Promise.all(
        THEMES.map(async (theme): Promise<ThemeResult> => {
          const q = { place: place!, theme: theme.id, weights: weights[theme.id] };
          const [lsoa, ward] = await Promise.all([
            tick(themeHotspots(db, england, { ...q, level: 'lsoa' }, evidence.version)),
            wardCodes.length ? tick(themeHotspots(db, england, { ...q, level: 'ward' }, evidence.version)) : null,
          ]);
          const { score, used } = localityThemeScore(lsoa.scores, lsoaCodes, population);
          return { tallies: localityThemeHotspots(theme, { lsoa: lsoa.run, ward: ward?.run }, { lsoas: lsoaCodes, wards: wardCodes }), score, used };
        }),
      );
    },
    'The hot and cold spots could not be tested',
  );
  const runs = THEMES.length * (wardCodes.length ? 2 : 1);
  const nameOf = useMemo(() => new Map<string, string>([...lsoas.map((l) => [l.code, `${l.name} (${l.ward_name ?? 'no ward'} ward)`] as const), ...wards.map((w) => [w.code, `${w.name} ward`] as const)]), [lsoas, wards]);

  return (
    <section className="profile-hotspots" aria-labelledby="profile-hotspots-heading" data-testid="locality-hotspots">
      <h3 id="profile-hotspots-heading">Themes: scores, hot and cold spots</h3>
      {!place ? (
        <p>This locality spans authorities outside the five built-in ones, so its areas are not tested for hot or cold spots here.</p>
      ) : state.status === 'error' ? (
        <p role="alert">{state.message}</p>
      ) : state.status !== 'ready' ? (
        <p aria-busy="true">
          Testing every small area{wardCodes.length ? ' and ward' : ''} of {placeName(place)} for each theme… ({Math.min(done, runs)} of {runs} tests done)
        </p>
      ) : (
        <>
          <table className="domains" data-testid="locality-theme-scores">
            <caption>Theme scores (0 = the average small area of {placeName(place)}; higher = worse)</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Hot and cold spots among its areas</th>
              </tr>
            </thead>
            <tbody>
              {THEMES.map((theme, i) => {
                const r = state.data[i] as ThemeResult;
                const t = r.tallies;
                return (
                  <tr key={theme.id} data-theme={theme.id}>
                    <th scope="row">{theme.label}</th>
                    <td className="num">{r.score === null ? '–' : r.score.toFixed(2)}</td>
                    <td>
                      {t ? localityHotspotSentence(t) : 'Not tested.'}
                      {t && [...t.lsoa.hotCodes, ...(t.ward?.hotCodes ?? [])].length > 0 && (
                        <> Hot: {[...t.lsoa.hotCodes, ...(t.ward?.hotCodes ?? [])].map((c) => nameOf.get(c) ?? c).join('; ')}.</>
                      )}
                      {t && [...t.lsoa.coldCodes, ...(t.ward?.coldCodes ?? [])].length > 0 && (
                        <> Cold: {[...t.lsoa.coldCodes, ...(t.ward?.coldCodes ?? [])].map((c) => nameOf.get(c) ?? c).join('; ')}.</>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TableDownloads
            table={() => {
              const codes = (t: LocalityThemeHotspots | null, k: 'hotCodes' | 'coldCodes') => (t ? [...t.lsoa[k], ...(t.ward?.[k] ?? [])].map((c) => nameOf.get(c) ?? c).join('; ') : null);
              return {
                title: `Theme scores, hot and cold spots: ${name}`,
                description: `Each theme’s score for ${name} (0 = the average small area of ${placeName(place)}; higher = worse) and how many of its areas are hot or cold spots.`,
                place: name,
                columns: [{ label: 'Theme' }, { label: 'Score', numeric: true }, { label: 'Small areas scored', numeric: true }, { label: 'Hot and cold spots among its areas' }, { label: 'Hot spots' }, { label: 'Cold spots' }],
                rows: THEMES.map((theme, i) => {
                  const r = state.data[i] as ThemeResult;
                  return [theme.label, r.score, r.used, r.tallies ? localityHotspotSentence(r.tallies) : 'Not tested.', codes(r.tallies, 'hotCodes'), codes(r.tallies, 'coldCodes')];
                }),
                sources: [...new Set(THEMES.flatMap((t) => themeSources(t)))],
                notes: [
                  `Each theme’s score is the population-weighted mean (Census 2021 residents) of its small areas’ theme scores, each standardised across every small area of ${placeName(place)}.`,
                  `Hot and cold spots: Getis–Ord Gi* over every small area${wardCodes.length ? ' and every ward' : ''} of ${placeName(place)}, with false discovery rate control; Gi* is never run on localities themselves.`,
                ],
                fileStem: exportStem('locality-themes', name),
              };
            }}
            name="the theme scores table"
            testId="locality-themes-download"
          />
          <p className="fine-print">
            Method: each theme’s score is the population-weighted mean (Census 2021 residents) of its small areas’ theme scores, each standardised across every
            small area of {placeName(place)} — not across localities, which are too few to standardise
            {state.data.some((r) => r.used < lsoas.length) ? ` (small areas with no score are left out)` : ''}. Hot and cold spots: Getis–Ord Gi* over every
            small area{wardCodes.length ? ' and every ward' : ''} of {placeName(place)}, with false discovery rate control, the Hotspots section’s test with your
            weights; this locality’s {countOf(lsoas.length, 'lsoa')}
            {wardCodes.length ? ` and ${countOf(wardCodes.length, 'ward')}` : ''} are then counted. Gi* is never run on localities themselves: a handful of areas
            has no neighbourhood to compare with.
          </p>
        </>
      )}
    </section>
  );
}
