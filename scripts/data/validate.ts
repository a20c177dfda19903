import type { FeatureCollection } from 'geojson';
import type { TableSpec } from './arrow-write.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { type Poly, checkRings, checkValid } from './geo-util.ts';
import type { FiveLad } from './raw-paths.ts';
import { cmp } from './util.ts';

const sample = (xs: string[]): string => `${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ` … (+${xs.length - 5})` : ''}`;

/** Errors when two code sets differ (e.g. LSOAs in boundaries vs IoD 2025 rows). */
export function checkCodeSets(label: string, expected: Iterable<string>, actual: Iterable<string>): string[] {
  const e = new Set(expected);
  const a = new Set(actual);
  const missing = [...e].filter((c) => !a.has(c)).sort(cmp);
  const extra = [...a].filter((c) => !e.has(c)).sort(cmp);
  const errors: string[] = [];
  if (missing.length) errors.push(`${label}: ${missing.length} code(s) missing: ${sample(missing)}`);
  if (extra.length) errors.push(`${label}: ${extra.length} unexpected code(s): ${sample(extra)}`);
  return errors;
}

export function checkLadCounts(label: string, codesByLad: Map<string, number>, lads: readonly FiveLad[]): string[] {
  const errors: string[] = [];
  for (const l of lads) {
    const n = codesByLad.get(l.code) ?? 0;
    if (n !== l.expectedLsoas) errors.push(`${label}: ${l.name} (${l.code}) has ${n} LSOAs, expected ${l.expectedLsoas}`);
  }
  for (const k of codesByLad.keys()) if (!lads.some((l) => l.code === k)) errors.push(`${label}: unexpected authority ${k}`);
  return errors;
}

export function checkDuplicatesSorted(label: string, codes: readonly string[]): string[] {
  const errors: string[] = [];
  for (let i = 1; i < codes.length; i++) {
    const a = codes[i - 1] ?? '';
    const b = codes[i] ?? '';
    if (a === b) errors.push(`${label}: duplicate code ${a}`);
    else if (a > b) errors.push(`${label}: not sorted at ${a} > ${b}`);
    if (errors.length > 5) break;
  }
  return errors;
}

export interface GeoCheck {
  errors: string[];
  features: number;
  invalid: number;
}

/** Ring checks on every feature, turf booleanValid per polygon part, exact property keys. */
export function checkGeoLayer(
  label: string,
  fc: FeatureCollection<Poly, Record<string, unknown>>,
  props: readonly string[],
  bbox: readonly [number, number, number, number],
  runBooleanValid = true,
): GeoCheck {
  const errors: string[] = [];
  let invalid = 0;
  const codes: string[] = [];
  for (const f of fc.features) {
    const code = String(f.properties.code);
    codes.push(code);
    const keys = Object.keys(f.properties);
    if (keys.join(',') !== props.join(',')) errors.push(`${label} ${code}: properties ${keys.join(',')} ≠ ${props.join(',')}`);
    for (const p of props) {
      const v = f.properties[p];
      if (typeof v !== 'string' || v === '') errors.push(`${label} ${code}: property ${p} is empty`);
    }
    const issues = [...checkRings(code, f.geometry, bbox), ...(runBooleanValid && f.geometry ? checkValid(code, f.geometry) : [])];
    if (issues.length) {
      invalid++;
      if (invalid <= 5) errors.push(`${label} ${code}: ${issues.map((i) => i.problem).join('; ')}`);
    }
  }
  if (invalid > 5) errors.push(`${label}: ${invalid} invalid features in total`);
  errors.push(...checkDuplicatesSorted(label, codes));
  return { errors, features: fc.features.length, invalid };
}

/** Unexpected nulls: every column not listed as nullable must be complete; columns equally long. */
export function checkNulls(spec: TableSpec): string[] {
  const errors: string[] = [];
  const n = spec.columns[0]?.values.length ?? 0;
  for (const c of spec.columns) {
    if (c.values.length !== n) errors.push(`${spec.name}.${c.name}: ${c.values.length} values, expected ${n}`);
    if (spec.nullable.includes(c.name)) continue;
    const nulls = c.values.filter((v) => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))).length;
    if (nulls) errors.push(`${spec.name}.${c.name}: ${nulls} unexpected null(s)`);
  }
  for (const name of spec.nullable) if (!spec.columns.some((c) => c.name === name)) errors.push(`${spec.name}: nullable column ${name} does not exist`);
  return errors;
}

/** Catalogue completeness and that every referenced column exists in its table. */
export function checkCatalogue(entries: readonly CatalogueEntry[], tables: ReadonlyMap<string, readonly string[]>): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.code)) errors.push(`catalogue: duplicate code ${e.code}`);
    seen.add(e.code);
    for (const k of ['code', 'label', 'theme', 'source', 'unit', 'description', 'attribution', 'value_column'] as const) {
      if (!e[k] || String(e[k]).trim() === '') errors.push(`catalogue ${e.code}: empty ${k}`);
    }
    const cols = tables.get(e.table_name);
    if (!cols) {
      errors.push(`catalogue ${e.code}: unknown table ${e.table_name}`);
      continue;
    }
    for (const c of [e.value_column, e.rank_column, e.decile_column, e.weight_column]) {
      if (c !== null && !cols.includes(c)) errors.push(`catalogue ${e.code}: column ${c} not in ${e.table_name}`);
    }
  }
  return errors;
}
