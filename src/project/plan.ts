/**
 * What opening a project does, worked out in full before anything changes:
 * which datasets to add (and under which id), which to remove, what happens
 * to the view, the localities and the slides, and the sentence that says so.
 * Pure: the page carries the plan out (./apply.ts).
 *
 * Replace everything: the file's view, localities, slides and datasets, and
 * nothing else (a dataset already here with the same content is kept rather
 * than loaded twice).
 * Merge: the view on screen stays; the file's localities and datasets are
 * added beside the ones here (the same locality or the same file is not added
 * twice), and its slides go after the ones here. As with an import, a dataset
 * of a kind replaces the synthetic sample of that kind.
 */
import type { Session } from '../session/document.ts';
import type { SessionAction } from '../session/updaters.ts';
import { sameContent } from '../session/useEvidence.ts';
import { planLocalityImport } from '../localities/localityFile.ts';
import { SAMPLE_LABEL, type DatasetKind, type DatasetMeta, type EvidenceBytes } from '../ingest/schemas.ts';
import type { OpenedProject } from './read.ts';

export type OpenMode = 'replace' | 'merge';

/** How the project code handles the presentation store's value without knowing its shape. */
export interface PresentationOps {
  /** Slides in it (0 for null). */
  count(p: unknown): number;
  empty(): unknown;
  /** The incoming slides after the current ones. */
  merge(current: unknown, incoming: unknown): unknown;
  /** Each slide's view with dataset ids changed (a dataset was given a new id here). */
  remap(p: unknown, change: (session: Session) => Session): unknown;
}

export interface CurrentWorkspace {
  session: Session;
  datasets: readonly DatasetMeta[];
  presentation: unknown;
}

export interface ApplyPlan {
  mode: OpenMode;
  /** Loaded first, in this order; if one fails, those before it are taken out again. */
  add: { meta: DatasetMeta; tables: EvidenceBytes }[];
  /** Taken out once every addition has succeeded. */
  remove: DatasetMeta[];
  session: SessionAction;
  /** The presentation to set; undefined leaves it as it is. */
  presentation: unknown;
  /** Plain-English sentences: what was kept, skipped or replaced. */
  notes: string[];
  counts: { localities: number; datasets: number; rows: number; slides: number };
}

const KIND_WORDS: Record<DatasetKind, string> = { survey: 'survey answers', 'street-rep': 'street-rep visits', police: 'police records' };

/** Does the browser hold anything a Replace would lose (so the person must be asked)? */
export function hasSomethingToLose(current: CurrentWorkspace, ops: PresentationOps): boolean {
  return current.session.localities.length > 0 || current.datasets.length > 0 || ops.count(current.presentation) > 0;
}

/** The dataset here that holds the same data (the same file, or the same sample), if any. */
function alreadyHere(here: readonly DatasetMeta[], meta: DatasetMeta): DatasetMeta | null {
  const sameId = here.find((d) => d.id === meta.id && d.kind === meta.kind && d.rows === meta.rows && d.contentHash === meta.contentHash);
  if (sameId) return sameId;
  if (!meta.synthetic) return sameContent(here, meta);
  return here.find((d) => d.synthetic && d.kind === meta.kind && !!meta.contentHash && d.contentHash === meta.contentHash) ?? null;
}

