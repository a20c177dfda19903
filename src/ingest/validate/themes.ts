import { SURVEY_THEMES, type SurveyTheme } from '../schemas.ts';
import { type ValueResult, quote } from './result.ts';
import { normaliseKey } from './text.ts';

/**
 * Other ways the pilot's themes get written (keys as normaliseKey makes them).
 * The PRODUCT brief itself says "Police & safety" and "Maintenance of
 * communal areas", so those shorter names must land on the canonical themes.
 */
const THEME_SYNONYMS: Record<string, SurveyTheme> = {
  youth: 'Youth activities',
  'youth activity': 'Youth activities',
  'youth clubs': 'Youth activities',
  'youth services': 'Youth activities',
  'activities for young people': 'Youth activities',
  'young people': 'Youth activities',
  'healthy eating': 'Healthy eating & affordable food',
  'affordable food': 'Healthy eating & affordable food',
  food: 'Healthy eating & affordable food',
  'mental health': 'Mental health & reducing isolation',
  isolation: 'Mental health & reducing isolation',
  loneliness: 'Mental health & reducing isolation',
  'reducing isolation': 'Mental health & reducing isolation',
  parenting: 'Parenting skills & support',
  'parenting support': 'Parenting skills & support',
  'parenting skills': 'Parenting skills & support',
  information: 'Information & advice',
  advice: 'Information & advice',
  'info and advice': 'Information & advice',
  diversity: 'Diversity, inclusion & community spirit',
  inclusion: 'Diversity, inclusion & community spirit',
  'diversity and inclusion': 'Diversity, inclusion & community spirit',
  'community spirit': 'Diversity, inclusion & community spirit',
  'community cohesion': 'Diversity, inclusion & community spirit',
  police: 'Policing & safety',
  policing: 'Policing & safety',
  'police and safety': 'Policing & safety',
  safety: 'Policing & safety',
  'community safety': 'Policing & safety',
  crime: 'Policing & safety',
  'crime and safety': 'Policing & safety',
  exercise: 'Affordable exercise',
  sport: 'Affordable exercise',
  fitness: 'Affordable exercise',
  maintenance: 'Maintenance & condition of public/communal areas',
  'communal areas': 'Maintenance & condition of public/communal areas',
  'public areas': 'Maintenance & condition of public/communal areas',
  'maintenance of communal areas': 'Maintenance & condition of public/communal areas',
  'maintenance of public areas': 'Maintenance & condition of public/communal areas',
  'maintenance and condition of communal areas': 'Maintenance & condition of public/communal areas',
  'maintenance and condition of public areas': 'Maintenance & condition of public/communal areas',
  'condition of communal areas': 'Maintenance & condition of public/communal areas',
  employment: 'Employment support & income maximisation',
  'employment support': 'Employment support & income maximisation',
  jobs: 'Employment support & income maximisation',
  'income maximisation': 'Employment support & income maximisation',
  housing: 'Housing issues',
  'housing problems': 'Housing issues',
};

const CANONICAL = new Map<string, SurveyTheme>(SURVEY_THEMES.map((t) => [normaliseKey(t), t]));
const STOP_WORDS = new Set(['and', 'of', 'the', 'a', 'for', 'issues', 'public', 'communal']);

/** Each theme's meaningful words, for matching longer or reordered wordings. */
const THEME_WORDS: [SurveyTheme, Set<string>][] = SURVEY_THEMES.map((t) => [t, new Set(normaliseKey(t).split(' '))]);

/** True when the text is exactly a theme's name apart from case and punctuation. */
export function isCanonicalTheme(text: string): boolean {
  return CANONICAL.has(normaliseKey(text));
}

/**
 * One of the eleven survey themes from the text a respondent or form wrote.
 * Case, '&' versus 'and' and punctuation never matter; other wordings
 * ('Police & safety', 'Housing') are matched and say how they were read.
 */
export function matchTheme(text: string): ValueResult<SurveyTheme> {
  const key = normaliseKey(text);
  const exact = CANONICAL.get(key);
  if (exact) return { value: exact };
  const theme = THEME_SYNONYMS[key] ?? byWords(key);
  if (theme) return { value: theme, altered: `${quote(text.trim())} read as '${theme}'` };
  return { error: `${quote(text.trim())} isn't one of the eleven survey themes.` };
}

/** A theme all of whose meaningful words the text uses, if exactly one theme fits. */
function byWords(key: string): SurveyTheme | undefined {
  const words = key.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));
  if (words.length === 0) return undefined;
  const hits = THEME_WORDS.filter(([, vocab]) => words.every((w) => vocab.has(w)));
  return hits.length === 1 ? hits[0]![0] : undefined;
}
