import { KEEP_WITHOUT_PLACE, OTHER_THEME, type ReconcilableField } from '../importProtocol.ts';
import { AGE_BANDS, ETHNIC_GROUPS, GRADES, SEXES, STREET_REP_ISSUES, SURVEY_THEMES } from '../schemas.ts';
import { matchIssue, parseGrade } from '../validate/grades.ts';
import { matchTheme } from '../validate/themes.ts';
import { normaliseAgeBand, normaliseEthnicity, normaliseSex } from '../validate/demographics.ts';
import type { ValueResult } from '../validate/result.ts';
import { venueKey } from '../normalise/location.ts';
import { CHANNELS, channelOf } from './channels.ts';
import { bracketlessFingerprint, fingerprint, ngramFingerprint, nearKeys } from './keys.ts';

/** What one distinct raw value would become, and why. */
export interface Proposal {
  /** A canonical value, OTHER_THEME, KEEP_WITHOUT_PLACE, or null when nothing fits (or the value means "not given"). */
  proposed: string | null;
  how: string;
  confident: boolean;
  /** True when the value is already exactly canonical (nothing to decide). */
  exact?: boolean;
}

/** The canonical values each field accepts, for the "map by hand" lists. */
export function optionsFor(field: ReconcilableField, venues: readonly string[] = []): string[] {
  switch (field) {
    case 'theme': return [...SURVEY_THEMES, OTHER_THEME];
    case 'grade': return [...GRADES];
    case 'age_band': return [...AGE_BANDS];
    case 'sex': return [...SEXES];
    case 'ethnicity': return [...ETHNIC_GROUPS];
    case 'issue': return [...STREET_REP_ISSUES];
    case 'channel': return [...CHANNELS];
    // KEEP_WITHOUT_PLACE is always a choice too; the import screen offers it beside the list venues.
    case 'venue': return [...venues];
  }
}

const SAME_KEY = 'same words ignoring case, accents, punctuation, abbreviations and word order';

/** Each list's fingerprints, worked out once (a column may hold 2,000 values to compare). */
const KEYS = new WeakMap<readonly string[], string[]>();
function keysOf(targets: readonly string[]): string[] {
  let keys = KEYS.get(targets);
  if (!keys) KEYS.set(targets, (keys = targets.map(fingerprint)));
  return keys;
}

/** The one target whose key is a typing slip away from `key` (never confident), or null. */
function nearTarget(key: string, targets: readonly string[], keys: readonly string[] = keysOf(targets)): Proposal | null {
  const hits = targets.filter((_, i) => nearKeys(key, keys[i]!));
  if (hits.length !== 1) return null;
  return { proposed: hits[0]!, how: `spelled closely to '${hits[0]}' (a typing slip?): check before accepting`, confident: false };
}

/** A rule's reading of a value as a proposal: its canonical value, "not given", or null. */
function fromRule(result: ValueResult<string | null>, what: string): Proposal | null {
  if ('error' in result) return null;
  if (result.value === null) return { proposed: null, how: 'means not given: left blank', confident: true };
  if (!result.altered) return { proposed: result.value, how: `already ${what}`, confident: true, exact: true };
  return { proposed: result.value, how: result.altered, confident: true };
}

/** Indexes a venue list by each of its keys, so a raw value can be matched in a few lookups. */
export class VenueIndex {
  readonly names: string[];
  private readonly byKey = new Map<string, Set<string>>();
  private readonly exact = new Map<string, string>();

  constructor(names: readonly string[]) {
    this.names = [...names];
    for (const name of names) {
      this.exact.set(venueKey(name), name);
      for (const key of [`f:${fingerprint(name)}`, `b:${bracketlessFingerprint(name)}`, `n:${ngramFingerprint(name)}`]) {
        const set = this.byKey.get(key) ?? new Set<string>();
        set.add(name);
        this.byKey.set(key, set);
      }
    }
  }

  /** The list venue written exactly so (ignoring case and repeated spaces), as the import matches without help. */
  exactly(raw: string): string | undefined {
    return this.exact.get(venueKey(raw));
  }

  /** The one list venue a key leads to, or undefined when none or several. */
  private only(key: string): string | undefined {
    const set = this.byKey.get(key);
    return set && set.size === 1 ? set.values().next().value : undefined;
  }

