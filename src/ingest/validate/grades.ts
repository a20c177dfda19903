import { GRADES, STREET_REP_HEADINGS, STREET_REP_ISSUES, type StreetRepHeading } from '../schemas.ts';
import { type ValueResult, quote } from './result.ts';
import { compactKey, isNotGiven } from './text.ts';

/** A grade 0–3 (A–D); null when not given. */
export type Grade = 0 | 1 | 2 | 3;

/**
 * One letter, alone or before the form's label ('B – acceptable', 'C: problem',
 * 'A (no problem)'). A second letter or a sign after it ('A/B', 'B-C', 'c+')
 * is not one grade.
 */
const LETTER = /^([a-d])(?:\s*(?:[-–—:.]\s*|\s+|\s*\()[a-z][^/+]+)?$/i;
/** Two grades, a grade with a sign, or a number between grades. */
const BETWEEN = /^(?:[a-d]\s*[/\-–&,]\s*[a-d]|[a-d]\s+(?:to|or|and)\s+[a-d]|[a-d]\s*[+-]|[+-]\s*[a-d]|\d+[.,]\d+)$/i;

/**
 * A street-rep grade: 'A'–'D' in any case, 'B – acceptable' style labels, or
 * 1–4 read as A–D (noted, since some forms number the other way round).
 * Blank and 'n/a' mean the issue wasn't graded: missing, not an error.
 * 'A/B', 'B-C', 'c+' or '2.5' are errors: a grade is never guessed.
 */
export function parseGrade(text: string): ValueResult<Grade | null> {
  const t = text.trim();
  if (isNotGiven(t)) return { value: null };
  if (/^[1-4](?:\.0+)?$/.test(t)) {
    const grade = (Number(t) - 1) as Grade;
    return { value: grade, altered: `grade ${Number(t)} read as ${GRADES[grade]} (1–4 taken as A–D, 1 = no problem)` };
  }
  if (BETWEEN.test(t)) return { error: `The grade ${quote(t)} is between grades or not a single grade A, B, C or D, so it wasn't guessed.` };
  const letter = LETTER.exec(t);
  if (letter) return { value: GRADES.indexOf(letter[1]!.toUpperCase() as (typeof GRADES)[number]) as Grade };
  return { error: `The grade ${quote(t)} isn't one of A, B, C or D.` };
}

/** Other names people give the form's issues (compact keys). */
const ISSUE_SYNONYMS: Record<string, string> = {
  groupsloitering: 'Groups loitering / disorderly behaviour',
  loitering: 'Groups loitering / disorderly behaviour',
  disorderlybehaviour: 'Groups loitering / disorderly behaviour',
  antisocialbehaviour: 'Groups loitering / disorderly behaviour',
  asb: 'Groups loitering / disorderly behaviour',
  noisenuisance: 'Noise',
  rubbish: 'Litter',
  litterandrubbish: 'Litter',
  dogmess: 'Dog fouling',
  dogpoo: 'Dog fouling',
  dogfoul: 'Dog fouling',
  flytip: 'Fly-tipping',
  dumping: 'Fly-tipping',
  illegaldumping: 'Fly-tipping',
  overgrown: 'Overgrown greenery',
  overgrownvegetation: 'Overgrown greenery',
  overgrownhedges: 'Overgrown greenery',
  overgrowngreenery: 'Overgrown greenery',
  lighting: 'Street lighting',
  streetlights: 'Street lighting',
  streetlight: 'Street lighting',
  streetfurniture: 'Damaged street furniture',
  damagedfurniture: 'Damaged street furniture',
  abandonedcars: 'Abandoned vehicles',
  abandonedvehicle: 'Abandoned vehicles',
};

const ISSUE_BY_KEY = new Map<string, string>([
  ...STREET_REP_ISSUES.map((issue) => [compactKey(issue), issue] as [string, string]),
  ...Object.entries(ISSUE_SYNONYMS),
]);

/** Words around an issue name in a wide file's column header ('Litter grade', 'Grade: Litter'). */
const HEADER_NOISE = /\b(grade|grading|rating|score|level|issue|a d)\b/g;

/** One of the form's issues from its name as written (case, punctuation and common synonyms ignored). */
export function matchIssue(text: string): ValueResult<string> {
  const t = text.trim();
  const direct = ISSUE_BY_KEY.get(compactKey(t));
  if (direct) return { value: direct };
  const stripped = compactKey(t.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').replace(HEADER_NOISE, ' '));
  const found = stripped === '' ? undefined : ISSUE_BY_KEY.get(stripped);
  if (found) return { value: found };
  return { error: `${quote(t)} isn't one of the street-rep form's issues (${STREET_REP_ISSUES.join(', ')}).` };
}

const HEADING_OF = new Map<string, StreetRepHeading>(
  (Object.entries(STREET_REP_HEADINGS) as [StreetRepHeading, readonly string[]][]).flatMap(([heading, issues]) => issues.map((issue) => [issue, heading] as [string, StreetRepHeading])),
);

/** The form heading an issue sits under ('Litter' → 'Green & clean'). */
export function headingOf(issue: string): StreetRepHeading {
  const heading = HEADING_OF.get(issue);
  if (!heading) throw new Error(`Not a street-rep issue: ${issue}`);
  return heading;
}
