import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';
import { serializeSession } from '../../../src/session/url.ts';
import { fromBase64, gunzip, gzip, toBase64 } from '../../../src/project/codec.ts';
import { projectFileText } from '../../../src/project/write.ts';
import { readProjectFile, type PresentationParser } from '../../../src/project/read.ts';
import { migrateProject } from '../../../src/project/migrate.ts';
import { projectFileName } from '../../../src/project/format.ts';
import { localityFileText } from '../../../src/localities/localityFile.ts';
import { SAMPLE_LABEL, type DatasetMeta, type EvidenceBytes } from '../../../src/ingest/schemas.ts';
import { copyTables, importCsv, sampleText } from './helpers.ts';

const NORBITON = 'E05013941';
const locality = { id: 'Lnorth1', name: 'North Kingston', wards: ['E05013941', 'E05013930'], lsoas: [] };
const view: Session = { ...DEFAULT_SESSION, place: 'E09000021', level: 'ward', area: NORBITON, tab: 'hotspots', localities: [locality] };
const slides = { slides: [{ title: 'Norbiton', view: serializeSession(view) }] };
const parseSlides: PresentationParser = (v) => (Array.isArray((v as { slides?: unknown }).slides) ? { ok: true, value: v } : { ok: false, message: 'no slides' });

let datasets: { meta: DatasetMeta; tables: EvidenceBytes }[];
let text: string;
beforeAll(async () => {
  datasets = [
    await importCsv(sampleText('sample-survey.csv'), 'sample-survey.csv', 'ds-sample-survey', true),
    await importCsv(sampleText('sample-street-reps.csv'), 'sample-street-reps.csv', 'ds-sample-reps', true),
  ];
  text = await projectFileText({ session: view, presentation: slides, datasets, appVersion: '0.1.0' }, new Date('2026-12-02T21:00:00Z'));
});
const open = (t: string | Blob) => readProjectFile(typeof t === 'string' ? new Blob([t]) : t, { parsePresentation: parseSlides });
const edited = (change: (f: Record<string, unknown>) => void) => {
  const f = JSON.parse(text) as Record<string, unknown>;
  change(f);
  return JSON.stringify(f);
};

describe('the codec', () => {
  it('base64 round-trips every length and refuses what is not base64', async () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const b64 = toBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(b64)).toEqual(bytes);
    }
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab$d')).toBeNull();
    expect(fromBase64('é===')).toBeNull();
  });
  it('gzip round-trips and a cut-short stream is refused', async () => {
    const bytes = new TextEncoder().encode('Norbiton '.repeat(1000));
    const packed = await gzip(bytes);
    expect(await gunzip(packed)).toEqual(bytes);
    expect(await gunzip(gzipSync(bytes))).toEqual(bytes);
    await expect(gunzip(packed.slice(0, packed.length - 10))).rejects.toThrow();
  });
});