  propose(raw: string): Proposal | null {
    const exact = this.exactly(raw);
    if (exact) return { proposed: exact, how: 'in the venue list', confident: true, exact: true };
    const f = fingerprint(raw);
    const byWords = this.only(`f:${f}`);
    if (byWords) return { proposed: byWords, how: `the venue list's '${byWords}' (${SAME_KEY})`, confident: true };
    const b = bracketlessFingerprint(raw);
    const bracketless = b === '' ? undefined : (this.only(`f:${b}`) ?? this.only(`b:${b}`));
    if (bracketless) return { proposed: bracketless, how: `the venue list's '${bracketless}' (${SAME_KEY}, and ignoring the text in brackets)`, confident: true };
    const byLetters = this.only(`n:${ngramFingerprint(raw)}`);
    if (byLetters) return { proposed: byLetters, how: `the venue list's '${byLetters}' (the same letters ignoring spaces and punctuation)`, confident: true };
    return nearTarget(f, this.names) ?? (b !== '' && b !== f ? nearTarget(b, this.names, this.bracketless) : null);
  }

  /** The list's names with bracketed text dropped, for a spelling-distance match ignoring brackets. */
  private get bracketless(): string[] {
    return (this.bracketlessNames ??= this.names.map(bracketlessFingerprint));
  }
  private bracketlessNames: string[] | undefined;
}

const THEME_NAMES: readonly string[] = SURVEY_THEMES;

/**
 * What one raw value of a field would become, before any choice by the person.
 * `venueOnly`: the mapping gives no coordinates or codes, so a venue is the
 * only way a row could be placed.
 */
export function propose(field: ReconcilableField, raw: string, venues: VenueIndex | null, venueOnly: boolean): Proposal {
  switch (field) {
    case 'theme': {
      const rule = fromRule(matchTheme(raw), 'one of the eleven themes');
      if (rule) return rule;
      return nearTarget(fingerprint(raw), THEME_NAMES) ?? { proposed: OTHER_THEME, how: `not one of the eleven themes: kept as '${OTHER_THEME}' at its rank unless you choose a theme`, confident: true };
    }
    case 'grade': {
      const grade = parseGrade(raw);
      if ('error' in grade) return { proposed: null, how: 'not one grade A to D (between two grades?): not guessed; that issue is left ungraded unless you choose a grade', confident: false };
      if (grade.value === null) return { proposed: null, how: 'means not graded', confident: true };
      const letter = GRADES[grade.value];
      return raw.trim() === letter ? { proposed: letter, how: 'already a grade', confident: true, exact: true } : { proposed: letter, how: grade.altered ?? `read as grade ${letter}`, confident: true };
    }
    case 'age_band':
      return fromRule(normaliseAgeBand(raw), 'a survey age band') ?? unmatched('a survey age band (16-24 … 75+)');
    case 'sex':
      return fromRule(normaliseSex(raw), 'Female or Male') ?? unmatched('Female or Male');
    case 'ethnicity':
      return fromRule(normaliseEthnicity(raw), 'a Census 2021 ethnic group') ?? unmatched('a Census 2021 ethnic group');
    case 'issue': {
      const issue = matchIssue(raw);
      if ('value' in issue) return issue.value === raw.trim() ? { proposed: issue.value, how: "already one of the form's issues", confident: true, exact: true } : { proposed: issue.value, how: `read as '${issue.value}'`, confident: true };
      return nearTarget(fingerprint(raw), STREET_REP_ISSUES) ?? unmatched("one of the form's issues");
    }
    case 'channel': {
      const channel = channelOf(raw);
      if (!channel) return { proposed: null, how: 'not a channel recognised: kept as written', confident: true };
      return channel === raw.trim() ? { proposed: channel, how: 'already a channel', confident: true, exact: true } : { proposed: channel, how: `read as '${channel}'`, confident: true };
    }
    case 'venue':
      return proposeVenue(raw, venues, venueOnly);
  }
}

function unmatched(what: string): Proposal {
  return { proposed: null, how: `not ${what}: left blank unless you choose one`, confident: false };
}

function proposeVenue(raw: string, venues: VenueIndex | null, venueOnly: boolean): Proposal {
  const listed = venues?.propose(raw);
  if (listed && (listed.confident || !channelOf(raw, 'venue'))) return listed;
  const channel = channelOf(raw, 'venue');
  if (channel) return { proposed: KEEP_WITHOUT_PLACE, how: `${channel === 'Online' ? 'an online' : `a ${channel.toLowerCase()}`} response, not a venue: kept without a place (counted, not mapped)`, confident: true };
  if (listed) return listed;
  if (!venues) {
    return venueOnly
      ? { proposed: KEEP_WITHOUT_PLACE, how: 'no venue list to place it: keep these rows without a place, or load a venue list', confident: false }
      : { proposed: null, how: 'no venue list: rows are placed by their coordinates or codes; the venue is kept as written', confident: true };
  }
  return { proposed: null, how: "isn't in the venue list: choose its venue, keep these rows without a place, or leave them out", confident: false };
}
