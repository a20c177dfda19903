import { describe, expect, it } from 'vitest';
import { describeImport, localityFileName, localityFileText, planLocalityImport, readLocalityFile } from '../../../src/localities/localityFile.ts';
import type { Locality } from '../../../src/localities/locality.ts';

const chester: Locality = { id: 'Lchest01', name: 'Chester West', wards: ['E05012209', 'E05012221'], lsoas: [] };
const port: Locality = { id: 'Lport001', name: 'Ellesmere Port', wards: ['E05012244'], lsoas: ['E01018345'] };
const when = new Date('2026-12-02T17:00:00Z');

describe('the localities file', () => {
  it('round-trips: what is exported is what is read back', () => {
    const text = localityFileText([chester, port], when);
    expect(JSON.parse(text)).toMatchObject({ kind: 'ward-insight-localities', v: 1, exported: '2026-12-02T17:00:00.000Z' });
    expect(readLocalityFile(text)).toEqual({ ok: true, localities: [chester, port], exported: '2026-12-02T17:00:00.000Z', message: '' });
    expect(text.length).toBeLessThan(400);
    expect(localityFileName(when)).toBe('ward-insight-localities-2026-12-02.json');
  });

  it('answers a damaged or foreign file in plain English and adds nothing', () => {
    const cases: [string, RegExp][] = [
      ['{"kind": "ward-insight-localities", "v": 1, "localities": [', /could not be read as one/],
      ['Ward,Locality\nLache,Chester West\n', /Import a CSV of wards/],
      ['{"type": "FeatureCollection", "features": []}', /different kind of file/],
      ['null', /different kind of file/],
      ['[1, 2]', /different kind of file/],
      ['{"kind": "ward-insight-localities", "v": 1, "localities": []}', /holds no localities/],
      ['{"kind": "ward-insight-localities", "v": 1, "localities": [{"id": "Lx", "name": "", "wards": ["E05012209"]}]}', /None of the file's 1 localities/],
    ];
    for (const [text, message] of cases) {
      const read = readLocalityFile(text);
      expect(read.ok, text).toBe(false);
      expect(read.message).toMatch(message);
      expect(read.message).toMatch(/Nothing was changed/);
    }
  });

  it('says a file from a newer version needs a newer page, and an unknown old format is not guessed at', () => {
    const newer = readLocalityFile(JSON.stringify({ kind: 'ward-insight-localities', v: 2, localities: [chester] }));
    expect(newer).toEqual({ ok: false, message: expect.stringMatching(/newer version of Ward Insight \(format 2; this page reads format 1\)/) });
    const older = readLocalityFile(JSON.stringify({ kind: 'ward-insight-localities', v: 0, localities: [chester] }));
    expect(older).toEqual({ ok: false, message: expect.stringMatching(/format this version of Ward Insight does not know \(format 0\)/) });
  });

  it('keeps the readable localities of a partly damaged file and says how many were left out', () => {
    const text = JSON.stringify({ kind: 'ward-insight-localities', v: 1, exported: 'yesterday', localities: [chester, { id: 'Lbad', name: 'No wards', wards: ['nope'] }] });
    const read = readLocalityFile(text);
    expect(read).toEqual({ ok: true, localities: [chester], exported: null, message: expect.stringMatching(/^1 of the file's 2 localities could not be read/) });
  });
});

describe('planning an import', () => {
  it('adds nothing when the same file is opened twice', () => {
    const plan = planLocalityImport([chester, port], [chester, port]);
    expect(plan).toEqual({ add: [], alreadyHere: [chester, port] });
    expect(describeImport(plan)).toBe('Nothing new to add. 2 localities were already here.');
  });

  it('keeps a different locality that shares an id, under a fresh id', () => {
    const other = { ...port, id: chester.id };
    const plan = planLocalityImport([chester], [other, port], () => 0.5);
    expect(plan.add).toHaveLength(2);
    expect(plan.add[0]).toEqual({ ...other, id: expect.not.stringMatching(/^Lchest01$/) });
    expect(plan.add[1]).toEqual(port);
    expect(describeImport(plan)).toBe('Added 2 localities: Ellesmere Port, Ellesmere Port.');
  });
});
