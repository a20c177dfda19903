import { describe, expect, it } from 'vitest';
import { AlreadyLoaded, sameContent } from '../../../src/session/useEvidence.ts';
import type { DatasetMeta } from '../../../src/ingest/schemas.ts';

const m = (id: string, fileName: string, contentHash: string | undefined, synthetic = false): DatasetMeta => ({
  id, kind: 'police', fileName, rows: 10, loadedAt: '2026-12-02T09:30:00Z', synthetic, contentHash,
});

describe('recognising a file that is already loaded', () => {
  const loaded = [m('a', 'may.csv', 'sha256-blocks:aa'), m('s', 'sample-survey.csv', 'sha256-blocks:ss', true), m('old', 'old.csv', undefined)];

  it('finds the first copy, whatever the new one is called', () => expect(sameContent(loaded, m('b', 'copy of may.csv', 'sha256-blocks:aa'))?.id).toBe('a'));
  it('lets other content, the synthetic sample and files saved before fingerprints through', () => {
    expect(sameContent(loaded, m('c', 'june.csv', 'sha256-blocks:bb'))).toBeNull();
    expect(sameContent(loaded, m('s2', 'sample-survey.csv', 'sha256-blocks:ss', true))).toBeNull();
    expect(sameContent(loaded, m('d', 'x.csv', undefined))).toBeNull();
  });
  it('says so in plain words, naming the first copy and its day', () =>
    expect(new AlreadyLoaded(loaded[0]!).message).toBe("This file is already loaded, as 'may.csv' imported on 2 Dec 2026; nothing was added."));
});
