import type { TableSpec } from './arrow-write.ts';
import type { Indicator } from '../../src/db/queries/indicatorCatalogue.ts';
import { LICENCE } from './attribution.ts';
import { CENSUS_PCT } from './census.ts';

export type Theme = 'Overall deprivation' | 'Income & work' | 'Education' | 'Health' | 'Crime & safety' | 'Housing' | 'Living environment' | 'Population';
/** A catalogue row as the app reads it (src/db/queries/indicatorCatalogue.ts), with the build's narrower types. */
export interface CatalogueEntry extends Omit<Indicator, 'theme' | 'table_name'> {
  theme: Theme;
  table_name: 'iod2025' | 'iod2019' | 'iod2015' | 'census';
}

const SCORE_CAVEAT = 'Scores are not comparable across domains; compare areas by rank or decile.';
const DOMAINS: [string, string, Theme, string][] = [
  ['imd', 'Overall deprivation', 'Overall deprivation', 'Index of Multiple Deprivation: combines income, employment, education, health, crime, barriers to housing and services, and living environment.'],
  ['income', 'Low income', 'Income & work', 'Income Deprivation domain: share of people on low incomes (means-tested benefits and tax credits).'],
  ['employment', 'People out of work', 'Income & work', 'Employment Deprivation domain: share of working-age people involuntarily out of work (unemployment, sickness or disability, caring).'],
  ['education', 'Education and skills', 'Education', 'Education, Skills and Training domain: lack of attainment and skills among children, young people and adults.'],
  ['health', 'Poor health and disability', 'Health', 'Health Deprivation and Disability domain: risk of premature death and impaired quality of life through poor physical or mental health.'],
  ['crime', 'Crime', 'Crime & safety', 'Crime domain: risk of personal and material victimisation (recorded violence, burglary, theft and criminal damage).'],
  ['housing_services', 'Barriers to housing and services', 'Housing', 'Barriers to Housing and Services domain: distance to local services and housing affordability, homelessness and overcrowding.'],
  ['living_environment', 'Poor living environment', 'Living environment', 'Living Environment domain: quality of housing, air quality and road traffic accidents.'],
  ['sub_children_young_people', 'Children and young people: education', 'Education', 'Children and Young People sub-domain: attainment and entry to higher education.'],
  ['sub_adult_skills', 'Adult skills', 'Education', 'Adult Skills sub-domain: adults with low qualifications or limited English.'],
  ['sub_geographical_barriers', 'Distance to local services', 'Housing', 'Geographical Barriers sub-domain: travel distance to local services.'],
  ['sub_wider_barriers', 'Housing affordability, homelessness and overcrowding', 'Housing', 'Wider Barriers sub-domain: housing affordability, homelessness and overcrowding.'],
  ['sub_indoors', 'Poor-quality housing', 'Living environment', 'Indoors sub-domain: housing in poor condition and without central heating.'],
  ['sub_outdoors', 'Air quality and road accidents', 'Living environment', 'Outdoors sub-domain: air quality and road traffic accidents involving injury.'],
];

