import { KEEP_WITHOUT_PLACE, OTHER_THEME, type ReconcilableField, type ValueCount, type ValueGroup } from '../importProtocol.ts';
import { channelOf } from './channels.ts';
import { fingerprint, ngramFingerprint } from './keys.ts';
import { type Proposal, VenueIndex, propose } from './proposals.ts';

export { VenueIndex, optionsFor } from './proposals.ts';

export interface ClusterInput {
  field: ReconcilableField;
  /** The column the values come from (the first one, when a field reads several). */
  column: string;
  values: ValueCount[];
  /** The person's venue list names (venue field only); undefined when none was given. */
  venues?: readonly string[];
  /** The mapping gives no coordinates or codes, so a venue is a row's only possible place. */
  venueOnly?: boolean;
}

/** Placeholders whose groups are formed by spelling, not by the value they lead to. */
const UNSETTLED = new Set<string | null>([null, OTHER_THEME, KEEP_WITHOUT_PLACE]);

/**
 * Groups the distinct raw values of one categorical column as OpenRefine's
 * key-collision clustering does, and proposes one value per group: values
 * that lead to the same canonical value (a theme, a grade, a list venue…)
 * form one group; the rest are grouped by their fingerprint and n-gram keys,
 * proposing the most common spelling where the field has no fixed list.
 * Groups that need a decision (not confident: nothing fits, or only a
 * spelling-distance guess) come first, then the largest.
 */
export function clusterValues(input: ClusterInput): ValueGroup[] {
  const index = input.field === 'venue' && input.venues && input.venues.length > 0 ? new VenueIndex(input.venues) : null;
  const sorted = [...input.values].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  const groups = new Map<string, { proposal: Proposal; members: ValueCount[] }>();
  // Unsettled values meet by either key: a value joins the group its word or letter key already leads to.
  const byKey = new Map<string, string>();

  for (const value of sorted) {
    const proposal = propose(input.field, value.raw, index, input.venueOnly ?? false);
    let id: string;
    if (!UNSETTLED.has(proposal.proposed)) {
      id = `${proposal.confident ? 'p' : 'n'}:${proposal.proposed}`;
    } else if (proposal.proposed === KEEP_WITHOUT_PLACE && proposal.confident) {
      id = `k:${channelOf(value.raw, 'venue') ?? ''}`;
    } else {
      const keys = [`f:${fingerprint(value.raw)}`, `n:${ngramFingerprint(value.raw)}`].map((k) => `${String(proposal.proposed)}|${k}`);
      id = keys.map((k) => byKey.get(k)).find((g) => g !== undefined) ?? `u:${keys[0]}`;
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, id);
    }
    const group = groups.get(id);
    if (group) {
      group.members.push(value);
      // The group says how its least obvious member was read.
      if (group.proposal.exact && !proposal.exact) group.proposal = proposal;
    } else groups.set(id, { proposal, members: [value] });
  }

  const out: ValueGroup[] = [];
  for (const { proposal, members } of groups.values()) {
    let { proposed, how } = proposal;
    if (proposed === null && input.field === 'channel') {
      proposed = members[0]!.raw;
      if (members.length > 1) how = 'same words ignoring case, accents, punctuation and word order: the most common spelling is proposed';
    }
    out.push({ field: input.field, column: input.column, proposed, how, members, confident: proposal.confident });
  }
  const total = (g: ValueGroup) => g.members.reduce((sum, m) => sum + m.count, 0);
  const needs = (g: ValueGroup) => (g.confident ? 1 : 0);
  return out.sort((a, b) => needs(a) - needs(b) || total(b) - total(a) || a.members[0]!.firstRow - b.members[0]!.firstRow);
}
