import { AGE_BANDS, type AgeBand, type EthnicGroup } from '../schemas.ts';
import { type ValueResult, quote } from './result.ts';
import { isNotGiven, normaliseKey } from './text.ts';

/** Each survey age band's first and last age (75+ is open-ended). */
const BAND_RANGES: [AgeBand, number, number][] = AGE_BANDS.map((band) => {
  const [lo, hi] = band.endsWith('+') ? [Number(band.slice(0, -1)), Infinity] : band.split('-').map(Number);
  return [band, lo!, hi!];
});
const YOUNGEST = BAND_RANGES[0]![1];

const RANGE = /^(\d{1,3}) ?(?:-|to) ?(\d{1,3})(?: ?(?:years?|yrs?)(?: old)?)?$/;
const OPEN_UP = /^(\d{1,3}) ?(?:\+|plus|and over|or over|and above|and older|or older)(?: ?(?:years?|yrs?))?$/;
const OVER = /^(?:over|above|older than|aged over) (\d{1,3})$/;
const UNDER = /^(?:under|less than|below|younger than) (\d{1,3})$/;
const EXACT = /^(\d{1,3})(?: ?(?:years?|yrs?)(?: old)?)?$/;

function bandText(lo: number, hi: number): string {
  return hi === Infinity ? `${lo}+` : `${lo}-${hi}`;
}

/**
 * One of the survey's age bands (16-24 … 75+) from a band as written
 * ('18-24', '25 to 34', '75 and over'), an exact age ('37'), or 'Under 25'
 * (taken as 16-24). A band that straddles two survey bands ('65+' covers
 * 65-74 and 75+) can't be placed and is an error naming the bands.
 */
export function normaliseAgeBand(text: string): ValueResult<AgeBand | null> {
  const t = text.trim();
  if (isNotGiven(t)) return { value: null };
  const key = t.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  let lo: number;
  let hi: number;
  let assumed = false;
  let m: RegExpExecArray | null;
  if ((m = EXACT.exec(key))) {
    lo = hi = Number(m[1]);
    if (lo < YOUNGEST) return { error: `Age ${lo} is under ${YOUNGEST}, where the youngest survey age band starts.` };
    if (lo > 120) return { error: `Age ${quote(t)} isn't a plausible age.` };
  } else if ((m = RANGE.exec(key))) {
    lo = Number(m[1]);
    hi = Number(m[2]);
    if (hi < lo) return { error: `The age band ${quote(t)} runs backwards.` };
  } else if ((m = OPEN_UP.exec(key)) || (m = OVER.exec(key))) {
    lo = Number(m[1]);
    hi = Infinity;
  } else if ((m = UNDER.exec(key))) {
    lo = YOUNGEST;
    hi = Number(m[1]) - 1;
    assumed = true;
  } else {
    return { error: `${quote(t)} isn't an age or age band.` };
  }
  if (hi < YOUNGEST || lo < YOUNGEST) return { error: `The age band ${quote(t)} starts below ${YOUNGEST}, where the youngest survey age band starts.` };
  const home = BAND_RANGES.find(([, blo, bhi]) => lo >= blo && hi <= bhi);
  if (!home) {
    const spanned = BAND_RANGES.filter(([, blo, bhi]) => lo <= bhi && hi >= blo).map(([b]) => b);
    return { error: `The age band ${quote(t)} spans more than one survey band (${spanned.join(', ')}), so it can't be compared with residents.` };
  }
  const band = home[0];
  if (band === t) return { value: band };
  if (assumed) return { value: band, altered: `${quote(t)} read as '${band}' (assuming no respondents under ${YOUNGEST})` };
  if (lo === hi) return { value: band, altered: `age ${lo} read as '${band}'` };
  if (bandText(lo, hi) === band) return { value: band };
  return { value: band, altered: `${quote(t)} read as '${band}'` };
}

const SEX_WORDS: Record<string, 'Female' | 'Male'> = {
  f: 'Female', female: 'Female', woman: 'Female', women: 'Female', girl: 'Female', w: 'Female',
  m: 'Male', male: 'Male', man: 'Male', men: 'Male', boy: 'Male',
};

/** Female or Male from 'F', 'female', 'Woman', …; blank or 'prefer not to say' is missing. */
export function normaliseSex(text: string): ValueResult<'Female' | 'Male' | null> {
  const t = text.trim();
  if (isNotGiven(t)) return { value: null };
  const sex = SEX_WORDS[normaliseKey(t)];
  if (!sex) return { error: `Sex is recorded as Female or Male only, so ${quote(t)} can't be used.` };
  return sex === t ? { value: sex } : { value: sex, altered: `${quote(t)} read as '${sex}'` };
}

/**
 * Words that place a written ethnicity in a Census 2021 high-level group,
 * tried in this order: mixed answers first (they name two groups), then
 * Asian and Black before White so 'British Asian' or 'Black British' land right.
 */
const ETHNIC_RULES: [EthnicGroup, RegExp][] = [
  ['Mixed', /\b(mixed|multiple|dual heritage|biracial|white and (black|asian)|black and white|asian and white)\b/],
  ['Asian', /\b(asian|indian|pakistani|bangladeshi|chinese|sri lankan|nepali|tamil|punjabi|kashmiri|east asian|south asian)\b/],
  ['Black', /\b(black|african|caribbean|somali|nigerian|ghanaian)\b/],
  ['White', /\b(white|english|welsh|scottish|northern irish|british|irish|gypsy|traveller|roma|polish|european|romanian)\b/],
  ['Other', /\b(arab|other|any other|other ethnic group)\b/],
];

/**
 * A Census 2021 high-level ethnic group (Asian, Black, Mixed, White, Other)
 * from the detailed census wording ('White: English, Welsh, Scottish…',
 * 'Asian or Asian British: Pakistani') or free text ('British Pakistani').
 */
export function normaliseEthnicity(text: string): ValueResult<EthnicGroup | null> {
  const t = text.trim();
  if (isNotGiven(t)) return { value: null };
  const key = normaliseKey(t);
  for (const [group, words] of ETHNIC_RULES) {
    if (words.test(key)) return normaliseKey(group) === key ? { value: group } : { value: group, altered: `${quote(t)} read as '${group}'` };
  }
  return { error: `The ethnicity ${quote(t)} can't be placed in a Census 2021 group (Asian, Black, Mixed, White or Other).` };
}