const IND: [string, string, Theme, string, boolean, string, 'weighted_mean' | 'sum'][] = [
  ['ind_income_numerator', 'People in income deprivation (count)', 'Income & work', 'people', true, 'Number of people in income-deprived families. Small counts are suppressed (blank) in the source.', 'sum'],
  ['ind_idaci_numerator', 'Children in income-deprived families (count)', 'Income & work', 'people', true, 'Number of children aged 0–15 in income-deprived families. Small counts are suppressed (blank).', 'sum'],
  ['ind_idaopi_numerator', 'Older people in income deprivation (count)', 'Income & work', 'people', true, 'Number of people aged 60+ in income-deprived families. Small counts are suppressed (blank).', 'sum'],
  ['ind_employment_numerator', 'People out of work (count)', 'Income & work', 'people', true, 'Number of working-age people involuntarily out of work. Small counts are suppressed (blank).', 'sum'],
  ['ind_adult_skills', 'Adults with low skills or limited English', 'Education', 'proportion', true, 'Proportion of working-age adults with no or low qualifications, or who cannot speak English well.', 'weighted_mean'],
  ['ind_entry_to_higher_education', 'Young people not going to university', 'Education', 'score', true, 'Indicator of young people under 21 not entering higher education. Missing for a few small areas.', 'weighted_mean'],
  ['ind_acute_morbidity', 'Emergency hospital admissions', 'Health', 'ratio', true, 'Standardised ratio of emergency hospital admissions.', 'weighted_mean'],
  ['ind_illness_disability_ratio', 'Illness and disability', 'Health', 'ratio', true, 'Comparative illness and disability ratio: people receiving benefits because of illness or disability, age/sex standardised.', 'weighted_mean'],
  ['ind_mental_health', 'Mental health', 'Health', 'score', true, 'Composite indicator of mood and anxiety disorders (prescriptions, hospital data, suicides, benefits).', 'weighted_mean'],
  ['ind_years_of_life_lost', 'Early deaths (years of life lost)', 'Health', 'ratio', true, 'Years of potential life lost: premature deaths, age/sex standardised.', 'weighted_mean'],
  ['ind_violence_with_injury_rate', 'Violence with injury per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded violence with injury per 1,000 at-risk population (IoD 2025 crime indicator).', 'weighted_mean'],
  ['ind_violence_without_injury_rate', 'Violence without injury per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded violence without injury per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_stalking_harassment_rate', 'Stalking and harassment per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded stalking and harassment per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_burglary_rate', 'Burglaries per 1,000 homes', 'Crime & safety', 'rate per 1,000', true, 'Recorded burglary per 1,000 at-risk properties.', 'weighted_mean'],
  ['ind_theft_rate', 'Thefts per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded theft per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_criminal_damage_rate', 'Criminal damage per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded criminal damage per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_public_order_weapons_rate', 'Public order and weapons offences per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded public order and possession of weapons offences per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_asb_rate', 'Anti-social behaviour per 1,000 residents', 'Crime & safety', 'rate per 1,000', true, 'Recorded anti-social behaviour incidents per 1,000 at-risk population.', 'weighted_mean'],
  ['ind_connectivity', 'Connectivity to services (higher is better)', 'Housing', 'score', false, 'Connectivity score for access to services by public transport, walking and driving; higher means better connected.', 'weighted_mean'],
  ['ind_owner_affordability', 'Difficulty affording to buy a home', 'Housing', 'score', true, 'Owner-occupation component of the housing affordability indicator.', 'weighted_mean'],
  ['ind_rental_affordability', 'Difficulty affording private rent', 'Housing', 'score', true, 'Private rental component of the housing affordability indicator.', 'weighted_mean'],
  ['ind_housing_affordability', 'Housing affordability', 'Housing', 'score', true, 'Housing affordability indicator (inability to afford to buy or rent); higher means less affordable.', 'weighted_mean'],
  ['ind_digital_connectivity', 'Slow broadband', 'Housing', 'score', true, 'Digital connectivity indicator based on broadband download and upload speeds; higher means poorer connectivity.', 'weighted_mean'],
  ['ind_core_homelessness_pct', 'Core homelessness (% of households)', 'Housing', '%', true, 'Estimated core homelessness as a percentage of households.', 'weighted_mean'],
  ['ind_patient_to_gp_ratio', 'Patients per GP', 'Health', 'ratio', true, 'Registered patients per GP; more patients per GP means harder access.', 'weighted_mean'],
  ['ind_homelessness_rate', 'Homelessness per 1,000 households', 'Housing', 'rate per 1,000', true, 'Homelessness indicator: rate per 1,000 households.', 'weighted_mean'],
  ['ind_overcrowding_rooms', 'Overcrowded homes (too few rooms)', 'Housing', 'proportion', true, 'Proportion of households with fewer rooms than needed.', 'weighted_mean'],
  ['ind_overcrowding_bedrooms', 'Overcrowded homes (too few bedrooms)', 'Housing', 'proportion', true, 'Proportion of households with fewer bedrooms than needed.', 'weighted_mean'],
];

const IOD_SOURCE = (y: number): string => `English Indices of Deprivation ${y}, MHCLG`;
const RANK_UNIT = 'rank (1 = most deprived in England)';

