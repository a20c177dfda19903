/**
 * Who answered versus who lives here (PRODUCT.md, DESIGN.md "Representativeness"):
 * respondents by age band or ethnic group against Census 2021 residents of the
 * same areas, as shares, ratios, a chi-square goodness-of-fit test and plain
 * English sentences. Pure: counts in, numbers and words out.
 *
 * Rules (chosen so small samples are not over-flagged):
 * - Too few: with fewer than MIN_RESPONDENTS respondents who gave the answer,
 *   no group is flagged and the overall sentence says so.
 * - Under-represented: the group's share of responses is below half its share
 *   of residents AND the upper end of the Wilson 95 % interval of its response
 *   share is still below its resident share.
 * - Over-represented (the mirror image): response share above double the
 *   resident share AND the lower end of the Wilson 95 % interval above it.
 * - Shares of responses are of those who gave an answer; "prefer not to say"
 *   and blanks are counted separately (notStated) and mentioned, never mixed in.
 */
import { AGE_BANDS, ETHNIC_GROUPS, type AgeBand, type EthnicGroup } from '../ingest/schemas.ts';
import { chiSquareGoodnessOfFit, type ChiSquareResult } from '../stats/chiSquare.ts';
import { wilsonInterval } from '../stats/wilson.ts';
import { formatInteger, listWords } from './format.ts';

export type Dimension = 'age' | 'ethnicity';
export type RepresentationFlag = 'under-represented' | 'over-represented';

export const MIN_RESPONDENTS = 30;
export const UNDER_RATIO = 0.5;
export const OVER_RATIO = 2;
/** Below this the chi-square result is called a difference beyond chance. */
export const SIGNIFICANCE = 0.05;

export const AGE_BAND_NOTE =
  'Census 2021 counts people in five-year bands, so residents aged 15–24 stand in for 16–24, and resident shares are of people aged 15 and over.';

export interface GroupComparison {
  group: string;
  respondents: number;
  /** Of respondents who gave an answer; NaN when nobody did. */
  respondentShare: number;
  /** Wilson 95 % interval of respondentShare (NaN when nobody answered). */
  respondentLow: number;
  respondentHigh: number;
  residents: number;
  residentShare: number;
  /** respondentShare ÷ residentShare (1 = in proportion); NaN when either is missing. */
  ratio: number;
  flag: RepresentationFlag | null;
  sentence: string;
}

export interface RepresentativenessResult {
  dimension: Dimension;
  groups: GroupComparison[];
  /** null when there is nothing to test (no respondents or no residents). */
  chiSquare: ChiSquareResult | null;
  totalRespondents: number;
  totalResidents: number;
  notStated: number;
  tooFew: boolean;
  overallSentence: string;
  /** A caveat about the comparison (the 15–24 stand-in for age), or null. */
  note: string | null;
}

type Counts = Readonly<Partial<Record<string, number>>>;

/**
 * Compare respondents with residents, group by group, for one dimension.
 * Groups missing from either count object are taken as 0.
 */
export function representativeness(dimension: Dimension, respondents: Counts, residents: Counts, notStated = 0): RepresentativenessResult {
  const groupNames: readonly string[] = dimension === 'age' ? AGE_BANDS : ETHNIC_GROUPS;
  const observed = groupNames.map((g) => countOf(respondents, g, 'respondents'));
  const resident = groupNames.map((g) => countOf(residents, g, 'residents'));
  const totalRespondents = observed.reduce((a, b) => a + b, 0);
  const totalResidents = resident.reduce((a, b) => a + b, 0);
  const tooFew = totalRespondents < MIN_RESPONDENTS;
  const comparable = totalRespondents > 0 && totalResidents > 0;

  const groups = groupNames.map((group, i): GroupComparison => {
    const o = observed[i] as number;
    const r = resident[i] as number;
    const interval = wilsonInterval(o, totalRespondents);
    const residentShare = totalResidents > 0 ? r / totalResidents : NaN;
    const ratio = residentShare > 0 ? interval.share / residentShare : NaN;
    let flag: RepresentationFlag | null = null;
    if (!tooFew && comparable) {
      if (interval.share < UNDER_RATIO * residentShare && interval.high < residentShare) flag = 'under-represented';
      else if (interval.share > OVER_RATIO * residentShare && interval.low > residentShare) flag = 'over-represented';
    }
    return {
      group,
      respondents: o,
      respondentShare: interval.share,
      respondentLow: interval.low,
      respondentHigh: interval.high,
      residents: r,
      residentShare,
      ratio,
      flag,
      sentence: groupSentence(groupLabel(dimension, group), interval.share, residentShare, flag !== null, dimension),
    };
  });

  const chiSquare = comparable ? chiSquareGoodnessOfFit(observed, resident) : null;
  return {
    dimension,
    groups,
    chiSquare,
    totalRespondents,
    totalResidents,
    notStated,
    tooFew,
    overallSentence: overallSentence(dimension, groups, chiSquare, totalRespondents, totalResidents, tooFew, notStated),
    note: dimension === 'age' ? AGE_BAND_NOTE : null,
  };
}

/** How a group is named at the start of a sentence. */
export function groupLabel(dimension: Dimension, group: string): string {
  if (dimension === 'age') return group.endsWith('+') ? `People aged ${group.slice(0, -1)} and over` : `People aged ${group.replace('-', '–')}`;
  const labels: Record<EthnicGroup, string> = {
    Asian: 'Asian people',
    Black: 'Black people',
    Mixed: 'People from the Mixed ethnic group',
    White: 'White people',
    Other: 'People from the Other ethnic group',
  };
  return labels[group as EthnicGroup] ?? group;
}