describe('a project file', () => {
  it('is named for the day and starts with its format, so a file cut short is still recognised', () => {
    expect(projectFileName(new Date('2026-12-02T21:00:00Z'))).toBe('ward-insight-project-2026-12-02.wiproj');
    expect(text.slice(0, 40)).toMatch(/^\{\s*"format": "ward-insight-project"/);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'ward-insight-project', v: 1, savedAt: '2026-12-02T21:00:00.000Z', app: { version: '0.1.0' }, view: serializeSession(view) });
    expect(file.datasets.map((d: { label?: string }) => d.label)).toEqual([SAMPLE_LABEL, SAMPLE_LABEL]);
  });

  it('is a compact fraction of the datasets it holds (measured: the built-in sample)', () => {
    const raw = datasets.reduce((n, d) => n + Object.values(d.tables).flat().reduce((m, b) => m + b!.byteLength, 0), 0);
    console.log(`sample workspace: Arrow ${raw} bytes → project file ${text.length} bytes`);
    expect(text.length).toBeLessThan(raw / 3);
  });

  it('opens to the same view, localities, slides and byte-for-byte the same rows', async () => {
    const originals = datasets.map((d) => ({ meta: d.meta, tables: copyTables(d.tables) }));
    const read = await open(text);
    if (!read.ok) throw new Error(read.message);
    const p = read.project;
    expect(serializeSession(p.session)).toBe(serializeSession(view));
    expect(p.localities).toEqual([locality]);
    expect(p.presentation).toEqual(slides);
    expect(p.savedAt).toBe('2026-12-02T21:00:00.000Z');
    expect(p.datasets.map((d) => d.meta)).toEqual(originals.map((d) => d.meta));
    const same = (a: EvidenceBytes, b: EvidenceBytes) =>
      Object.keys(a).join() === Object.keys(b).join() && Object.entries(a).every(([t, bs]) => bs!.every((x, i) => Buffer.compare(x, b[t as keyof EvidenceBytes]![i]!) === 0));
    for (const [i, d] of p.datasets.entries()) expect(same(d.tables, originals[i]!.tables)).toBe(true);
    expect(p.notes).toEqual([]);
  });

  it('opens a file whose view is a link from before the view document (v1 link keys)', async () => {
    const read = await open(edited((f) => (f.view = `?place=E09000021&level=ward&indicator=iod25_imd&method=deciles&area=${NORBITON}&tab=hotspots&hotspot=housing&statistic=local-moran&fdr=0`)));
    if (!read.ok) throw new Error(read.message);
    expect(read.project.session).toMatchObject({ v: 2, place: 'E09000021', level: 'ward', area: NORBITON, tab: 'hotspots', hotspot: { measure: 'housing', statistic: 'local-moran', fdr: false } });
    expect(read.project.session.localities).toEqual([locality]);
  });

  it('leaves out a locality it cannot use, and says so', async () => {
    const read = await open(edited((f) => (f.localities = [locality, { id: 'Lbad', name: 'No wards', wards: [], lsoas: [] }])));
    expect(read.ok && read.project.notes).toEqual(['1 of the file’s 2 localities could not be read (no name, or no ward or small-area codes) and were left out.']);
  });
});