export function planOpen(current: CurrentWorkspace, project: OpenedProject, mode: OpenMode, ops: PresentationOps, newId: () => string): ApplyPlan {
  const notes = [...project.notes];
  const ids = new Map<string, string>();
  const taken = new Set(current.datasets.map((d) => d.id));
  const kept = new Set<string>();
  let add: ApplyPlan['add'] = [];
  for (const { meta, tables } of project.datasets) {
    const same = alreadyHere([...current.datasets, ...add.map((a) => a.meta)], meta);
    if (same) {
      ids.set(meta.id, same.id);
      kept.add(same.id);
      notes.push(`‘${meta.fileName}’ is already loaded here (the same data), so it was not loaded twice.`);
      continue;
    }
    let id = meta.id;
    while (taken.has(id)) id = newId();
    taken.add(id);
    ids.set(meta.id, id);
    add.push({ meta: { ...meta, id }, tables });
  }
  let remove = mode === 'replace' ? current.datasets.filter((d) => !kept.has(d.id)) : [];
  if (mode === 'merge') {
    // A sample is only a stand-in: it is not added beside a person's own data of its kind…
    const own = (kind: DatasetKind) => current.datasets.some((d) => !d.synthetic && d.kind === kind);
    for (const a of add.filter((x) => x.meta.synthetic && own(x.meta.kind))) {
      notes.push(`The ${SAMPLE_LABEL} ${KIND_WORDS[a.meta.kind]} in the file were left out: your own ${KIND_WORDS[a.meta.kind]} are loaded here.`);
    }
    add = add.filter((x) => !(x.meta.synthetic && own(x.meta.kind)));
    // …and anything added of a kind replaces the sample of that kind here, as an import does.
    remove = current.datasets.filter((d) => d.synthetic && !kept.has(d.id) && add.some((a) => a.meta.kind === d.kind));
    for (const r of remove) notes.push(`The ${SAMPLE_LABEL} ${KIND_WORDS[r.kind]} here made way for the file’s ${KIND_WORDS[r.kind]}.`);
  }
  const change = (s: Session): Session => {
    const to = s.survey.dataset ? ids.get(s.survey.dataset) : undefined;
    return to && to !== s.survey.dataset ? { ...s, survey: { ...s.survey, dataset: to } } : s;
  };
  const incoming = project.presentation === null ? null : ops.remap(project.presentation, change);
  const rows = (list: readonly DatasetMeta[]) => list.reduce((n, d) => n + d.rows, 0);
  if (mode === 'replace') {
    const datasets = [...add.map((a) => a.meta), ...current.datasets.filter((d) => kept.has(d.id))];
    return {
      mode,
      add,
      remove,
      session: { type: 'replace', session: change(project.session) },
      presentation: incoming ?? ops.empty(),
      notes,
      counts: { localities: project.session.localities.length, datasets: datasets.length, rows: rows(datasets), slides: ops.count(incoming) },
    };
  }
  const localities = planLocalityImport(current.session.localities, project.localities);
  if (localities.alreadyHere.length) {
    const n = localities.alreadyHere.length;
    notes.push(`${n} ${n === 1 ? 'locality was' : 'localities were'} already here.`);
  }
  const merged = incoming === null ? undefined : ops.merge(current.presentation, incoming);
  // Slides added, not slides in the file: a slide already here (same id) is not added twice.
  const slides = merged === undefined ? 0 : ops.count(merged) - ops.count(current.presentation);
  return {
    mode,
    add,
    remove,
    session: { type: 'mergeLocalities', localities: localities.add },
    presentation: merged,
    notes,
    counts: { localities: localities.add.length, datasets: add.length, rows: rows(add.map((a) => a.meta)), slides },
  };
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "Opened: 2 localities, 3 datasets (1,204 rows), 3 slides." and what was skipped. */
export function describeOpen(plan: ApplyPlan): string {
  const c = plan.counts;
  const parts = [
    count(c.localities, 'locality', 'localities'),
    `${count(c.datasets, 'dataset', 'datasets')}${c.datasets ? ` (${count(c.rows, 'row', 'rows')})` : ''}`,
    count(c.slides, 'slide', 'slides'),
  ];
  const head =
    plan.mode === 'replace'
      ? `Opened: ${parts.join(', ')}.`
      : c.localities + c.datasets + c.slides
        ? `Added: ${parts.join(', ')}. The view on screen is as it was.`
        : 'Nothing new to add: everything in the file is already here.';
  return [head, ...plan.notes].join(' ');
}
