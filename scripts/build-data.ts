/**
 * Offline data pipeline: ../shared/data/raw (or $RAW_DIR) → data/. Deterministic; ends with validation
 * (prints a report, writes data/validation-report.txt, exits non-zero on failure).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { FeatureCollection, Geometry } from 'geojson';
import { columnsFromRows, readArrowStream, type TableSpec, writeArrowStream } from './data/arrow-write.ts';
import { buildCatalogue, catalogueSpec } from './data/catalogue.ts';
import { buildCensus, loadPopulation } from './data/census.ts';
import { buildCrimes, coverageSpec, crimesSpec } from './data/crime.ts';
import { readJson } from './data/csv.ts';
import { writeDocs } from './data/docs.ts';
import { buildEnglandLsoaAndWards, buildLadEngland, KEEP_FRACTION, QUANTISATION } from './data/geo-england.ts';
import { buildLadFive, buildLsoaFive, buildWardFive, buildWardOfficialFive } from './data/geo-five.ts';
import { type Poly, insidePoint, serialiseFc } from './data/geo-util.ts';
import { buildBridged, buildIod2025 } from './data/iod.ts';
import { loadLookup11to21, loadWardLookup } from './data/lookups.ts';
import { writePostcodeFiles } from './data/postcode-output.ts';
import { PLACES_FILE, writePlaces } from './data/places.ts';
import { LSOA11_FILE, POSTCODES_FILE } from './data/postcodes.ts';
import { ENGLAND_BBOX, EXPECTED_ENGLAND_LSOAS, EXPECTED_FIVE_LSOAS, EXPECTED_FIVE_WARDS, FIVE_CODES, FIVE_LADS, OUT_DIR, RAW, RAW_DIR, out } from './data/raw-paths.ts';
import { cmp, decileForScore, decileThresholds, groupBy, must, weightedMean } from './data/util.ts';
import { checkCatalogue, checkCodeSets, checkGeoLayer, checkLadCounts, checkNulls } from './data/validate.ts';

const log = (s: string): void => console.log(s);
const errors: string[] = [];
const report: string[] = [];

log(`raw: ${RAW_DIR}`);
rmSync(out('geo'), { recursive: true, force: true });
rmSync(out('tables'), { recursive: true, force: true });
mkdirSync(out('geo'), { recursive: true });
mkdirSync(out('tables'), { recursive: true });

// ---- lookups and boundaries
const lookup = loadWardLookup();
const lookup11 = loadLookup11to21();
const bsc = readJson<FeatureCollection<Geometry, Record<string, unknown>>>(RAW.lsoa21Bsc);

log('geo: five authorities');
const lsoaFive = buildLsoaFive(bsc, lookup);
const wardFive = buildWardFive(lsoaFive, lookup);
const ladFive = buildLadFive(lsoaFive);
const wardOfficial = buildWardOfficialFive();
log('geo: England (simplify + dissolve)');
const eng = buildEnglandLsoaAndWards(bsc, lookup);
const ladEngland = buildLadEngland();

const geoFiles: [string, FeatureCollection<Poly, Record<string, unknown>>, string[], number][] = [
  ['geo/lsoa-five.geojson', lsoaFive, ['code', 'name', 'lad_code', 'ward_code'], EXPECTED_FIVE_LSOAS],
  ['geo/ward-five.geojson', wardFive, ['code', 'name', 'lad_code'], EXPECTED_FIVE_WARDS],
  ['geo/ward-official-five.geojson', wardOfficial, ['code', 'name', 'lad_code'], EXPECTED_FIVE_WARDS],
  ['geo/lad-five.geojson', ladFive, ['code', 'name'], 5],
  ['geo/lsoa-england.geojson', eng.lsoa, ['code'], EXPECTED_ENGLAND_LSOAS],
  ['geo/ward-england.geojson', eng.ward, ['code', 'name', 'lad_code'], -1],
  ['geo/lad-england.geojson', ladEngland, ['code', 'name'], -1],
];
for (const [file, fc] of geoFiles) writeFileSync(out(file), serialiseFc(fc));
// OS Open Names places: a context layer of town, village and suburb names (loaded after first paint).
const places = writePlaces();

// ---- IoD
log('tables: IoD');
const iod25 = buildIod2025();
const bridged = buildBridged(iod25.codes, lookup11);

// ---- Census and areas
log('tables: census, areas');
const { pop, ts007a } = loadPopulation();
const fiveCodes = lsoaFive.features.map((f) => f.properties.code);
const census = buildCensus(fiveCodes, ts007a);

const englandLookup = [...lookup.values()].filter((l) => l.lsoaCode.startsWith('E01'));
const geomOf = (fc: FeatureCollection<Poly, Record<string, unknown>>): Map<string, Poly> => new Map(fc.features.map((f) => [String(f.properties.code), f.geometry]));
const [gLsoaFive, gWardFive, gLadFive, gLsoaEng, gWardEng, gLadEng] = [lsoaFive, wardFive, ladFive, eng.lsoa, eng.ward, ladEngland].map(geomOf) as Map<string, Poly>[];
const point = (code: string, five: Map<string, Poly> | undefined, england: Map<string, Poly> | undefined): [number | null, number | null] => {
  const g = five?.get(code) ?? england?.get(code);
  return g ? insidePoint(g) : [null, null];
};
type AreaRow = Record<string, string | number | boolean | null>;
const areaRows: AreaRow[] = [];
for (const l of englandLookup) {
  const [lon, lat] = point(l.lsoaCode, gLsoaFive, gLsoaEng);
  areaRows.push({ code: l.lsoaCode, name: l.lsoaName, level: 'lsoa', parent_code: l.wardCode, lad_code: l.ladCode, lad_name: l.ladName, ward_code: l.wardCode, ward_name: l.wardName, population: must(pop.get(l.lsoaCode), `no TS007A for ${l.lsoaCode}`), lon, lat, in_five: FIVE_CODES.has(l.ladCode) });
}
const sumPop = (ls: typeof englandLookup): number => ls.reduce((s, l) => s + must(pop.get(l.lsoaCode), l.lsoaCode), 0);
const byWard = groupBy(englandLookup, (l) => l.wardCode);
for (const [w, ls] of byWard) {
  const l = must(ls[0], w);
  const [lon, lat] = point(w, gWardFive, gWardEng);
  areaRows.push({ code: w, name: l.wardName, level: 'ward', parent_code: l.ladCode, lad_code: l.ladCode, lad_name: l.ladName, ward_code: w, ward_name: l.wardName, population: sumPop(ls), lon, lat, in_five: FIVE_CODES.has(l.ladCode) });
}
const byLad = groupBy(englandLookup, (l) => l.ladCode);
for (const [c, ls] of byLad) {
  const l = must(ls[0], c);
  const [lon, lat] = point(c, gLadFive, gLadEng);
  areaRows.push({ code: c, name: l.ladName, level: 'lad', parent_code: null, lad_code: c, lad_name: l.ladName, ward_code: null, ward_name: null, population: sumPop(ls), lon, lat, in_five: FIVE_CODES.has(c) });
}
areaRows.sort((a, b) => cmp(String(a.code), String(b.code)));
const areas: TableSpec = {
  name: 'areas',
  columns: columnsFromRows(areaRows, [
    ['code', 'utf8'], ['name', 'utf8'], ['level', 'utf8'], ['parent_code', 'utf8'], ['lad_code', 'utf8'], ['lad_name', 'utf8'], ['ward_code', 'utf8'],
    ['ward_name', 'utf8'], ['population', 'int32'], ['lon', 'float64'], ['lat', 'float64'], ['in_five', 'bool'],
  ]),
  nullable: ['parent_code', 'ward_code', 'ward_name', 'lon', 'lat'],
};

// ---- Crime
log('tables: crimes');
const { crimes, stats } = buildCrimes(lsoaFive, lookup, lookup11);
const crimesTable = crimesSpec(crimes);
const coverage = coverageSpec(crimes);

// ---- Postcodes (fetched by the app only when a postcode is looked up or imported)
log('tables: postcodes');
const postcodeOut = writePostcodeFiles(lookup, lookup11);

// ---- Catalogue
const catalogue = buildCatalogue();
const catTable = catalogueSpec(catalogue);

// ---- first paint: official LSOA deciles; ward = decile its population-weighted IMD score falls in.
const thresholds = decileThresholds(iod25.codes.map((c) => must(iod25.imdScore.get(c), c)), iod25.codes.map((c) => must(iod25.imdDecile.get(c), c)));
const fpLsoa: Record<string, number> = {};
for (const c of fiveCodes) fpLsoa[c] = must(iod25.imdDecile.get(c), c);
const fpWard: Record<string, number> = {};
const wardScores: Record<string, number> = {};
for (const w of wardFive.features.map((f) => f.properties.code)) {
  const ls = must(byWard.get(w), w).map((l) => l.lsoaCode);
  const score = must(weightedMean(ls.map((c) => iod25.imdScore.get(c) ?? null), ls.map((c) => pop.get(c) ?? 0)), w);
  wardScores[w] = score;
  fpWard[w] = decileForScore(score, thresholds);
}
writeFileSync(out('first-paint.json'), `${JSON.stringify({ indicator: 'iod25_imd', lsoa: fpLsoa, ward: fpWard })}\n`);
// England's official IMD 2025 deciles in the order of lsoa-england.geojson, one character per
// LSOA ('0' = decile 10): ~34 KB of deciles instead of a 33,755-key object.
const englandOrder = eng.lsoa.features.map((f) => f.properties.code);
const englandDeciles = englandOrder.map((c) => String(must(iod25.imdDecile.get(c), c) % 10)).join('');
writeFileSync(out('first-paint-england.json'), `${JSON.stringify({ indicator: 'iod25_imd', codes: englandOrder, deciles: englandDeciles })}\n`);

// ---- write tables
const tables = [areas, iod25.spec, bridged.iod2019, bridged.iod2015, census, crimesTable, coverage, catTable];
// England-wide tables are written in two parts: the five authorities' rows, which
// the app loads at start-up, and the rest of England, which it loads afterwards.
const fiveSet = new Set(fiveCodes);
const inFive = (t: TableSpec, i: number): boolean => {
  const key = t.columns.find((c) => c.name === 'in_five') ?? t.columns.find((c) => c.name === 'lsoa_code');
  const v = key?.values[i];
  return typeof v === 'boolean' ? v : fiveSet.has(String(v));
};
const SPLIT = new Set([areas.name, iod25.spec.name, bridged.iod2019.name, bridged.iod2015.name]);
const tableFiles = (t: TableSpec): string[] => (SPLIT.has(t.name) ? [`tables/${t.name}.arrows`, `tables/${t.name}.england.arrows`] : [`tables/${t.name}.arrows`]);
for (const t of tables) {
  if (!SPLIT.has(t.name)) {
    writeArrowStream(out(`tables/${t.name}.arrows`), t);
    continue;
  }
  const n = t.columns[0]?.values.length ?? 0;
  const [fiveRows, restRows] = [[] as number[], [] as number[]];
  for (let i = 0; i < n; i++) (inFive(t, i) ? fiveRows : restRows).push(i);
  const part = (rows: number[]): TableSpec => ({ ...t, columns: t.columns.map((c) => ({ ...c, values: rows.map((i) => c.values[i] ?? null) })) });
  writeArrowStream(out(`tables/${t.name}.arrows`), part(fiveRows));
  writeArrowStream(out(`tables/${t.name}.england.arrows`), part(restRows));
}

// ================= validation =================
log('validate');
const englandCodes = iod25.codes;
const lookupEngland = englandLookup.map((l) => l.lsoaCode);
errors.push(...checkCodeSets('BSC boundaries vs IoD 2025', englandCodes, bsc.features.map((f) => String(f.properties.lsoa21_code))));
errors.push(...checkCodeSets('IoD 2025 vs ward lookup (England)', englandCodes, lookupEngland));
errors.push(...checkCodeSets('IoD 2025 vs Census TS007A (England)', englandCodes, [...pop.keys()].filter((c) => c.startsWith('E01'))));
errors.push(...checkCodeSets('lsoa-england vs IoD 2025', englandCodes, eng.lsoa.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('lsoa-five vs ward lookup (five LADs)', englandLookup.filter((l) => FIVE_CODES.has(l.ladCode)).map((l) => l.lsoaCode), fiveCodes));
errors.push(...checkCodeSets('lsoa-five vs IoD 2025', fiveCodes.filter(() => true), fiveCodes.filter((c) => iod25.imdScore.has(c))));
const fiveByLad = new Map<string, number>();
for (const f of lsoaFive.features) fiveByLad.set(f.properties.lad_code, (fiveByLad.get(f.properties.lad_code) ?? 0) + 1);
errors.push(...checkLadCounts('lsoa-five', fiveByLad, FIVE_LADS));
const lookupFiveByLad = new Map<string, number>();
for (const l of englandLookup) if (FIVE_CODES.has(l.ladCode)) lookupFiveByLad.set(l.ladCode, (lookupFiveByLad.get(l.ladCode) ?? 0) + 1);
errors.push(...checkLadCounts('ward lookup', lookupFiveByLad, FIVE_LADS));
const fiveWardCodes = [...new Set(englandLookup.filter((l) => FIVE_CODES.has(l.ladCode)).map((l) => l.wardCode))];
errors.push(...checkCodeSets('ward-five vs lookup wards', fiveWardCodes, wardFive.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('ward-official-five vs lookup wards', fiveWardCodes, wardOfficial.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('ward-england vs lookup wards', [...byWard.keys()], eng.ward.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('lad-england vs lookup LADs', [...byLad.keys()], ladEngland.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('lad-five', FIVE_LADS.map((l) => l.code), ladFive.features.map((f) => f.properties.code)));
errors.push(...checkCodeSets('census rows vs lsoa-five', fiveCodes, census.columns[0]?.values as string[]));
errors.push(...checkCodeSets('crimes: LSOAs within lsoa-five', fiveCodes, [...fiveCodes, ...crimes.map((c) => c.lsoa_code)]));
errors.push(...checkCodeSets('first-paint wards', fiveWardCodes, Object.keys(fpWard)));
if (Object.values({ ...fpLsoa, ...fpWard }).some((d) => !Number.isInteger(d) || d < 1 || d > 10)) errors.push('first-paint: decile outside 1..10');
if (englandDeciles.length !== EXPECTED_ENGLAND_LSOAS || !/^[0-9]+$/.test(englandDeciles)) errors.push('first-paint-england: not one decile per England LSOA');
if (eng.droppedRings > 0) errors.push(`lsoa/ward-england: ${eng.droppedRings} ring(s) collapsed in simplification`);

report.push('# Ward Insight data validation report', '');
report.push('## LSOA 2021 per authority (expected from SOURCES.md)');
for (const l of FIVE_LADS) report.push(`- ${l.name} ${l.code}: ${fiveByLad.get(l.code) ?? 0} / ${l.expectedLsoas}; wards ${wardFive.features.filter((f) => f.properties.lad_code === l.code).length}`);
report.push(`- total ${fiveCodes.length} / ${EXPECTED_FIVE_LSOAS}; wards ${wardFive.features.length} / ${EXPECTED_FIVE_WARDS}`, '');

report.push('## Geometry (ring checks: closed, ≥ 4 positions, finite, inside England bbox; turf booleanValid per polygon part + turf kinks per ring)');
for (const [file, fc, props, expected] of geoFiles) {
  const g = checkGeoLayer(file, fc, props, ENGLAND_BBOX);
  errors.push(...g.errors);
  if (expected >= 0 && g.features !== expected) errors.push(`${file}: ${g.features} features, expected ${expected}`);
  report.push(`- ${file}: ${g.features} features, ${g.invalid} invalid`);
}
report.push('', '## England LSOA simplification');
report.push(`- vertices before ${eng.verticesBefore} (BSC input), after ${eng.verticesAfter} (${((100 * eng.verticesAfter) / eng.verticesBefore).toFixed(1)}%)`);
report.push(`- Visvalingam keep fraction ${KEEP_FRACTION} of interior arc points, min weight ${eng.minWeight.toExponential(3)}, quantisation ${QUANTISATION}, 5 dp`);
report.push(`- ${eng.protectedPoints} points protected (ring-collapse guard and repairs); ${eng.repairedLsoas.length} LSOAs kept unsimplified edges after invalid output; collapsed rings ${eng.droppedRings}; zero-area sliver rings removed ${eng.degenerateRings}; pinched ward rings split ${eng.pinchedWards}`, '');

report.push('## Nulls (only the listed nullable columns may contain nulls)');
for (const t of tables) {
  errors.push(...checkNulls(t));
  const withNulls = t.columns.filter((c) => c.values.some((v) => v === null)).map((c) => `${c.name} (${c.values.filter((v) => v === null).length})`);
  report.push(`- ${t.name}: nullable [${t.nullable.join(', ')}]; nulls present: ${withNulls.join(', ') || 'none'}`);
}
const tableCols = new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
errors.push(...checkCatalogue(catalogue, tableCols));
report.push('', '## Tables (read back from disk)');
for (const t of tables) {
  const parts = tableFiles(t).map((f) => readArrowStream(readFileSync(out(f))));
  const rows = parts.reduce((sum, b) => sum + b.numRows, 0);
  const n = t.columns[0]?.values.length ?? 0;
  if (rows !== n) errors.push(`${t.name}: read back ${rows} rows, wrote ${n}`);
  for (const back of parts) {
    if (back.schema.fields.map((f) => f.name).join(',') !== t.columns.map((c) => c.name).join(',')) errors.push(`${t.name}: schema differs on read-back`);
  }
  report.push(`- ${t.name}: ${rows} rows × ${parts[0]?.numCols ?? 0} columns${parts.length > 1 ? ` (${parts[0]?.numRows} in the five authorities' file, ${parts[1]?.numRows} in the England file)` : ''}`);
}
const expectRows: [TableSpec, number][] = [[iod25.spec, EXPECTED_ENGLAND_LSOAS], [bridged.iod2019, EXPECTED_ENGLAND_LSOAS], [bridged.iod2015, EXPECTED_ENGLAND_LSOAS], [census, EXPECTED_FIVE_LSOAS], [coverage, 5]];
for (const [t, n] of expectRows) if ((t.columns[0]?.values.length ?? 0) !== n) errors.push(`${t.name}: expected ${n} rows`);

report.push('', '## IoD 2019/2015 bridging to LSOA 2021');
report.push(`- ${Object.entries(bridged.kindCounts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
report.push('', '## Crime assignment');
for (const [k, v] of Object.entries(stats)) report.push(`- ${k}: ${v}`);
report.push(`- rows: ${crimes.length}`);
report.push('', '## Postcodes (NSPL)');
report.push(`- ${postcodeOut.postcodes.rows} postcodes in ${postcodeOut.postcodes.districts} districts; without a centroid ${postcodeOut.postcodes.withoutCentroid}; NSPL ward differs from the LSOA's best-fit ward ${postcodeOut.postcodes.nsplWardDiffers}`);
report.push(`- LSOA 2011 codes of the five authorities that are not 2021 codes: ${postcodeOut.lsoa11Changed}`);
report.push(`- ${places.rows} OS Open Names places; first zoom ${Object.entries(places.byZoom).map(([z, n]) => `${z}: ${n}`).join(', ')}`);

// docs (README, ATTRIBUTION) before sizes
writeDocs({ geoFiles: geoFiles.map(([f, fc]) => [f, fc.features.length]), tables, bridgeCounts: bridged.kindCounts, stats, eng, thresholds, crimes: crimes.length, catalogue: catalogue.length, postcodes: postcodeOut, places });

report.push('', '## File sizes');
let total = 0;
const files = [...geoFiles.map(([f]) => f), 'first-paint.json', 'first-paint-england.json', ...tables.flatMap(tableFiles), POSTCODES_FILE, LSOA11_FILE, PLACES_FILE, 'README.md', 'ATTRIBUTION.md'];
for (const f of files) {
  const s = statSync(out(f)).size;
  total += s;
  report.push(`- ${f}: ${(s / 1e6).toFixed(2)} MB`);
}
report.push(`- total: ${(total / 1e6).toFixed(2)} MB`);
const lsoaEngSize = statSync(out('geo/lsoa-england.geojson')).size;
if (lsoaEngSize > 6e6) report.push(`- NOTE lsoa-england.geojson is ${(lsoaEngSize / 1e6).toFixed(2)} MB (> 6 MB target; see README)`);
if (total > 25e6) report.push(`- NOTE total exceeds the 25 MB aim`);

report.push('', errors.length ? `## FAILED: ${errors.length} error(s)` : '## OK: all checks passed');
for (const e of errors) report.push(`- ${e}`);
const text = `${report.join('\n')}\n`;
writeFileSync(out('validation-report.txt'), text);
log(text);
log(`output: ${OUT_DIR}`);
if (errors.length) process.exit(1);
