/** npx tsx tests/bench/assign/runAssignBench.ts — prints the point → LSOA assignment bench as a table. */
import { benchAssignment } from './assignBench.ts';

const result = benchAssignment();
console.table(result.rows.map((r) => ({ measure: r.measure, points: r.points, ms: Math.round(r.ms), 'µs/point': r.usPerPoint.toFixed(2) })));
console.log(`speed ratio (naive ÷ index, per point): ${result.speedRatio.toFixed(0)} ×; fair baseline (flatbush + turf) ÷ index: ${result.fairRatio.toFixed(1)} ×`);
console.log(`outside every LSOA: ${result.outside.toLocaleString('en-GB')}; sample disagreements with turf: ${result.sampleDisagreements}`);
