import { normaliseKey } from '../validate/text.ts';
import type { DatasetKind } from '../schemas.ts';
import type { MappableField } from './fields.ts';

/**
 * Column names people use for each field, as normaliseKey writes them
 * (lower case, '&' → 'and', punctuation → spaces). A weight below 1 marks a
 * weaker hint ('x' may be a longitude or an easting; content decides).
 */
type Synonyms = Partial<Record<MappableField, [string, number][]>>;

const strong = (...names: string[]): [string, number][] => names.map((n) => [n, 1]);
const weak = (weight: number, ...names: string[]): [string, number][] => names.map((n) => [n, weight]);

const LOCATION: Synonyms = {
  lon: [...strong('lon', 'lng', 'long', 'longitude', 'longitude wgs84', 'long wgs84', 'lon wgs84', 'x wgs84'), ...weak(0.7, 'x')],
  lat: [...strong('lat', 'latitude', 'latitude wgs84', 'lat wgs84', 'y wgs84'), ...weak(0.7, 'y')],
  easting: [...strong('easting', 'eastings', 'os easting', 'grid easting', 'east', 'x coordinate', 'bng easting'), ...weak(0.6, 'x')],
  northing: [...strong('northing', 'northings', 'os northing', 'grid northing', 'north', 'y coordinate', 'bng northing'), ...weak(0.6, 'y')],
  lsoa_code: strong('lsoa', 'lsoa code', 'lsoa21cd', 'lsoa11cd', 'lsoa21 code', 'lsoa 2021 code', 'lsoa cd', 'small area', 'small area code'),
  ward_code: [...strong('ward code', 'wd24cd', 'wd23cd', 'wd22cd', 'wd21cd', 'wd25cd', 'ward cd', 'electoral ward code'), ...weak(0.8, 'ward')],
};

const SURVEY: Synonyms = {
  id: [...strong('id', 'response id', 'respondent id', 'survey id', 'record id', 'response number', 'ref', 'reference'), ...weak(0.7, 'respondent', 'response', 'no', 'number')],
  // Form tools: Microsoft Forms 'Completion time', Google 'Timestamp', SurveyMonkey 'End Date', SmartSurvey 'Ended'; the start of a response is a weaker hint.
  collected_on: [
    ...strong('date', 'collected', 'collected on', 'date collected', 'survey date', 'response date', 'date completed', 'completed', 'submitted', 'timestamp', 'visited', 'date of response', 'completion time', 'completion date', 'end date', 'ended', 'date submitted', 'submitted at', 'submission date', 'date modified', 'last modified time'),
    ...weak(0.8, 'start time', 'start date', 'started', 'date started'),
    ...weak(0.6, 'when', 'when collected'),
  ],
  postcode: strong('postcode', 'post code', 'postal code', 'home postcode', 'your postcode'),
  venue: [...strong('venue', 'place', 'collected at', 'where collected', 'event', 'venue name', 'event or venue', 'where did you complete', 'where did you fill in', 'where did you take'), ...weak(0.8, 'location', 'site', 'where')],
  channel: [...strong('channel', 'method', 'collection method', 'how collected', 'mode', 'format', 'response method', 'how did you complete', 'how did you fill in', 'how did you take part', 'how was this completed'), ...weak(0.7, 'source', 'type')],
  // 'Which of these matter most to you? (choose up to 3)': a form's multiple-answer question, answers in one cell.
  choices: strong('choices', 'priorities', 'themes', 'top priorities', 'ranked priorities', 'your priorities', 'ranked choices', 'selected themes', 'priority themes', 'matter most', 'matters most', 'most important', 'choose up to 3', 'choose up to three', 'select up to 3', 'select up to three', 'tick up to 3', 'tick up to three', 'top 3', 'top three'),
  choice_1: [...strong('choice 1', 'first choice', '1st choice', 'priority 1', 'first priority', '1st priority', 'top priority', 'rank 1', 'theme 1', 'preference 1', 'choice1', 'priority1', 'top choice'), ...weak(0.7, 'choice', 'priority')],
  choice_2: strong('choice 2', 'second choice', '2nd choice', 'priority 2', 'second priority', '2nd priority', 'rank 2', 'theme 2', 'preference 2', 'choice2', 'priority2'),
  choice_3: strong('choice 3', 'third choice', '3rd choice', 'priority 3', 'third priority', '3rd priority', 'rank 3', 'theme 3', 'preference 3', 'choice3', 'priority3'),
  choice_4: strong('choice 4', 'fourth choice', '4th choice', 'priority 4', 'fourth priority', '4th priority', 'rank 4', 'theme 4', 'preference 4', 'choice4', 'priority4'),
  choice_5: strong('choice 5', 'fifth choice', '5th choice', 'priority 5', 'fifth priority', '5th priority', 'rank 5', 'theme 5', 'preference 5', 'choice5', 'priority5'),
  age_band: strong('age', 'age band', 'age group', 'age range', 'age years', 'your age', 'age bracket', 'how old are you'),
  sex: strong('sex', 'gender', 'your sex', 'sex gender', 'gender identity'),
  ethnicity: strong('ethnicity', 'ethnic group', 'ethnic origin', 'ethnic background', 'ethnicity group', 'your ethnicity', 'ethnic'),
  free_text: [...strong('comments', 'comment', 'free text', 'other comments', 'any other comments', 'notes', 'anything else', 'feedback', 'further comments', 'additional comments', 'open ended response', 'tell us more', 'please tell us'), ...weak(0.6, 'other', 'text')],
};