describe('a file that cannot be opened gives one plain message', () => {
  const kind = async (t: string | Blob) => {
    const read = await open(t);
    if (read.ok) throw new Error('opened');
    expect(read.message).toMatch(/Nothing was changed\.$/);
    return [read.kind, read.message];
  };
  it('not JSON (a CSV picked by mistake)', async () => {
    expect(await kind(sampleText('sample-survey.csv'))).toEqual(['not-json', expect.stringContaining('This is not a Ward Insight project file')]);
  });
  it('JSON of another kind, and a localities file', async () => {
    expect(await kind('{"type":"FeatureCollection","features":[]}')).toEqual(['foreign', expect.stringContaining('different kind of data')]);
    expect(await kind('[1,2]')).toEqual(['foreign', expect.any(String)]);
    expect(await kind(localityFileText([locality]))).toEqual(['localities-file', expect.stringContaining('Import localities file')]);
  });
  it('cut short at any point', async () => {
    for (const at of [12, 30, 200, Math.floor(text.length / 2), text.length - 3]) {
      expect(await kind(text.slice(0, at))).toEqual(['damaged', expect.stringContaining('This project file is damaged: it ends part-way through')]);
    }
  });
  it('a dataset whose rows were changed (checksum), cut (gzip) or garbled (base64)', async () => {
    const batch = (f: Record<string, unknown>) => (f.datasets as { tables: Record<string, { sha256: string; data: string }[]> }[])[0]!.tables.survey_responses![0]!;
    const wrongSum = edited((f) => (batch(f).sha256 = '0'.repeat(64)));
    expect(await kind(wrongSum)).toEqual(['dataset', 'The dataset ‘sample-survey.csv’ in this project file is damaged (its rows do not match their checksum), so the project was not opened. Nothing was changed.']);
    const cut = edited((f) => (batch(f).data = batch(f).data.slice(0, 400)));
    expect(await kind(cut)).toEqual(['dataset', expect.stringContaining('is damaged (its rows are cut short)')]);
    const garbled = edited((f) => (batch(f).data = `!${batch(f).data.slice(1)}`));
    expect(await kind(garbled)).toEqual(['dataset', expect.stringContaining('is damaged (its rows are not in the form they were saved in)')]);
  });
  it('a dataset that is not described properly, holds the wrong tables, or lacks a column', async () => {
    const first = (f: Record<string, unknown>) => (f.datasets as Record<string, unknown>[])[0]! as { meta: Record<string, unknown>; tables: Record<string, unknown> };
    expect(await kind(edited((f) => (first(f).meta.kind = 'parish-council')))).toEqual(['dataset', expect.stringContaining('The dataset number 1 in this project file is not described properly')]);
    expect(await kind(edited((f) => (first(f).meta.rows = -1)))).toEqual(['dataset', expect.any(String)]);
    expect(await kind(edited((f) => (first(f).tables.imported_crimes = [])))).toEqual(['dataset', expect.stringContaining('holds a table it should not (imported_crimes)')]);
    expect(await kind(edited((f) => delete first(f).tables.survey_responses))).toEqual(['dataset', expect.stringContaining('has no rows')]);
    // A street-rep visits batch filed as survey responses: real Arrow, the wrong columns.
    const misfiled = edited((f) => {
      const reps = (f.datasets as { tables: Record<string, unknown[]> }[])[1]!.tables.street_rep_visits!;
      first(f).tables.survey_responses = reps;
    });
    expect(await kind(misfiled)).toEqual(['dataset', expect.stringMatching(/is missing the columns collected_on, lon, lat/)]);
    expect(await kind(edited((f) => (f.datasets = [(f.datasets as unknown[])[0], (f.datasets as unknown[])[0]])))).toEqual(['dataset', expect.stringContaining('appears twice')]);
  });
  it('saved by a newer version, or with a version that is not one', async () => {
    expect(await kind(edited((f) => (f.v = 2)))).toEqual(['newer', expect.stringContaining('saved by a newer version of Ward Insight (format 2; this page opens format 1 and older)')]);
    expect(await kind(edited((f) => (f.v = '1')))).toEqual(['unknown-version', expect.any(String)]);
    expect(await kind(edited((f) => (f.v = 0)))).toEqual(['unknown-version', expect.any(String)]);
  });
  it('missing its view, or its presentation unreadable', async () => {
    expect(await kind(edited((f) => delete f.view))).toEqual(['damaged', expect.stringContaining('the view it was saved with is missing')]);
    expect(await kind(edited((f) => (f.presentation = { pages: 3 })))).toEqual(['damaged', expect.stringContaining('its presentation could not be read (no slides)')]);
  });
  it('far too big to be one, without reading it', async () => {
    const huge = { size: 600 * 1024 * 1024, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await kind(huge)).toEqual(['too-big', expect.stringContaining('too big to be a Ward Insight project (600 MB)')]);
  });
  it('Cancel while checking stops with its own message', async () => {
    const stop = new AbortController();
    const read = readProjectFile(new Blob([text]), { parsePresentation: parseSlides, signal: stop.signal, onProgress: (m) => m.startsWith('Checking') && stop.abort() });
    await expect(read).resolves.toEqual({ ok: false, kind: 'cancelled', message: 'Opening the project was cancelled. Nothing was changed.' });
  });
});

describe('migrations', () => {
  it('walks an older file up one step at a time', () => {
    const steps = { 1: (f: { v: number } & Record<string, unknown>) => ({ ...f, slides: f.presentation ?? null }), 2: (f: { v: number } & Record<string, unknown>) => ({ ...f, third: true }) };
    expect(migrateProject({ v: 1, presentation: 'p' }, steps, 3)).toEqual({ ok: true, file: { v: 3, presentation: 'p', slides: 'p', third: true } });
    expect(migrateProject({ v: 2 }, steps, 3)).toEqual({ ok: true, file: { v: 3, third: true } });
    expect(migrateProject({ v: 3 }, steps, 3)).toEqual({ ok: true, file: { v: 3 } });
    expect(migrateProject({ v: 1 }, {}, 2)).toMatchObject({ ok: false, kind: 'unknown-version' });
    expect(migrateProject({ v: 4 }, steps, 3)).toMatchObject({ ok: false, kind: 'newer' });
  });
});