export function buildCatalogue(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const [col, label, theme, desc] of DOMAINS) {
    const isImd = col === 'imd';
    out.push({
      code: `iod25_${col}`,
      label: `${label} (${isImd ? 'IMD' : 'IoD'} 2025 score)`,
      theme,
      source: IOD_SOURCE(2025),
      edition: 2025,
      unit: 'score',
      higher_is_worse: true,
      description: `${desc} Higher scores mean more deprived. ${SCORE_CAVEAT}`,
      attribution: LICENCE.iod,
      table_name: 'iod2025',
      value_column: col,
      rank_column: `${col}_rank`,
      decile_column: `${col}_decile`,
      aggregation: 'weighted_mean',
      weight_column: null,
      coverage: 'england',
    });
  }
  for (const [col, label, theme, unit, worse, desc, agg] of IND) {
    out.push({
      code: `iod25_${col}`,
      label: `${label} (IoD 2025)`,
      theme,
      source: IOD_SOURCE(2025),
      edition: 2025,
      unit,
      higher_is_worse: worse,
      description: desc,
      attribution: LICENCE.iod,
      table_name: 'iod2025',
      value_column: col,
      rank_column: null,
      decile_column: null,
      aggregation: agg,
      weight_column: null,
      coverage: 'england',
    });
  }
  const editions: [number, 'iod2019' | 'iod2015', string[]][] = [
    [2019, 'iod2019', DOMAINS.map(([c]) => c)],
    [2015, 'iod2015', ['imd', 'sub_children_young_people', 'sub_adult_skills', 'sub_geographical_barriers', 'sub_wider_barriers', 'sub_indoors', 'sub_outdoors']],
  ];
  for (const [year, table, cols] of editions) {
    for (const col of cols) {
      const d = DOMAINS.find(([c]) => c === col);
      if (!d) continue;
      const [, label, theme, desc] = d;
      out.push({
        code: `iod${String(year).slice(2)}_${col}`,
        label: `${label} (${col === 'imd' ? 'IMD' : 'IoD'} ${year} rank)`,
        theme,
        source: IOD_SOURCE(year),
        edition: year,
        unit: RANK_UNIT,
        higher_is_worse: false,
        description: `${desc} National rank on LSOA 2011, carried to LSOA 2021 with the ONS lookup (a split area inherits its parent's rank; merged areas take the most populous parent). Compare editions by rank or decile only, not scores.`,
        attribution: LICENCE.iod,
        table_name: table,
        value_column: `${col}_rank`,
        rank_column: `${col}_rank`,
        decile_column: `${col}_decile`,
        // MHCLG: never average ranks into a larger area. Rank measures are for small areas only.
        aggregation: 'none',
        weight_column: null,
        coverage: 'england',
      });
    }
  }
  out.push({
    code: 'census_population',
    label: 'Number of residents (Census 2021)',
    theme: 'Population',
    source: 'Census 2021, Office for National Statistics (TS007A)',
    edition: 2021,
    unit: 'people',
    higher_is_worse: null,
    description: 'Usual residents on Census day 2021. Counts are slightly perturbed for disclosure control, so totals differ by a few people between tables.',
    attribution: LICENCE.ons,
    table_name: 'census',
    value_column: 'population',
    rank_column: null,
    decile_column: null,
    aggregation: 'sum',
    weight_column: null,
    coverage: 'five',
  });
  for (const c of CENSUS_PCT) {
    out.push({
      code: `census_${c.col}`,
      label: `${c.label} (Census 2021)`,
      theme: c.theme as Theme,
      source: 'Census 2021, Office for National Statistics (TS007A, TS054, TS052, TS021)',
      edition: 2021,
      unit: '%',
      higher_is_worse: c.worse,
      description: `${c.desc} Five authorities only.`,
      attribution: LICENCE.ons,
      table_name: 'census',
      value_column: c.col,
      rank_column: null,
      decile_column: null,
      aggregation: 'weighted_mean',
      // Household shares are weighted by their own households, so a ward's share is its households' share.
      weight_column: c.weight ?? null,
      coverage: 'five',
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function catalogueSpec(entries: CatalogueEntry[]): TableSpec {
  const keys: [keyof CatalogueEntry, 'utf8' | 'int32' | 'bool'][] = [
    ['code', 'utf8'], ['label', 'utf8'], ['theme', 'utf8'], ['source', 'utf8'], ['edition', 'int32'], ['unit', 'utf8'],
    ['higher_is_worse', 'bool'], ['description', 'utf8'], ['attribution', 'utf8'], ['table_name', 'utf8'], ['value_column', 'utf8'],
    ['rank_column', 'utf8'], ['decile_column', 'utf8'], ['aggregation', 'utf8'], ['weight_column', 'utf8'], ['coverage', 'utf8'],
  ];
  return {
    name: 'catalogue',
    columns: keys.map(([k, type]) => ({ name: k, type, values: entries.map((e) => e[k]) })),
    nullable: ['higher_is_worse', 'rank_column', 'decile_column', 'weight_column'],
  };
}
