/**
 * The evidence pack's theme section: for housing, safety and communal areas,
 * the area's score, rank and reason from the "Where to target" ranking, what
 * drives the score (each measure's value, z, weight and share), the hot-spot
 * result for the area and its small areas, and the method note. Every number
 * comes from the shared theme runs (runs/themeHotspots.ts) and the analysis
 * functions the views use; nothing is recomputed here.
 */
import type { Database } from '../../db/database.ts';
import type { ThemeHotspotQuestion, ThemeHotspotResult } from '../../runs/themeHotspots.ts';
import { targetEvidence } from '../../db/queries/target.ts';
import { rankForTarget, type TargetRow } from '../../analysis/targetRanking.ts';
import { THEMES, type ThemeDefinition } from '../../analysis/themes/definitions.ts';
import { localityHotspotSentence, localityTestPlace, localityThemeHotspots } from '../../analysis/localityHotspots.ts';
import { methodNote, type MethodNote } from '../../analysis/hotspots/methodNote.ts';
import type { AreaBreakdown } from '../../analysis/themes/composeTheme.ts';
import { readContribution } from '../../features/hotspots/breakdownReading.ts';
import { weightsUsed } from '../../features/hotspots/breakdownWeights.ts';
import { CLASS_LABELS } from '../../features/hotspots/hotspotColours.ts';
import type { AreaInfo } from '../../db/queries/areaProfile.ts';
import { BUILT_IN_PLACES, placeName } from '../../geo/places.ts';
import { countOf } from '../../geo/levels.ts';

export type RunTheme = (q: ThemeHotspotQuestion) => Promise<ThemeHotspotResult>;

export interface ThemeMeasure {
  label: string;
  source: string;
  /** The weight the person chose (or the documented default). */
  weight: number;
  /** Why the measure is left out of every score in this place, when it is. */
  leftOut: string | null;
}

export interface DriverRow {
  measure: string;
  value: number;
  z: number;
  reading: string;
  weightUsed: number;
  adds: number;
}

export interface ThemeResult {
  theme: Pick<ThemeDefinition, 'id' | 'label' | 'description'>;
  /** The ranking row for this area (score, rank, drivers, reason); null when the area is not in the ranking. */
  row: TargetRow | null;
  /** How many areas of this level were ranked, for "3rd of 16". */
  ranked: number;
  /** The area's own result in its level's hot-spot test, in words (wards and small areas). */
  ownResult: string | null;
  /** "Of its 6 small areas, 2 are hot spots for housing …". */
  tallySentence: string | null;
  measures: ThemeMeasure[];
  /** The area's own breakdown (wards and small areas: scored at their own level). */
  drivers: DriverRow[];
  driversScore: number | null;
  missing: string[];
  notes: string[];
}

export interface ThemesSection {
  place: string | null;
  placeName: string | null;
  /** Why nothing was tested, when nothing was. */
  unavailable: string | null;
  themes: ThemeResult[];
  /** The area's small areas, as the ranking counted them (empty when nothing was tested). */
  lsoaCodes: string[];
  method: string;
  note: MethodNote | null;
}

function driverRows(b: AreaBreakdown | null): DriverRow[] {
  if (!b || b.score === null) return [];
  const used = weightsUsed(b);
  return b.contributions.map((c) => {
    const r = readContribution(c);
    return { measure: c.shortLabel, value: c.value, z: c.z, reading: r.note ? `${r.comparison}. ${r.note}` : r.comparison, weightUsed: used.get(c.id) ?? 0, adds: c.contribution };
  });
}

