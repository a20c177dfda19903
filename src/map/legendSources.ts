/**
 * Source and licence lines for map keys (MapLegend.sources), worded as
 * data/ATTRIBUTION.md gives them, so every export cites the same sentence.
 */
import type { ComponentSource, ThemeDefinition } from '../analysis/themes/definitions.ts';
import type { DatasetKind, DatasetMeta } from '../ingest/schemas.ts';

export const SOURCE_LINES = {
  iod: 'Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2025, Open Government Licence v3.0.',
  census: 'Source: Office for National Statistics, Census 2021 residents, Open Government Licence v3.0.',
  police: 'Contains public sector information from data.police.uk, licensed under the Open Government Licence v3.0.',
  survey: 'Residents’ survey: the responses loaded in this browser.',
  streetReps: 'Street-rep visits: the monitoring rounds loaded in this browser.',
} as const;

const BY_COMPONENT: Record<ComponentSource, readonly string[]> = {
  'IoD 2025': [SOURCE_LINES.iod],
  'police.uk': [SOURCE_LINES.police, SOURCE_LINES.census],
  "residents' survey": [SOURCE_LINES.survey],
  'street reps': [SOURCE_LINES.streetReps],
};

/** The sources of a theme's measures, once each. */
export function themeSources(theme: ThemeDefinition): string[] {
  return [...new Set(theme.components.flatMap((c) => BY_COMPONENT[c.source]))];
}

/** Whether any loaded dataset of these kinds is the bundled synthetic sample. */
export function anySample(datasets: readonly DatasetMeta[], kinds: readonly DatasetKind[]): boolean {
  return datasets.some((d) => d.synthetic && kinds.includes(d.kind));
}

/** The kinds of residents' data a theme draws on. */
export function themeEvidenceKinds(theme: ThemeDefinition): DatasetKind[] {
  const kinds = new Set<DatasetKind>();
  for (const c of theme.components) {
    if (c.kind === 'survey-share') kinds.add('survey');
    if (c.kind === 'street-rep') kinds.add('street-rep');
    if (c.kind === 'crime-rate') kinds.add('police');
  }
  return [...kinds];
}
