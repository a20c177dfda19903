import { writeFileSync } from 'node:fs';
import type { Lookup11to21Row, LsoaLookup } from './lookups.ts';
import { LSOA11_FILE, POSTCODES_FILE, type PostcodeStats, buildLsoa11Changes, buildPostcodes } from './postcodes.ts';
import { FIVE_CODES, out } from './raw-paths.ts';

export interface PostcodeOutput {
  postcodes: PostcodeStats;
  /** LSOA 2011 codes of the five authorities that are not 2021 codes. */
  lsoa11Changed: number;
}

/**
 * Write data/tables/postcodes.arrows and data/lsoa11-five.json. Shared by the
 * full build (npm run data) and scripts/build-postcodes.ts, so both write the
 * same bytes.
 */
export function writePostcodeFiles(lookup: Map<string, LsoaLookup>, lookup11: Lookup11to21Row[]): PostcodeOutput {
  const { bytes, stats } = buildPostcodes(lookup);
  writeFileSync(out(POSTCODES_FILE), bytes);
  const five = new Set([...lookup.values()].filter((l) => FIVE_CODES.has(l.ladCode)).map((l) => l.lsoaCode));
  const changes = buildLsoa11Changes(lookup11, five);
  writeFileSync(out(LSOA11_FILE), `${JSON.stringify(changes)}\n`);
  return { postcodes: stats, lsoa11Changed: Object.keys(changes).length };
}
