/**
 * Queen contiguity for all of England: ours (Node, median of 5) beside R spdep
 * and PySAL in the same run. Prints a table and the rows as JSON.
 * Run: npx tsx tests/bench/hotspots/run.ts [polygons.geojson]
 */
import { resolve } from 'node:path';
import { timeOurQueenContiguity } from './ourWeights.ts';
import { timeReferenceTools } from './referenceTools.ts';

const path = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..', '..', '..', 'data/geo/lsoa-england.geojson'));
const ours = await timeOurQueenContiguity(path, 5);
const references = await timeReferenceTools(path);
const rows = [ours, ...references];
console.table(rows.map(({ tool, step, ms, note }) => ({ tool, step, ms, note })));
console.log(JSON.stringify({ file: path, rows }, null, 1));