export async function gatherThemes(
  db: Database,
  area: AreaInfo,
  o: { sessionPlace: string; weights: Readonly<Record<string, Readonly<Record<string, number>>>>; runTheme: RunTheme; step(label: string): void },
): Promise<ThemesSection> {
  const authorities = area.level === 'locality' ? (area.authorities ?? []).map((a) => a.code) : area.lad_code ? [area.lad_code] : [];
  const place = localityTestPlace(o.sessionPlace, authorities, BUILT_IN_PLACES.map((p) => p.code));
  if (!place) {
    return { place: null, placeName: null, unavailable: 'This area spans authorities outside the five built-in ones, so its theme scores and hot spots are not tested here.', themes: [], lsoaCodes: [], method: '', note: null };
  }
  const level = area.level;
  const themes: ThemeResult[] = [];
  let note: MethodNote | null = null;
  let method = '';
  let areaLsoas: string[] = [];
  for (const theme of THEMES) {
    o.step(`Testing ${theme.label.toLowerCase()} hot spots`);
    const weights = o.weights[theme.id];
    const q = { place, theme: theme.id, weights };
    const needWardRun = level === 'ward' || level === 'locality';
    const [lsoa, ward, evidence] = await Promise.all([
      o.runTheme({ ...q, level: 'lsoa' }),
      needWardRun ? o.runTheme({ ...q, level: 'ward' }) : Promise.resolve(null),
      targetEvidence(db, { place, level, theme: theme.id }),
    ]);
    const rows = rankForTarget({ level, theme, placeName: placeName(place), evidence, lsoaScores: lsoa.scores, lsoaRun: lsoa.run, wardRun: level === 'ward' ? (ward?.run ?? null) : null });
    const row = rows.find((r) => r.code === area.code) ?? null;
    const lsoaCodes = evidence.members.filter((m) => m.area_code === area.code).map((m) => m.lsoa_code);
    areaLsoas = lsoaCodes;
    const wardCodes = level === 'locality' ? [...new Set(evidence.members.filter((m) => m.area_code === area.code && m.ward_code).map((m) => m.ward_code as string))] : [];
    const tallies = level === 'lsoa' ? null : localityThemeHotspots(theme, { lsoa: lsoa.run, ward: ward?.run }, { lsoas: lsoaCodes, wards: wardCodes });
    // A ward or small area has its own score and class at its own level; a locality does not (Gi* is never run on localities).
    const own = level === 'ward' ? ward : level === 'lsoa' ? lsoa : null;
    const ownArea = own?.run.areas.find((a) => a.code === area.code) ?? null;
    const i = own ? own.scores.codes.indexOf(area.code) : -1;
    const breakdown = own && i >= 0 ? own.scores.breakdown(i) : null;
    const ownResult = ownArea
      ? ownArea.status === 'no-value'
        ? 'not tested: it has no value'
        : ownArea.status === 'island'
          ? 'not tested: it has no touching neighbour'
          : CLASS_LABELS[ownArea.class ?? 'not-significant']
      : null;
    const summaries = new Map(lsoa.scores.components.map((c) => [c.id, c]));
    themes.push({
      theme: { id: theme.id, label: theme.label, description: theme.description },
      row,
      ranked: rows.filter((r) => r.rank !== null).length,
      ownResult,
      tallySentence: tallies ? localityHotspotSentence(tallies) : null,
      measures: theme.components.map((c) => {
        const s = summaries.get(c.id);
        return { label: c.label, source: c.source, weight: weights?.[c.id] ?? c.defaultWeight, leftOut: s && !s.used ? (s.droppedBecause ?? 'not used') : null };
      }),
      drivers: driverRows(breakdown),
      driversScore: breakdown?.score ?? null,
      missing: [
        ...(breakdown?.missing.map((m) => `${m.shortLabel} left out: ${m.reason}.`) ?? []),
        // A measure dropped from the whole test at this level (e.g. only one ward has survey responses) is not in any of its scores.
        ...(breakdown ? (own?.scores.components ?? []).filter((c) => !c.used && c.weight > 0).map((c) => `${c.shortLabel.charAt(0).toUpperCase()}${c.shortLabel.slice(1)} is not in this score: ${(c.droppedBecause ?? 'not used').toLowerCase()}.`) : []),
      ],
      notes: lsoa.scores.notes,
    });
    if (!note) {
      const run = lsoa.run;
      note = methodNote({ statistic: run.statistic, permutations: run.permutations, fdr: run.fdr, seed: run.seed, areaNoun: 'small area', islands: run.summary.islands, excluded: run.summary.noValue, isTheme: true });
      method = run.methodSentence;
    }
  }
  const where = `Every small area${level === 'lsoa' ? '' : ' and ward'} of ${placeName(place)} is tested, with your weights; ${
    level === 'locality' ? `this locality's ${countOf(themes[0]?.row?.lsoas ?? 0, 'lsoa')} and wards are then counted (Gi* is never run on localities themselves).` : 'this area is then read from that test.'
  }`;
  return { place, placeName: placeName(place), unavailable: null, themes, lsoaCodes: areaLsoas, method: `${method} ${where}`, note };
}
