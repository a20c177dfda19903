import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION, type Session } from '../../../src/session/document.ts';
import type { DatasetMeta } from '../../../src/ingest/schemas.ts';
import type { OpenedProject } from '../../../src/project/read.ts';
import { describeOpen, hasSomethingToLose, planOpen } from '../../../src/project/plan.ts';
import { presentationStore } from '../../../src/features/project/presentationLink.ts';
import { addSlide, EMPTY_PRESENTATION, newSlide, slideSession, type Presentation } from '../../../src/presentation/slides.ts';

/* The open plan with the real presentation: the ops the Project file section uses (presentationLink.ts). */
const { ops, parse } = presentationStore;
const AT = new Date('2026-12-02T09:30:00.000Z');
const KINGSTON: Session = { ...DEFAULT_SESSION, place: 'E09000021', level: 'ward', area: 'E05013941', tab: 'hotspots' };
const onSurvey = (dataset: string): Session => ({ ...KINGSTON, tab: 'survey', survey: { ...DEFAULT_SESSION.survey, dataset } });
const deck = (...slides: [string, Session][]): Presentation => slides.reduce((p, [id, s]) => addSlide(p, newSlide(s, { title: id }, id, AT)), EMPTY_PRESENTATION);
const meta = (id: string, contentHash: string): DatasetMeta => ({ id, kind: 'survey', fileName: `${id}.csv`, rows: 26, loadedAt: '2026-12-01T10:00:00.000Z', synthetic: false, contentHash });

/** The file's presentation as the reader hands it over: through the store's own parser. */
function opened(presentation: Presentation | null, datasets: DatasetMeta[] = []): OpenedProject {
  const read = presentation === null ? null : parse(JSON.parse(JSON.stringify(presentation)));
  if (read && !read.ok) throw new Error(read.message);
  return {
    savedAt: null,
    appVersion: '0.1.0',
    session: KINGSTON,
    localities: [],
    presentation: read ? read.value : null,
    datasets: datasets.map((m) => ({ meta: m, tables: { survey_responses: [new Uint8Array([1])] } })),
    notes: [],
  };
}
const slideIds = (p: unknown) => (p as Presentation).slides.map((s) => s.id);

describe('opening a project with the real presentation', () => {
  const mine = deck(['mine-1', DEFAULT_SESSION], ['mine-2', KINGSTON]);
  const here = (presentation: Presentation = mine, datasets: DatasetMeta[] = []) => ({ session: DEFAULT_SESSION, datasets, presentation });

  it('counts slides, and a presentation here is something to lose', () => {
    expect(ops.count(null)).toBe(0);
    expect(ops.count(mine)).toBe(2);
    expect(hasSomethingToLose(here(EMPTY_PRESENTATION), ops)).toBe(false);
    expect(hasSomethingToLose(here(), ops)).toBe(true);
  });

  it('Merge puts the file’s slides after the ones here, not adding one already here', () => {
    const file = deck(['theirs-1', KINGSTON], ['mine-2', KINGSTON], ['theirs-2', DEFAULT_SESSION]);
    const plan = planOpen(here(), opened(file), 'merge', ops, () => 'unused');
    expect(slideIds(plan.presentation)).toEqual(['mine-1', 'mine-2', 'theirs-1', 'theirs-2']);
    expect(slideIds(mine)).toEqual(['mine-1', 'mine-2']);
    expect(describeOpen(plan)).toBe('Added: 0 localities, 0 datasets, 2 slides. The view on screen is as it was.');
    // The same file merged again adds nothing, and says so.
    const again = planOpen(here(plan.presentation as Presentation), opened(file), 'merge', ops, () => 'unused');
    expect(slideIds(again.presentation)).toEqual(slideIds(plan.presentation));
    expect(describeOpen(again)).toBe('Nothing new to add: everything in the file is already here.');
  });

  it('Replace sets the file’s slides, and a file with none leaves none', () => {
    const file = deck(['theirs-1', KINGSTON]);
    expect(slideIds(planOpen(here(), opened(file), 'replace', ops, () => 'unused').presentation)).toEqual(['theirs-1']);
    const none = planOpen(here(), opened(null), 'replace', ops, () => 'unused');
    expect(none.presentation).toEqual(EMPTY_PRESENTATION);
    expect(describeOpen(none)).toBe('Opened: 0 localities, 0 datasets, 0 slides.');
  });

  it('a survey given a new id here: the slide showing it shows it under the new id', () => {
    // Another survey already has the file's dataset id here, so the file's survey gets a fresh one.
    const file = deck(['on-survey', onSurvey('ds-1')], ['map', KINGSTON]);
    const plan = planOpen(here(mine, [meta('ds-1', 'sha256-blocks:other')]), opened(file, [meta('ds-1', 'sha256-blocks:theirs')]), 'merge', ops, () => 'ds-fresh');
    expect(plan.add.map((a) => a.meta.id)).toEqual(['ds-fresh']);
    const slides = (plan.presentation as Presentation).slides;
    expect(slides.map((s) => s.id)).toEqual(['mine-1', 'mine-2', 'on-survey', 'map']);
    expect(slideSession(slides[2]!).survey.dataset).toBe('ds-fresh');
    expect(slides[3]!.view).toBe(file.slides[1]!.view);
  });

  it('a survey already here (same data, other id): the slide points at the one here', () => {
    const file = deck(['on-survey', onSurvey('ds-theirs')]);
    const plan = planOpen(here(EMPTY_PRESENTATION, [meta('ds-here', 'sha256-blocks:same')]), opened(file, [meta('ds-theirs', 'sha256-blocks:same')]), 'replace', ops, () => 'unused');
    expect(plan.add).toEqual([]);
    expect(slideSession((plan.presentation as Presentation).slides[0]!).survey.dataset).toBe('ds-here');
  });

  it('the parser refuses a foreign presentation with its reason', () => {
    expect(parse({ v: 3, slides: [] })).toEqual({ ok: false, message: 'its slides are in a newer format (version 3) than this version of Ward Insight reads' });
  });
});
