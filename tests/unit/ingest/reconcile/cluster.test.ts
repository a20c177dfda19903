import { describe, expect, it } from 'vitest';
import { KEEP_WITHOUT_PLACE, OTHER_THEME, type ValueCount, type ValueProfile } from '../../../../src/ingest/importProtocol.ts';
import { clusterValues, optionsFor } from '../../../../src/ingest/reconcile/cluster.ts';
import { MAX_REMEMBERED_PER_FIELD, defaultsFromMemory, emptyValueMemory, parseValueMemory, rememberValueChoices } from '../../../../src/ingest/reconcile/memory.ts';
import { SURVEY_THEMES } from '../../../../src/ingest/schemas.ts';

const v = (raw: string, count = 1, firstRow = 2): ValueCount => ({ raw, count, firstRow });
const VENUES = ["St Mary's Church Hall", 'Community Centre (Lache)', 'Community Centre (Blacon)', 'Library', 'Westcotes Café'];

describe('clusterValues', () => {
  it('matches venue spelling variants to the venue list, one group per list venue', () => {
    const groups = clusterValues({
      field: 'venue', column: 'Venue', venues: VENUES,
      values: [v("St Mary's Church Hall", 5), v('st marys church hall', 3, 4), v('St. Mary’s Ch. Hall (Lache)', 1, 9), v('Lache Community Centre', 2), v('comm. centre (lache)', 1), v('Westcotes Cafe'), v('Online', 4), v('Web'), v('By phone'), v('Westcotes Caffe'), v('Library Hub'), v('Community Centre')],
    });
    const by = (raw: string) => groups.find((g) => g.members.some((m) => m.raw === raw))!;
    expect(by('st marys church hall')).toBe(by('St. Mary’s Ch. Hall (Lache)'));
    expect(by("St Mary's Church Hall")).toMatchObject({ proposed: "St Mary's Church Hall", confident: true, column: 'Venue' });
    expect(by("St Mary's Church Hall").members.map((m) => m.raw)).toEqual(["St Mary's Church Hall", 'st marys church hall', 'St. Mary’s Ch. Hall (Lache)']);
    expect(by('Lache Community Centre')).toMatchObject({ proposed: 'Community Centre (Lache)', confident: true });
    expect(by('comm. centre (lache)')).toBe(by('Lache Community Centre'));
    expect(by('Westcotes Cafe')).toMatchObject({ proposed: 'Westcotes Café', confident: true });
    expect(by('Online')).toMatchObject({ proposed: KEEP_WITHOUT_PLACE, confident: true });
    expect(by('Web')).toBe(by('Online'));
    expect(by('By phone')).not.toBe(by('Online'));
    expect(by('By phone').proposed).toBe(KEEP_WITHOUT_PLACE);
    // A typing slip is only a suggestion; a value the list doesn't have, or that fits two venues, gets no proposal.
    expect(by('Westcotes Caffe')).toMatchObject({ proposed: 'Westcotes Café', confident: false });
    expect(by('Library Hub')).toMatchObject({ proposed: null, confident: false });
    expect(by('Community Centre')).toMatchObject({ proposed: null, confident: false });
    expect(groups).toHaveLength(8);
    // The groups that need a decision come first.
    expect(groups.slice(0, 3).every((g) => !g.confident)).toBe(true);
  });

  it('proposes one of the eleven themes, or Other for anything else, grouping Other spellings by key', () => {
    const groups = clusterValues({ field: 'theme', column: 'Q1', values: [v('Housing issues', 9), v('housing'), v('Police & safety'), v('Street parking', 2), v('street  parking'), v('Parking'), v('Housing isues')] });
    const by = (raw: string) => groups.find((g) => g.members.some((m) => m.raw === raw))!;
    expect(by('housing')).toBe(by('Housing issues'));
    expect(by('Housing issues')).toMatchObject({ proposed: 'Housing issues', confident: true });
    expect(by('Police & safety').proposed).toBe('Policing & safety');
    expect(by('Street parking')).toMatchObject({ proposed: OTHER_THEME, confident: true });
    expect(by('street  parking')).toBe(by('Street parking'));
    expect(by('Parking')).not.toBe(by('Street parking'));
    expect(by('Housing isues')).toMatchObject({ proposed: 'Housing issues', confident: false });
    expect(groups).toHaveLength(5);
  });

  it('never guesses a grade between two grades', () => {
    const groups = clusterValues({ field: 'grade', column: 'Litter', values: [v('A'), v('b'), v('2'), v('A/B'), v('B-C'), v('c+'), v('2.5'), v('n/a')] });
    const by = (raw: string) => groups.find((g) => g.members.some((m) => m.raw === raw))!;
    expect(by('A').proposed).toBe('A');
    expect(by('b').proposed).toBe('B');
    expect(by('2')).toBe(by('b'));
    for (const raw of ['A/B', 'B-C', 'c+', '2.5']) expect(by(raw), raw).toMatchObject({ proposed: null, confident: false });
    expect(by('n/a')).toMatchObject({ proposed: null, confident: true });
  });

  it('reads demographics, issues and channels by the existing rules', () => {
    const age = clusterValues({ field: 'age_band', column: 'Age', values: [v('18-24'), v('16-24'), v('37'), v('65+')] });
    expect(age.find((g) => g.proposed === '16-24')!.members.map((m) => m.raw).sort()).toEqual(['16-24', '18-24']);
    expect(age.find((g) => g.members[0]!.raw === '65+')).toMatchObject({ proposed: null, confident: false });
    const eth = clusterValues({ field: 'ethnicity', column: 'Eth', values: [v('White British'), v('white'), v('Pakistani')] });
    expect(eth.map((g) => g.proposed).sort()).toEqual(['Asian', 'White']);
    const issue = clusterValues({ field: 'issue', column: 'Issue', values: [v('Dog mess'), v('Dog fouling'), v('Parking')] });
    expect(issue.map((g) => g.proposed)).toEqual([null, 'Dog fouling']);
    const channel = clusterValues({ field: 'channel', column: 'How', values: [v('web', 3), v('Online'), v('Drop-in session', 2), v('drop in session')] });
    expect(channel.map((g) => [g.proposed, g.members.length])).toEqual([['Online', 2], ['Drop-in session', 2]]);
  });

  it('lists each field’s options for mapping by hand', () => {
    expect(optionsFor('theme')).toEqual([...SURVEY_THEMES, OTHER_THEME]);
    expect(optionsFor('venue', ['Library'])).toEqual(['Library']);
    expect(optionsFor('grade')).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('value memory', () => {
  const profile: ValueProfile = {
    groups: clusterValues({ field: 'venue', column: 'Venue', venues: VENUES, values: [v('st marys church hall'), v('Library Hub'), v('Westcotes Caffe'), v('Online')] }),
    options: { venue: optionsFor('venue', VENUES) },
    placeless: { count: 0, channels: [] },
    rowsRead: 4,
  };

  it('starts with the confident proposals only', () => {
    expect(defaultsFromMemory(profile, null)).toEqual({ venue: { 'st marys church hall': "St Mary's Church Hall", Online: KEEP_WITHOUT_PLACE } });
  });

  it('remembers choices per kind, finds them again by spelling, and drops venues no longer listed', () => {
    let memory = rememberValueChoices(null, 'survey', { venue: { 'Library Hub': 'Library', 'Westcotes Caffe': null, Gone: 'Old Hall' } });
    memory = rememberValueChoices(memory, 'survey', { venue: { 'LIBRARY  HUB': 'Library' } });
    const stored = parseValueMemory(JSON.parse(JSON.stringify(memory)));
    expect(stored).toEqual(memory);
    const next: ValueProfile = { ...profile, groups: clusterValues({ field: 'venue', column: 'Venue', venues: VENUES, values: [v('library hub'), v('Westcotes Caffe'), v('Gone')] }) };
    expect(defaultsFromMemory(next, stored)).toEqual({ venue: { 'library hub': 'Library', 'Westcotes Caffe': null } });
    expect(defaultsFromMemory(next, stored, 'street-rep')).toEqual({});
  });

  it('is versioned and bounded', () => {
    expect(parseValueMemory({ version: 0, kinds: { survey: { venue: { a: 'b' } } } })).toEqual(emptyValueMemory());
    expect(parseValueMemory('nonsense')).toEqual(emptyValueMemory());
    expect(parseValueMemory({ version: 1, kinds: { survey: { venue: { a: 'b', c: 3 } } } })).toEqual({ version: 1, kinds: { survey: { venue: { a: 'b' } } } });
    const many = Object.fromEntries(Array.from({ length: MAX_REMEMBERED_PER_FIELD + 10 }, (_, i) => [`v${i}`, 'Library']));
    const memory = rememberValueChoices(emptyValueMemory(), 'survey', { venue: many });
    const kept = Object.keys(memory.kinds.survey!.venue!);
    expect(kept).toHaveLength(MAX_REMEMBERED_PER_FIELD);
    expect(kept[0]).toBe('v10');
  });
});