/** A share as a whole percentage, without rounding a real group to "0%" or a partial one to "100%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return 'no data';
  if (share > 0 && share < 0.005) return 'less than 1%';
  if (share < 1 && share > 0.995) return 'more than 99%';
  return `${Math.round(share * 100)}%`;
}

export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'p not available';
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

type CensusRow = Readonly<Record<string, number | bigint | null | undefined>>;

const AGE_BAND_COLUMNS: Record<AgeBand, readonly string[]> = {
  '16-24': ['age_15_19', 'age_20_24'],
  '25-34': ['age_25_29', 'age_30_34'],
  '35-44': ['age_35_39', 'age_40_44'],
  '45-54': ['age_45_49', 'age_50_54'],
  '55-64': ['age_55_59', 'age_60_64'],
  '65-74': ['age_65_69', 'age_70_74'],
  '75+': ['age_75_79', 'age_80_84', 'age_85_plus'],
};

const ETHNIC_COLUMNS: Record<EthnicGroup, string> = {
  Asian: 'ethnic_asian',
  Black: 'ethnic_black',
  Mixed: 'ethnic_mixed',
  White: 'ethnic_white',
  Other: 'ethnic_other',
};

/**
 * Residents per respondent age band from census rows (one row, or several
 * areas' rows to add up), summing the census table's five-year columns.
 * See AGE_BAND_NOTE: Census 15–24 stands in for 16–24.
 */
export function residentsByAgeBand(censusRows: CensusRow | readonly CensusRow[]): { residents: Record<AgeBand, number>; note: string } {
  const rows = asRows(censusRows);
  const residents = Object.fromEntries(AGE_BANDS.map((band) => [band, sumColumns(rows, AGE_BAND_COLUMNS[band])])) as Record<AgeBand, number>;
  return { residents, note: AGE_BAND_NOTE };
}

/** Residents per Census 2021 high-level ethnic group (the census table's ethnic_* columns). */
export function residentsByEthnicGroup(censusRows: CensusRow | readonly CensusRow[]): Record<EthnicGroup, number> {
  const rows = asRows(censusRows);
  return Object.fromEntries(ETHNIC_GROUPS.map((g) => [g, sumColumns(rows, [ETHNIC_COLUMNS[g]])])) as Record<EthnicGroup, number>;
}

function asRows(censusRows: CensusRow | readonly CensusRow[]): readonly CensusRow[] {
  return Array.isArray(censusRows) ? (censusRows as readonly CensusRow[]) : [censusRows as CensusRow];
}

function sumColumns(rows: readonly CensusRow[], columns: readonly string[]): number {
  let total = 0;
  for (const row of rows) {
    for (const column of columns) {
      const v = row[column];
      // A missing count is not zero people: refuse rather than under-count residents.
      if (v === null || v === undefined) throw new RangeError(`The census row has no value for ${column}.`);
      total += Number(v);
    }
  }
  return total;
}

function countOf(counts: Counts, group: string, what: string): number {
  const v = counts[group] ?? 0;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`The number of ${what} for ${group} must be zero or more (got ${v}).`);
  return v;
}

function dimensionWords(dimension: Dimension): { by: string; answer: string } {
  return dimension === 'age' ? { by: 'age', answer: 'an age band' } : { by: 'ethnic group', answer: 'an ethnic group' };
}

function groupSentence(label: string, respondentShare: number, residentShare: number, flagged: boolean, dimension: Dimension): string {
  if (!Number.isFinite(residentShare)) return `${label}: no Census 2021 residents were found for these areas.`;
  if (!Number.isFinite(respondentShare)) return `${label} are ${formatShare(residentShare)} of residents; no responses gave ${dimensionWords(dimension).answer}.`;
  if (residentShare === 0) return `No residents were counted as ${lowerFirst(label)} in Census 2021, but ${formatShare(respondentShare)} of responses were.`;
  const link = flagged ? 'but' : 'and';
  return `${label} are ${formatShare(residentShare)} of residents ${link} ${formatShare(respondentShare)} of responses.`;
}

function overallSentence(
  dimension: Dimension,
  groups: readonly GroupComparison[],
  chi: ChiSquareResult | null,
  n: number,
  residents: number,
  tooFew: boolean,
  notStated: number,
): string {
  const words = dimensionWords(dimension);
  const parts: string[] = [];
  if (residents === 0) {
    parts.push('No Census 2021 residents were found for these areas, so the responses cannot be compared with who lives here.');
  } else if (tooFew) {
    parts.push(`Too few responses (n = ${formatInteger(n)}) to say whether they reflect who lives here.`);
  } else if (chi) {
    const test = `(chi-square test, ${formatP(chi.p)})`;
    parts.push(
      chi.p < SIGNIFICANCE
        ? `By ${words.by}, the ${formatInteger(n)} responses differ from who lives here by more than chance would explain ${test}.`
        : `By ${words.by}, the ${formatInteger(n)} responses are in line with who lives here: the differences are within what chance would give ${test}.`,
    );
    const listOf = (flag: RepresentationFlag): string =>
      listWords(groups.filter((g) => g.flag === flag).map((g) => lowerFirst(groupLabel(dimension, g.group))));
    const under = listOf('under-represented');
    const over = listOf('over-represented');
    if (under) parts.push(`Under-represented: ${under}.`);
    if (over) parts.push(`Over-represented: ${over}.`);
    if (chi.smallExpected) parts.push('Some groups would expect fewer than 5 responses, so treat the test as a rough guide.');
  }
  if (notStated > 0) {
    parts.push(notStated === 1 ? `One more response did not give ${words.answer} and is left out.` : `${formatInteger(notStated)} more responses did not give ${words.answer} and are left out.`);
  }
  return parts.join(' ');
}

function lowerFirst(label: string): string {
  return label.startsWith('People') ? `people${label.slice('People'.length)}` : label;
}