const STREET_REP: Synonyms = {
  visit_id: [...strong('visit id', 'visit ref', 'visit reference', 'form id', 'visit number', 'record id'), ...weak(0.7, 'id', 'visit')],
  site_id: [...strong('site id', 'site ref', 'site code', 'site number', 'site no', 'site reference'), ...weak(0.9, 'site')],
  site_name: [...strong('site name', 'location name', 'site address', 'street', 'street name', 'address'), ...weak(0.8, 'location', 'site', 'name of site')],
  visited_on: [...strong('date', 'visit date', 'visited', 'visited on', 'date of visit', 'date visited', 'monitoring date'), ...weak(0.6, 'when')],
  visit_time: strong('time', 'visit time', 'time of visit', 'time visited'),
  rep: [...strong('rep', 'street rep', 'person monitoring', 'monitored by', 'volunteer', 'surveyor', 'recorded by', 'rep name', 'monitor'), ...weak(0.6, 'name', 'by')],
  issue: strong('issue', 'issue name', 'problem', 'category', 'item', 'issue type'),
  grade: strong('grade', 'rating', 'score', 'grading', 'level', 'grade a d'),
};

/** police.uk's own column names, one to one. */
const POLICE: Synonyms = {
  crime_id: strong('crime id', 'crime reference', 'id'),
  month: strong('month', 'period', 'date'),
  reported_by: strong('reported by'),
  falls_within: strong('falls within'),
  lon: strong('longitude', 'lon', 'lng', 'long'),
  lat: strong('latitude', 'lat'),
  location: strong('location', 'location description'),
  lsoa_code: strong('lsoa code', 'lsoa', 'lsoa11cd', 'lsoa21cd'),
  lsoa_name: strong('lsoa name'),
  crime_type: strong('crime type', 'type', 'offence', 'category', 'crime category'),
  outcome: strong('last outcome category', 'outcome', 'last outcome'),
  context: strong('context'),
};

const BY_KIND: Record<DatasetKind, Synonyms> = {
  survey: { ...LOCATION, ...SURVEY },
  'street-rep': { ...LOCATION, ...STREET_REP },
  police: POLICE,
};

/**
 * How well a column name suggests a field, 0–1: an exact synonym scores its
 * weight; a longer name that contains a multi-letter synonym as whole words
 * ('Latitude (WGS84)', 'Any other comments?') scores a little less.
 */
export function headerScore(kind: DatasetKind, field: MappableField, header: string): number {
  const synonyms = BY_KIND[kind][field];
  if (!synonyms) return 0;
  const key = normaliseKey(header);
  if (key === '') return 0;
  let best = 0;
  const padded = ` ${key} `;
  for (const [name, weight] of synonyms) {
    if (key === name) best = Math.max(best, weight);
    else if (name.length >= 3 && padded.includes(` ${name} `)) best = Math.max(best, weight * 0.75);
  }
  return best;
}
