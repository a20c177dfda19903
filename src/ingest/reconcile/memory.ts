import { KEEP_WITHOUT_PLACE, type ReconcilableField, type ValueChoices, type ValueProfile } from '../importProtocol.ts';
import type { DatasetKind } from '../schemas.ts';
import { fingerprint } from './keys.ts';

/**
 * The person's value choices, remembered per kind of file so next month's
 * export of the same survey needs no new decisions. Plain JSON (the import
 * screen keeps it in the browser's storage), versioned so an older shape is
 * dropped rather than misread.
 */
export const VALUE_MEMORY_VERSION = 1;

export interface ValueMemory {
  version: typeof VALUE_MEMORY_VERSION;
  kinds: Partial<Record<DatasetKind, ValueChoices>>;
}

/** Remembered choices kept per field; the oldest go first beyond this. */
export const MAX_REMEMBERED_PER_FIELD = 5_000;

const FIELDS: readonly ReconcilableField[] = ['venue', 'channel', 'theme', 'grade', 'age_band', 'sex', 'ethnicity', 'issue'];
const KINDS: readonly DatasetKind[] = ['survey', 'street-rep', 'police'];

export function emptyValueMemory(): ValueMemory {
  return { version: VALUE_MEMORY_VERSION, kinds: {} };
}

/** The memory with this import's choices added (newest win); `previous` is not changed. */
export function rememberValueChoices(previous: ValueMemory | null | undefined, kind: DatasetKind, choices: ValueChoices | undefined): ValueMemory {
  const base = previous && previous.version === VALUE_MEMORY_VERSION ? previous : emptyValueMemory();
  const old = base.kinds[kind] ?? {};
  const merged: ValueChoices = {};
  for (const field of FIELDS) {
    const before = old[field] ?? {};
    const now = choices?.[field] ?? {};
    if (Object.keys(before).length === 0 && Object.keys(now).length === 0) continue;
    // Re-inserting a chosen value moves it to the end, so trimming from the front forgets the oldest.
    const entries = [...Object.entries(before).filter(([raw]) => !(raw in now)), ...Object.entries(now)];
    merged[field] = Object.fromEntries(entries.slice(-MAX_REMEMBERED_PER_FIELD));
  }
  return { version: VALUE_MEMORY_VERSION, kinds: { ...base.kinds, [kind]: merged } };
}

/** The kind a profile's fields belong to (venue, theme… survey; grade, issue street-rep). */
function kindOf(profile: ValueProfile): DatasetKind {
  return profile.groups.some((g) => g.field === 'grade' || g.field === 'issue') ? 'street-rep' : 'survey';
}

/**
 * The choices to start the values step with: a value chosen before (exactly
 * as written, or failing that spelled the same way by its fingerprint) gets
 * that choice again, if it is still an option (a venue may have left the
 * list); otherwise every confident proposal is accepted. Nothing is set for a
 * value with no proposal, so it goes through the usual rules (and its rows
 * are reported) unless the person decides.
 */
export function defaultsFromMemory(profile: ValueProfile, memory: ValueMemory | null | undefined, kind: DatasetKind = kindOf(profile)): ValueChoices {
  const remembered = memory && memory.version === VALUE_MEMORY_VERSION ? (memory.kinds[kind] ?? {}) : {};
  const byKey = new Map<ReconcilableField, Map<string, string | null>>();
  const keyed = (field: ReconcilableField): Map<string, string | null> => {
    let map = byKey.get(field);
    if (!map) {
      map = new Map(Object.entries(remembered[field] ?? {}).map(([raw, choice]) => [fingerprint(raw), choice]));
      byKey.set(field, map);
    }
    return map;
  };
  const out: ValueChoices = {};
  for (const group of profile.groups) {
    const options = profile.options[group.field];
    const usable = (choice: string | null | undefined): choice is string | null =>
      choice === null || (typeof choice === 'string' && (options === undefined || options.includes(choice) || isFreeField(group.field, choice)));
    for (const member of group.members) {
      const exact = remembered[group.field]?.[member.raw];
      const choice = usable(exact) ? exact : keyed(group.field).get(fingerprint(member.raw));
      const chosen = usable(choice) ? choice : group.confident && group.proposed !== null ? group.proposed : undefined;
      if (chosen !== undefined) (out[group.field] ??= {})[member.raw] = chosen;
    }
  }
  return out;
}

/** Channels may be any wording the person prefers; a kept-without-place venue is always an option. */
function isFreeField(field: ReconcilableField, choice: string): boolean {
  return field === 'channel' || (field === 'venue' && choice === KEEP_WITHOUT_PLACE);
}

/** A memory read back from storage, checked: anything unexpected gives an empty memory rather than an error. */
export function parseValueMemory(stored: unknown): ValueMemory {
  if (typeof stored !== 'object' || stored === null) return emptyValueMemory();
  const { version, kinds } = stored as { version?: unknown; kinds?: unknown };
  if (version !== VALUE_MEMORY_VERSION || typeof kinds !== 'object' || kinds === null) return emptyValueMemory();
  const out = emptyValueMemory();
  for (const kind of KINDS) {
    const choices = (kinds as Record<string, unknown>)[kind];
    if (typeof choices !== 'object' || choices === null) continue;
    const clean: ValueChoices = {};
    for (const field of FIELDS) {
      const values = (choices as Record<string, unknown>)[field];
      if (typeof values !== 'object' || values === null) continue;
      const entries = Object.entries(values as Record<string, unknown>).filter((e): e is [string, string | null] => e[1] === null || typeof e[1] === 'string');
      if (entries.length > 0) clean[field] = Object.fromEntries(entries);
    }
    out.kinds[kind] = clean;
  }
  return out;
}
