/**
 * Writes the bundled synthetic sample (survey, venue list, street-rep visits
 * and a README) from a seed. Same seed → byte-identical files.
 *
 *   npx tsx scripts/sample/generate.ts [--seed N] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ETHNIC_GROUPS, STREET_REP_ISSUES } from '../../src/ingest/schemas.ts';
import { DEFAULT_SEED, WARDS } from './config.ts';
import { readWardCensus } from './census.ts';
import { toCsv } from './csv.ts';
import { loadWards, type Ward } from './geo.ts';
import { Random } from './random.ts';
import { sampleReadme, type SampleSummary } from './readme.ts';
import { STREET_REP_HEADER, generateStreetReps } from './streetReps.ts';
import { SURVEY_HEADER, VENUE_HEADER, generateSurvey, surveyShares, venueRows, whiteShare, type SurveyOutput } from './survey.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DIR = join(ROOT, 'data/sample');
export const SAMPLE_FILES = ['sample-survey.csv', 'sample-venues.csv', 'sample-street-reps.csv', 'README.md'] as const;

/** The ward with the strongest White skew, with its Census and sample White shares, for the README. */
function whiteSkewNote(survey: SurveyOutput, wards: readonly Ward[], ethnic: Map<string, number[]>): Pick<SampleSummary, 'skewWard' | 'censusWhiteShare' | 'sampleWhiteShare'> {
  const index = WARDS.reduce((best, plan, i) => (plan.whiteSkew > WARDS[best]!.whiteSkew ? i : best), 0);
  const ward = wards[index]!;
  const counts = ethnic.get(ward.code)!;
  const total = counts.reduce((a, b) => a + b, 0);
  return { skewWard: ward.name, censusWhiteShare: counts[ETHNIC_GROUPS.indexOf('White')]! / total, sampleWhiteShare: whiteShare(survey, ward.name) };
}

export function generateSample(outDir: string, seed: number = DEFAULT_SEED): SampleSummary {
  const wards = loadWards(join(ROOT, 'data/geo/ward-five.geojson'), join(ROOT, 'data/geo/lsoa-five.geojson'), WARDS);
  const census = readWardCensus(join(ROOT, 'data/tables/census.arrows'), wards);
  const random = new Random(seed);
  // Separate streams, so changing one part of the survey leaves the street-rep file unchanged.
  const survey = generateSurvey(random.fork(), WARDS, wards, census.ethnic);
  const streetReps = generateStreetReps(random.fork(), WARDS, wards);
  if (STREET_REP_HEADER.length !== 8 + STREET_REP_ISSUES.length) throw new Error('street-rep header out of step with the form');

  const summary: SampleSummary = {
    seed,
    wardCodes: wards.map((w) => w.code),
    responses: survey.rows.length,
    venues: survey.venues.length,
    sites: streetReps.siteCount,
    visits: streetReps.rows.length,
    ...surveyShares(survey.rows),
    censusYoungShare: census.youngShare,
    ...whiteSkewNote(survey, wards, census.ethnic),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'sample-survey.csv'), toCsv(SURVEY_HEADER, survey.rows));
  writeFileSync(join(outDir, 'sample-venues.csv'), toCsv(VENUE_HEADER, venueRows(survey.venues)));
  writeFileSync(join(outDir, 'sample-street-reps.csv'), toCsv(STREET_REP_HEADER, streetReps.rows));
  writeFileSync(join(outDir, 'README.md'), sampleReadme(summary));
  return summary;
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const seedText = argValue(args, '--seed');
  const seed = seedText === undefined ? DEFAULT_SEED : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, got "${seedText}"`);
  const outDir = resolve(argValue(args, '--out') ?? SAMPLE_DIR);
  const started = performance.now();
  const s = generateSample(outDir, seed);
  console.log(`Wrote ${s.responses} survey responses, ${s.venues} venues, ${s.visits} visits to ${s.sites} sites (seed ${seed}) to ${outDir} in ${Math.round(performance.now() - started)} ms`);
}
