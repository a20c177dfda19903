/**
 * Everything one evidence pack prints, for one small area, ward or locality:
 * the profile's own sentences and table (loadProfile + the profile's pure
 * wording), the theme scores and hot spots, the residents' evidence, crime by
 * month and every source line. Data only: no React, no DOM; the theme runs
 * come in as a function (the app passes the shared cached runs).
 */
import type { Database } from '../../db/database.ts';
import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';
import { loadProfile, type ProfileData } from '../../features/profile/loadProfile.ts';
import { profileSentences } from '../../analysis/profileSentences.ts';
import { profileTable, type ProfileTableRow } from '../../analysis/profileTable.ts';
import { domainChartRows, profileAuthorityName, profileFinePrint, profileLevelWords, profileMetaLine } from '../../features/profile/profileWords.ts';
import { SAMPLE_LABEL, type DatasetMeta } from '../../ingest/schemas.ts';
import { THEMES } from '../../analysis/themes/definitions.ts';
import { gatherThemes, type RunTheme, type ThemesSection } from './gatherThemes.ts';
import { gatherCrime, gatherStreetReps, gatherSurvey, type CrimePack, type StreetRepPack, type SurveyPack } from './gatherEvidence.ts';

export interface EvidencePackData {
  code: string;
  name: string;
  levelWords: string;
  authority: string;
  made: Date;
  profile: {
    meta: string;
    sentences: string[];
    table: ProfileTableRow[];
    isLsoa: boolean;
    finePrint: string;
    authorityName: string;
    chart: ReturnType<typeof domainChartRows>;
    members: ProfileData['members'];
  };
  themes: ThemesSection;
  survey: SurveyPack | null;
  streetReps: StreetRepPack | null;
  crime: CrimePack;
  /** True when any page shows residents' synthetic sample data. */
  synthetic: boolean;
  sources: string[];
}

export interface GatherOptions {
  db: Database;
  england: Promise<void>;
  catalogue: readonly Indicator[];
  code: string;
  /** The loaded residents' datasets (evidence.datasets). */
  datasets: readonly DatasetMeta[];
  sessionPlace: string;
  weights: Readonly<Record<string, Readonly<Record<string, number>>>>;
  runTheme: RunTheme;
  /** Told what is being gathered, and the share done (0–1). */
  onProgress?(label: string, fraction: number): void;
  signal?: AbortSignal;
  made?: Date;
}

export class PackCancelled extends Error {
  constructor() {
    super('The evidence pack was cancelled.');
    this.name = 'PackCancelled';
  }
}

const STEPS = 7;

/** Every source line the pack's sections rest on, each once. */
function sourceLines(o: GatherOptions, profile: ProfileData, survey: SurveyPack | null, streetReps: StreetRepPack | null): string[] {
  const codes = new Set<string>([...profile.domains.map((d) => d.code), ...THEMES.flatMap((t) => t.components.flatMap((c) => (c.kind === 'indicator' ? [c.indicatorCode] : [])))]);
  const lines = new Set<string>();
  for (const ind of o.catalogue) if (codes.has(ind.code) && ind.attribution) lines.add(ind.attribution.trim());
  lines.add('Boundaries and Census 2021: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2021–2022.');
  for (const c of [profile.crime, ...profile.otherCrime]) {
    if (!c) continue;
    if (c.note) lines.add(`Police data for ${c.lad_name}: ${c.note}`);
  }
  lines.add('Street-level crime: contains public sector information from data.police.uk, licensed under the Open Government Licence v3.0.');
  if (survey) lines.add(`Residents' survey: ${survey.files.join(', ')}${survey.synthetic ? ` (${SAMPLE_LABEL}: made-up responses to show how the tool works, not what any real residents said)` : ' (loaded in this browser)'}.`);
  if (streetReps) lines.add(`Street-rep grades: ${streetReps.files.join(', ')}${streetReps.synthetic ? ` (${SAMPLE_LABEL}: invented sites and visits)` : ' (loaded in this browser)'}.`);
  return [...lines];
}

/** True when a theme's notes say its scores take in the synthetic sample (it is standardised across the whole place, so it can even where this area has none). */
export function themesShowSample(themes: ThemesSection): boolean {
  return themes.themes.some((t) => t.notes.some((n) => n.includes(SAMPLE_LABEL)));
}

export async function gatherEvidencePack(o: GatherOptions): Promise<EvidencePackData> {
  let done = 0;
  const check = () => {
    if (o.signal?.aborted) throw new PackCancelled();
  };
  const step = (label: string) => {
    check();
    o.onProgress?.(label, Math.min(1, done++ / STEPS));
  };
  step('Reading the profile');
  const profile = await loadProfile(o.db, o.england, o.code);
  if (!profile) throw new Error('This area is not in the built-in data (or the locality has been deleted), so there is nothing to put in a pack.');
  const { area, domains, crime, otherCrime, members } = profile;
  const themes = await gatherThemes(o.db, area, { sessionPlace: o.sessionPlace, weights: o.weights, runTheme: o.runTheme, step });
  // A ward is placed by its code; a small area by itself; a locality by its small areas.
  const lsoaCodes = area.level === 'lsoa' ? [area.code] : (members?.lsoas.map((l) => l.code) ?? themes.lsoaCodes);
  step("Reading residents' evidence");
  const [survey, streetReps] = await Promise.all([gatherSurvey(o.db, area, lsoaCodes, o.datasets), gatherStreetReps(o.db, area, lsoaCodes, o.datasets)]);
  step('Counting crimes by month');
  const crimePack = await gatherCrime(o.db, area, lsoaCodes);
  check();
  o.onProgress?.('Gathered', 1);
  const authorityName = profileAuthorityName(area);
  return {
    code: area.code,
    name: area.name,
    levelWords: profileLevelWords(area),
    authority: area.lad_name ?? '',
    made: o.made ?? new Date(),
    profile: {
      meta: profileMetaLine(area),
      sentences: profileSentences(area, domains, crime, otherCrime),
      table: profileTable(area, domains),
      isLsoa: area.level === 'lsoa',
      finePrint: profileFinePrint(area, crime, otherCrime),
      authorityName,
      chart: domainChartRows(domains),
      members,
    },
    themes,
    survey,
    streetReps,
    crime: crimePack,
    synthetic: Boolean((survey?.synthetic && survey.responses > 0) || (streetReps?.synthetic && streetReps.sites > 0) || themesShowSample(themes)),
    sources: sourceLines(o, profile, survey, streetReps),
  };
}
