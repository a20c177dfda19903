import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';
import type { DatasetMeta, EvidenceBytes } from '../../../src/ingest/schemas.ts';
import type { Locality } from '../../../src/localities/locality.ts';
import type { OpenedProject } from '../../../src/project/read.ts';
import { describeOpen, hasSomethingToLose, planOpen, type CurrentWorkspace } from '../../../src/project/plan.ts';
import { applyPlan, type ApplyTarget } from '../../../src/project/apply.ts';
import { fakeSlides } from './helpers.ts';

const meta = (id: string, over: Partial<DatasetMeta> = {}): DatasetMeta => ({
  id,
  kind: 'survey',
  fileName: `${id}.csv`,
  rows: 100,
  loadedAt: '2026-12-01T10:00:00.000Z',
  synthetic: false,
  contentHash: `sha256-blocks:${id}`,
  ...over,
});
const bytes = (): EvidenceBytes => ({ survey_responses: [new Uint8Array([1, 2, 3])] });
const loc = (id: string, name: string, wards = ['E05013933']): Locality => ({ id, name, wards, lsoas: [] });

const here = (over: Partial<CurrentWorkspace> = {}): CurrentWorkspace => ({
  session: { ...DEFAULT_SESSION, tab: 'compare', localities: [loc('Lmine', 'Mine', ['E05013940'])] },
  datasets: [meta('ds-here'), meta('ds-sample-here', { synthetic: true, kind: 'street-rep', contentHash: 'sample-reps' })],
  presentation: { slides: [{ title: 'here' }] },
  ...over,
});
const fileSession: Session = { ...DEFAULT_SESSION, place: 'E09000021', level: 'ward', area: 'E05013933', tab: 'hotspots', localities: [loc('Lnorth', 'North')] };
const project = (datasets: DatasetMeta[], over: Partial<OpenedProject> = {}): OpenedProject => ({
  savedAt: null,
  appVersion: '0.1.0',
  session: fileSession,
  localities: fileSession.localities as Locality[],
  presentation: { slides: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] },
  datasets: datasets.map((m) => ({ meta: m, tables: bytes() })),
  notes: [],
  ...over,
});
let n = 0;
const newId = () => `ds-new-${++n}`;

describe('the open plan', () => {
  it('asks only when there is something to lose', () => {
    expect(hasSomethingToLose(here(), fakeSlides)).toBe(true);
    expect(hasSomethingToLose({ session: DEFAULT_SESSION, datasets: [], presentation: null }, fakeSlides)).toBe(false);
    expect(hasSomethingToLose({ session: DEFAULT_SESSION, datasets: [], presentation: { slides: [{}] } }, fakeSlides)).toBe(true);
  });

  it('Replace everything: the file’s view, localities, slides and datasets; everything here goes', () => {
    const plan = planOpen(here(), project([meta('ds-a', { rows: 1204 }), meta('ds-b', { kind: 'police', rows: 3 })]), 'replace', fakeSlides, newId);
    expect(plan.add.map((a) => a.meta.id)).toEqual(['ds-a', 'ds-b']);
    expect(plan.remove.map((r) => r.id)).toEqual(['ds-here', 'ds-sample-here']);
    expect(plan.session).toEqual({ type: 'replace', session: fileSession });
    expect(plan.presentation).toEqual({ slides: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] });
    expect(describeOpen(plan)).toBe('Opened: 1 locality, 2 datasets (1,207 rows), 3 slides.');
  });

  it('Replace keeps a dataset already here with the same content (not loaded twice) and points the view at it', () => {
    const survey = { ...fileSession, survey: { ...fileSession.survey, dataset: 'ds-theirs' } };
    const plan = planOpen(here(), project([meta('ds-theirs', { contentHash: 'sha256-blocks:ds-here' })], { session: survey }), 'replace', fakeSlides, newId);
    expect(plan.add).toEqual([]);
    expect(plan.remove.map((r) => r.id)).toEqual(['ds-sample-here']);
    expect(plan.session).toMatchObject({ type: 'replace', session: { survey: { dataset: 'ds-here' } } });
    expect(describeOpen(plan)).toBe('Opened: 1 locality, 1 dataset (100 rows), 3 slides. ‘ds-theirs.csv’ is already loaded here (the same data), so it was not loaded twice.');
  });

  it('Replace with a file holding no slides clears the slides here', () => {
    const plan = planOpen(here(), project([], { presentation: null }), 'replace', fakeSlides, newId);
    expect(plan.presentation).toEqual({ slides: [] });
    expect(describeOpen(plan)).toBe('Opened: 1 locality, 0 datasets, 0 slides.');
  });

  it('Merge: keeps the view, adds new localities and datasets, appends slides, skips duplicates and says so', () => {
    const plan = planOpen(
      here(),
      project([meta('ds-dup', { contentHash: 'sha256-blocks:ds-here' }), meta('ds-c', { kind: 'police', rows: 5 })], {
        localities: [loc('Lnorth', 'North'), loc('Lmine', 'Mine', ['E05013940'])],
      }),
      'merge',
      fakeSlides,
      newId,
    );
    expect(plan.add.map((a) => a.meta.id)).toEqual(['ds-c']);
    expect(plan.remove).toEqual([]);
    expect(plan.session).toEqual({ type: 'mergeLocalities', localities: [loc('Lnorth', 'North')] });
    expect(plan.presentation).toEqual({ slides: [{ title: 'here' }, { title: 'a' }, { title: 'b' }, { title: 'c' }] });
    expect(describeOpen(plan)).toBe(
      'Added: 1 locality, 1 dataset (5 rows), 3 slides. The view on screen is as it was. ‘ds-dup.csv’ is already loaded here (the same data), so it was not loaded twice. 1 locality was already here.',
    );
  });

  it('Merge gives a new id to a different dataset or locality whose id is taken here', () => {
    const plan = planOpen(here(), project([meta('ds-here', { contentHash: 'other', rows: 7 })], { localities: [loc('Lmine', 'Not mine')] }), 'merge', fakeSlides, () => 'ds-fresh');
    expect(plan.add.map((a) => a.meta)).toEqual([{ ...meta('ds-here', { contentHash: 'other', rows: 7 }), id: 'ds-fresh' }]);
    const added = plan.session.type === 'mergeLocalities' ? plan.session.localities : [];
    expect(added).toHaveLength(1);
    expect(added[0]!.name).toBe('Not mine');
    expect(added[0]!.id).not.toBe('Lmine');
  });

  it('Merge follows the import rule for the sample: own data replaces it, and a sample is not added beside own data', () => {
    const plan = planOpen(
      here(),
      project([meta('ds-reps', { kind: 'street-rep' }), meta('ds-s', { synthetic: true, kind: 'survey', contentHash: 'sample-survey' })]),
      'merge',
      fakeSlides,
      newId,
    );
    expect(plan.add.map((a) => a.meta.id)).toEqual(['ds-reps']);
    expect(plan.remove.map((r) => r.id)).toEqual(['ds-sample-here']);
    expect(plan.notes).toEqual([
      'The SAMPLE — synthetic data survey answers in the file were left out: your own survey answers are loaded here.',
      'The SAMPLE — synthetic data street-rep visits here made way for the file’s street-rep visits.',
    ]);
  });

  it('Merge with nothing new says so', () => {
    const plan = planOpen(here(), project([], { localities: [loc('Lmine', 'Mine', ['E05013940'])], presentation: null }), 'merge', fakeSlides, newId);
    expect(plan.presentation).toBeUndefined();
    expect(describeOpen(plan)).toBe('Nothing new to add: everything in the file is already here. 1 locality was already here.');
  });

  it('changes nothing it is given', () => {
    const current = here();
    const opened = project([meta('ds-here', { contentHash: 'x' }), meta('ds-e')]);
    const before = JSON.stringify([current, opened]);
    planOpen(current, opened, 'merge', fakeSlides, newId);
    planOpen(current, opened, 'replace', fakeSlides, newId);
    expect(JSON.stringify([current, opened])).toBe(before);
  });
});

