import type { TableSpec } from './arrow-write.ts';
import { type Bridge, bridge11to21 } from './bridge.ts';
import { type Row, field, int, num, readCsv, reqInt } from './csv.ts';
import type { Lookup11to21Row } from './lookups.ts';
import { RAW } from './raw-paths.ts';
import { cmp, must } from './util.ts';

/** IoD 2025 raw prefix → output column (IMD + 7 domains, file domains_scores_ranks_deciles). */
export const IOD25_DOMAINS: [string, string][] = [
  ['IMD', 'imd'],
  ['Income', 'income'],
  ['Employment', 'employment'],
  ['Education', 'education'],
  ['Health', 'health'],
  ['Crime', 'crime'],
  ['Housing_and_Services', 'housing_services'],
  ['Environment', 'living_environment'],
];
export const IOD25_SUBDOMAINS: [string, string][] = [
  ['children_and_young_people', 'sub_children_young_people'],
  ['adult_skills', 'sub_adult_skills'],
  ['geographical_barriers', 'sub_geographical_barriers'],
  ['wider_barriers', 'sub_wider_barriers'],
  ['indoors', 'sub_indoors'],
  ['outdoors', 'sub_outdoors'],
];
export const IOD25_INDICATORS: [string, string][] = [
  ['income_domain_numerator', 'ind_income_numerator'],
  ['income_deprivation_affecting_children_index_idaci_numerator', 'ind_idaci_numerator'],
  ['income_deprivation_affecting_older_people_index_idaopi_numerator', 'ind_idaopi_numerator'],
  ['employment_domain_numerator', 'ind_employment_numerator'],
  ['adult_skills_and_english_language_proficiency_indicator', 'ind_adult_skills'],
  ['entry_to_higher_education_indicator', 'ind_entry_to_higher_education'],
  ['acute_morbidity_indicator', 'ind_acute_morbidity'],
  ['comparative_illness_and_disability_ratio_indicator', 'ind_illness_disability_ratio'],
  ['mental_health_indicator', 'ind_mental_health'],
  ['years_of_potential_life_lost_indicator', 'ind_years_of_life_lost'],
  ['violence_with_injury_rate_per_1_000_at_risk_population', 'ind_violence_with_injury_rate'],
  ['violence_without_injury_rate_per_1_000_at_risk_population', 'ind_violence_without_injury_rate'],
  ['stalking_and_harassment_rate_per_1_000_at_risk_population', 'ind_stalking_harassment_rate'],
  ['burglary_rate_per_1_000_at_risk_properties', 'ind_burglary_rate'],
  ['theft_rate_per_1_000_at_risk_population', 'ind_theft_rate'],
  ['criminal_damage_rate_per_1_000_at_risk_population', 'ind_criminal_damage_rate'],
  ['public_order_and_possession_of_weapons_rate_per_1_000_at_risk_population', 'ind_public_order_weapons_rate'],
  ['anti_social_behaviour_rate_per_1_000_at_risk_population', 'ind_asb_rate'],
  ['connectivity_score', 'ind_connectivity'],
  ['owner_occupation_affordability_component_of_housing_affordability_indicator', 'ind_owner_affordability'],
  ['private_rental_affordability_component_of_housing_affordability_indicator', 'ind_rental_affordability'],
  ['housing_affordability_indicator', 'ind_housing_affordability'],
  ['digital_connectivity_broadband_download_and_upload_speeds', 'ind_digital_connectivity'],
  ['core_homelessness_rate_percent_of_households', 'ind_core_homelessness_pct'],
  ['patient_to_gp_ratio', 'ind_patient_to_gp_ratio'],
  ['homelessness_indicator_rate_per_1_000_households', 'ind_homelessness_rate'],
  ['household_overcrowding_indicator_rooms', 'ind_overcrowding_rooms'],
  ['household_overcrowding_indicator_bedrooms', 'ind_overcrowding_bedrooms'],
];

function byCode(rows: Row[], col: string): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of rows) {
    const c = field(r, col);
    if (m.has(c)) throw new Error(`duplicate ${c} in ${col}`);
    m.set(c, r);
  }
  return m;
}

export interface Iod25Result {
  spec: TableSpec;
  codes: string[];
  imdScore: Map<string, number>;
  imdDecile: Map<string, number>;
}

export function buildIod2025(): Iod25Result {
  const dom = byCode(readCsv(RAW.iod25Domains), 'lsoa21_code');
  const sub = byCode(readCsv(RAW.iod25Sub), 'lsoa21_code');
  const ind = byCode(readCsv(RAW.iod25Ind), 'lsoa21_code');
  const codes = [...dom.keys()].sort(cmp);
  for (const [name, m] of [['sub-domains', sub], ['indicators', ind]] as const) {
    if (m.size !== dom.size || codes.some((c) => !m.has(c))) throw new Error(`IoD 2025 ${name} file LSOA set differs from domains file`);
  }
  const spec: TableSpec = { name: 'iod2025', columns: [{ name: 'lsoa_code', type: 'utf8', values: codes }], nullable: [] };
  const add = (m: Map<string, Row>, rawCols: [string, string][], suffix: (s: string) => string, withRankDecile: boolean): void => {
    for (const [rawCol, outCol] of rawCols) {
      spec.columns.push({ name: outCol, type: 'float64', values: codes.map((c) => num(must(m.get(c), c), suffix(rawCol))) });
      if (!withRankDecile) continue;
      const rc = suffix(rawCol).replace(/_score$/, '_rank');
      const dc = suffix(rawCol).replace(/_score$/, '_decile');
      spec.columns.push({ name: `${outCol}_rank`, type: 'int32', values: codes.map((c) => int(must(m.get(c), c), rc)) });
      spec.columns.push({ name: `${outCol}_decile`, type: 'int32', values: codes.map((c) => int(must(m.get(c), c), dc)) });
    }
  };
  add(dom, IOD25_DOMAINS, (s) => `${s}_score`, true);
  add(sub, IOD25_SUBDOMAINS, (s) => `${s}_score`, true);
  add(ind, IOD25_INDICATORS, (s) => s, false);
  // Numerators are suppressed (blank) in the source for small counts; indicators may be blank too.
  spec.nullable = spec.columns.filter((c) => c.name.startsWith('ind_') && c.values.some((v) => v === null)).map((c) => c.name);
  const imdScore = new Map<string, number>();
  const imdDecile = new Map<string, number>();
  for (const c of codes) {
    const r = must(dom.get(c), c);
    imdScore.set(c, must(num(r, 'IMD_score'), c));
    imdDecile.set(c, reqInt(r, 'IMD_decile'));
  }
  return { spec, codes, imdScore, imdDecile };
}

