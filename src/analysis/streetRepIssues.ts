import { STREET_REP_HEADINGS } from '../ingest/schemas.ts';

/**
 * Which grades a street-rep view looks at: every issue averaged, one form
 * heading's issues averaged, or one issue (so a site that gets worse on one
 * or two issues is not averaged away among ten).
 */
export type GradeScope = { kind: 'all' } | { kind: 'heading'; heading: string } | { kind: 'issue'; issue: string };

/** The select's value for a scope: '', 'heading:…', 'issue:…'. */
export function scopeValue(s: GradeScope): string {
  return s.kind === 'all' ? '' : s.kind === 'heading' ? `heading:${s.heading}` : `issue:${s.issue}`;
}

export function parseScope(value: string): GradeScope {
  if (value.startsWith('heading:')) return { kind: 'heading', heading: value.slice('heading:'.length) };
  if (value.startsWith('issue:')) return { kind: 'issue', issue: value.slice('issue:'.length) };
  return { kind: 'all' };
}

/** "every issue", "the Green & clean issues", "Fly-tipping". */
export function scopeWords(s: GradeScope): string {
  return s.kind === 'all' ? 'every issue' : s.kind === 'heading' ? `the ${s.heading} issues` : s.issue;
}

/** Does an issue (under its heading) fall in a scope? */
export function inScope(s: GradeScope, issue: string, heading: string | null): boolean {
  return s.kind === 'heading' ? heading === s.heading : s.kind === 'issue' ? issue === s.issue : true;
}

/** The form's headings with their issues, for the select. */
export const FORM_ISSUES: readonly { heading: string; issues: readonly string[] }[] = Object.entries(STREET_REP_HEADINGS).map(([heading, issues]) => ({
  heading,
  issues,
}));
