import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION } from '../../../src/session/document.ts';
import { PROJECT_VERSION } from '../../../src/project/format.ts';
import { readProjectFile } from '../../../src/project/read.ts';
import { describeOpen, planOpen } from '../../../src/project/plan.ts';
import { presentationStore } from '../../../src/features/project/presentationLink.ts';
import { slideSession, type Presentation } from '../../../src/presentation/slides.ts';
import { ROOT } from './helpers.ts';

/*
 * A project file saved by format version 1 (tests/fixtures/project/, made by
 * make-v1.ts there) must open in this and every later version, with the
 * view, localities, slides and rows it was saved with. Expected, from the
 * files it was made from: 26 survey answers and 10 street-rep visits, one
 * locality, two slides, Norbiton ward on the hot spots tab.
 */
const FIXTURE = resolve(ROOT, 'tests/fixtures/project/kingston-v1.wiproj');
const text = readFileSync(FIXTURE, 'utf8');
const open = () => readProjectFile(new Blob([text]), { parsePresentation: presentationStore.parse });
const rowsIn = (batches: Uint8Array[] | undefined) => (batches ?? []).reduce((n, b) => n + tableFromIPC(b).numRows, 0);

describe('a project file from format version 1', () => {
  it('is an older or current format, as committed', () => {
    expect(JSON.parse(text)).toMatchObject({ format: 'ward-insight-project', v: 1 });
    expect(PROJECT_VERSION).toBeGreaterThanOrEqual(1);
    expect(text.length).toBeLessThan(20_000);
  });

  it('opens with its view, locality, slides and every row', async () => {
    const read = await open();
    if (!read.ok) throw new Error(read.message);
    const { project } = read;
    expect(project.session).toMatchObject({
      place: 'E09000021',
      level: 'ward',
      area: 'E05013941',
      tab: 'hotspots',
      hotspot: { measure: 'housing', statistic: 'local-moran', fdr: false },
      localities: [{ id: 'Lnorthk1', name: 'North Kingston', wards: ['E05013941', 'E05013930'] }],
    });
    expect(project.notes).toEqual([]);
    expect(project.datasets.map((d) => [d.meta.fileName, d.meta.kind, d.meta.rows])).toEqual([
      ['Community survey (Responses).csv', 'survey', 26],
      ['reps-april.csv', 'street-rep', 10],
    ]);
    // The rows themselves, not only the counts written beside them.
    expect(rowsIn(project.datasets[0]!.tables.survey_responses)).toBe(26);
    expect(rowsIn(project.datasets[1]!.tables.street_rep_visits)).toBe(10);
    // A hand-made slide list (no version, ids or dates) is read with ids filled in.
    const slides = (project.presentation as Presentation).slides;
    expect(slides.map((s) => [s.id, s.title, s.note])).toEqual([
      ['s1', 'Norbiton: housing hot spots', ''],
      ['s2', 'Kingston at a glance', 'Start here.'],
    ]);
    expect(slideSession(slides[0]!)).toMatchObject({ area: 'E05013941', tab: 'hotspots' });
  });

  it('opened in an empty browser, it says what it brought', async () => {
    const read = await open();
    if (!read.ok) throw new Error(read.message);
    const plan = planOpen({ session: DEFAULT_SESSION, datasets: [], presentation: null }, read.project, 'replace', presentationStore.ops, () => 'unused');
    expect(plan.add.map((a) => a.meta.id)).toEqual(['ds-v1-survey', 'ds-v1-reps']);
    expect(describeOpen(plan)).toBe('Opened: 1 locality, 2 datasets (36 rows), 2 slides.');
  });
});