/** Measures bridged from LSOA 2011 editions: [output prefix, rank column, decile column, row map]. */
type Measure = [string, string, string, Map<string, Row>];

function bridgedTable(name: string, codes21: string[], bridges: Map<string, Bridge>, measures: Measure[]): TableSpec {
  const br = codes21.map((c) => must(bridges.get(c), `LSOA 2021 ${c} is not in the 2011→2021 lookup`));
  const spec: TableSpec = {
    name,
    columns: [
      { name: 'lsoa_code', type: 'utf8', values: codes21 },
      { name: 'lsoa11_code', type: 'utf8', values: br.map((b) => b.parent) },
      { name: 'bridge', type: 'utf8', values: br.map((b) => b.kind) },
    ],
    nullable: [],
  };
  for (const [prefix, rankCol, decileCol, rows] of measures) {
    const src = br.map((b) => must(rows.get(b.parent), `${name}: no row for LSOA 2011 ${b.parent}`));
    spec.columns.push({ name: `${prefix}_rank`, type: 'int32', values: src.map((r) => reqInt(r, rankCol)) });
    spec.columns.push({ name: `${prefix}_decile`, type: 'int32', values: src.map((r) => reqInt(r, decileCol)) });
  }
  return spec;
}

export interface BridgedResult {
  iod2019: TableSpec;
  iod2015: TableSpec;
  bridges: Map<string, Bridge>;
  kindCounts: Record<string, number>;
}

export function buildBridged(codes21: string[], lookup: Lookup11to21Row[]): BridgedResult {
  const f6 = readCsv(RAW.iod19File6);
  const pop = new Map<string, number>();
  for (const r of f6) pop.set(field(r, 'LSOA code (2011)'), reqInt(r, 'Total population: mid 2015 (excluding prisoners)'));
  const wanted = new Set(codes21);
  const bridges = bridge11to21(
    lookup.filter((r) => wanted.has(r.lsoa21)),
    pop,
  );
  const kindCounts: Record<string, number> = { U: 0, S: 0, M: 0, X: 0 };
  for (const c of codes21) {
    const b = bridges.get(c);
    if (b) kindCounts[b.kind] = (kindCounts[b.kind] ?? 0) + 1;
  }

  const f2 = byCode(readCsv(RAW.iod19File2), 'LSOA code (2011)');
  const s19 = byCode(readCsv(RAW.iod19Sub), 'lsoa11_code');
  const R = ' Rank (where 1 is most deprived)';
  const D = ' Decile (where 1 is most deprived 10% of LSOAs)';
  const dom19: [string, string][] = [
    ['imd', 'Index of Multiple Deprivation (IMD)'],
    ['income', 'Income'],
    ['employment', 'Employment'],
    ['education', 'Education, Skills and Training'],
    ['health', 'Health Deprivation and Disability'],
    ['crime', 'Crime'],
    ['housing_services', 'Barriers to Housing and Services'],
    ['living_environment', 'Living Environment'],
  ];
  const sub19: [string, string][] = [
    ['sub_children_young_people', 'Children_and_young_people'],
    ['sub_adult_skills', 'Adult_skills'],
    ['sub_geographical_barriers', 'Geographical_barriers'],
    ['sub_wider_barriers', 'Wider_barriers'],
    ['sub_indoors', 'Indoors'],
    ['sub_outdoors', 'Outdoors'],
  ];
  const m19: Measure[] = [
    ...dom19.map(([p, raw]): Measure => [p, `${raw}${R}`, `${raw}${D}`, f2]),
    ...sub19.map(([p, raw]): Measure => [p, `${raw}_rank`, `${raw}_decile`, s19]),
  ];
  const i15 = byCode(readCsv(RAW.iod15Imd), 'lsoa11_code');
  const s15 = byCode(readCsv(RAW.iod15Sub), 'lsoa11_code');
  const sub15: [string, string][] = [
    ['sub_children_young_people', 'children_and_young_people_sub_domain'],
    ['sub_adult_skills', 'adult_skills_sub_domain'],
    ['sub_geographical_barriers', 'geographical_barriers_sub_domain'],
    ['sub_wider_barriers', 'wider_barriers_sub_domain'],
    ['sub_indoors', 'indoors_sub_domain'],
    ['sub_outdoors', 'outdoors_sub_domain'],
  ];
  const m15: Measure[] = [['imd', 'IMD_rank', 'IMD_decile', i15], ...sub15.map(([p, raw]): Measure => [p, `${raw}_rank`, `${raw}_decile`, s15])];
  return {
    iod2019: bridgedTable('iod2019', codes21, bridges, m19),
    iod2015: bridgedTable('iod2015', codes21, bridges, m15),
    bridges,
    kindCounts,
  };
}