describe('carrying out a plan', () => {
  const target = (failOn?: string) => {
    const loaded: string[] = [];
    const t: ApplyTarget & { loaded: string[] } = {
      loaded,
      add: vi.fn(async (m: DatasetMeta) => {
        if (m.id === failOn) throw new Error(`${m.fileName} could not be stored for querying.`);
        loaded.push(m.id);
      }),
      remove: vi.fn(async (id: string) => void (loaded.includes(id) && loaded.splice(loaded.indexOf(id), 1))),
      dispatch: vi.fn(),
      setPresentation: vi.fn(),
    };
    return t;
  };
  const plan = () => planOpen(here(), project([meta('ds-a'), meta('ds-b'), meta('ds-c')]), 'replace', fakeSlides, newId);

  it('adds, then removes, then shows the view and the slides', async () => {
    const t = target();
    await expect(applyPlan(plan(), t)).resolves.toEqual({ ok: true, notes: [] });
    expect(t.loaded).toEqual(['ds-a', 'ds-b', 'ds-c']);
    expect(t.remove).toHaveBeenCalledTimes(2);
    expect(t.dispatch).toHaveBeenCalledWith({ type: 'replace', session: fileSession });
    expect(t.setPresentation).toHaveBeenCalledWith({ slides: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] });
  });

  it('a dataset that fails takes the earlier ones out again and touches nothing else', async () => {
    const t = target('ds-c');
    const done = await applyPlan(plan(), t);
    expect(done).toEqual({ ok: false, cancelled: false, message: 'The project could not be opened: ds-c.csv could not be stored for querying. Nothing was changed.' });
    expect(t.loaded).toEqual([]);
    expect(t.remove).toHaveBeenCalledTimes(2); // ds-b and ds-a, not anything that was here
    expect((t.remove as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual(['ds-b', 'ds-a']);
    expect(t.dispatch).not.toHaveBeenCalled();
    expect(t.setPresentation).not.toHaveBeenCalled();
  });

  it('Cancel during loading undoes what was loaded', async () => {
    const t = target();
    const stop = new AbortController();
    const done = await applyPlan(plan(), t, stop.signal, (m) => m === 'Loading ds-b.csv' && stop.abort());
    expect(done).toEqual({ ok: false, cancelled: true, message: 'Opening the project was cancelled. Nothing was changed.' });
    expect(t.loaded).toEqual([]);
    expect(t.dispatch).not.toHaveBeenCalled();
  });
});
