/**
 * Rebuild only data/geo/places-five.geojson (OS Open Names populated places) without the
 * minutes-long full build; `npm run data` writes the same bytes.
 * Run: npx tsx scripts/build-places.ts
 */
import { writePlaces } from './data/places.ts';

console.log(JSON.stringify(writePlaces(), null, 2));
