/**
 * Rebuild only the postcode lookup (data/tables/postcodes.arrows) and the LSOA
 * 2011 changes (data/lsoa11-five.json), without the minutes-long full build.
 * `npm run data` writes the same bytes (and the README and ATTRIBUTION lines).
 * Run: npx tsx scripts/build-postcodes.ts
 */
import { loadLookup11to21, loadWardLookup } from './data/lookups.ts';
import { writePostcodeFiles } from './data/postcode-output.ts';

const result = writePostcodeFiles(loadWardLookup(), loadLookup11to21());
console.log(JSON.stringify(result, null, 2));
