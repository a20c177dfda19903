import { describe, expect, it } from 'vitest';
import { KEEP_WITHOUT_PLACE } from '../../../../src/ingest/importProtocol.ts';
import { MAX_DISTINCT_VALUES, profileValues } from '../../../../src/ingest/reconcile/profileValues.ts';
import type { NamedBlob } from '../../../../src/ingest/read/types.ts';

const csv = (name: string, lines: string[]): NamedBlob => Object.assign(new Blob([lines.join('\r\n') + '\r\n']), { name });

describe('profileValues', () => {
  it('profiles a wide street-rep file’s grades across its issue columns, and a long file’s issues and grades', async () => {
    const wide = csv('wide.csv', ['Site,Date,LSOA,Litter,Noise', 'S1,01/03/2025,E01000001,A/B,c', 'S2,01/03/2025,E01000001,b,2', 'S3,01/03/2025,E01000001,c+,']);
    const profile = await profileValues(wide, { kind: 'street-rep', mapping: { site_id: 'Site', visited_on: 'Date', lsoa_code: 'LSOA', issueColumns: { Litter: 'Litter', Noise: 'Noise' } } });
    expect(profile.rowsRead).toBe(3);
    expect(profile.groups.map((g) => [g.proposed, g.members.map((m) => m.raw), g.confident])).toEqual([
      [null, ['A/B'], false],
      [null, ['c+'], false],
      ['B', ['b', '2'], true],
      ['C', ['c'], true],
    ]);
    expect(profile.options.grade).toEqual(['A', 'B', 'C', 'D']);
    expect(profile.placeless).toEqual({ count: 0, channels: [] });

    const long = csv('long.csv', ['Site,Date,LSOA,Issue,Grade', 'S1,01/03/2025,E01000001,Dog mess,B', 'S1,01/03/2025,E01000001,dog mess,B', 'S1,01/03/2025,E01000001,Parking,A']);
    const p2 = await profileValues(long, { kind: 'street-rep', mapping: { site_id: 'Site', visited_on: 'Date', lsoa_code: 'LSOA', issue: 'Issue', grade: 'Grade' } });
    expect(p2.groups.filter((g) => g.field === 'issue').map((g) => [g.proposed, g.members.map((m) => [m.raw, m.count])])).toEqual([
      [null, [['Parking', 1]]],
      ['Dog fouling', [['Dog mess', 1], ['dog mess', 1]]],
    ]);
  });

  it('with no venue list and no other location, offers to keep venue rows without a place (not accepted unless chosen)', async () => {
    const file = csv('s.csv', ['Venue,Q1', 'Hall,Housing issues', 'hall,Youth activities', 'Online,Housing issues']);
    const profile = await profileValues(file, { kind: 'survey', mapping: { venue: 'Venue', choice_1: 'Q1' } });
    const venues = profile.groups.filter((g) => g.field === 'venue');
    expect(venues.map((g) => [g.proposed, g.members.map((m) => m.raw), g.confident])).toEqual([
      [KEEP_WITHOUT_PLACE, ['Hall', 'hall'], false],
      [KEEP_WITHOUT_PLACE, ['Online'], true],
    ]);
    expect(profile.placeless.count).toBe(1);
  });

  it(`lists at most ${MAX_DISTINCT_VALUES.toLocaleString('en-GB')} distinct values per column, and says so`, async () => {
    const lines = ['Venue,Lat,Lon,Q1', ...Array.from({ length: MAX_DISTINCT_VALUES + 50 }, (_, i) => `Place ${i},52.65,-1.15,Housing issues`)];
    const profile = await profileValues(csv('many.csv', lines), { kind: 'survey', mapping: { venue: 'Venue', lat: 'Lat', lon: 'Lon', choice_1: 'Q1' } });
    const listed = profile.groups.filter((g) => g.field === 'venue').reduce((n, g) => n + g.members.length, 0);
    expect(listed).toBe(MAX_DISTINCT_VALUES);
    expect(profile.notes).toEqual([`The venue column has more than 2,000 different values; the first 2,000 are listed, and 50 more (50 rows) go through the usual rules. Is it the right column?`]);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(profileValues(csv('s.csv', ['Q1', 'Housing issues']), { kind: 'survey', mapping: { choice_1: 'Q1' } }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
