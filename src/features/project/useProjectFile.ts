import { useCallback, useRef, useState } from 'react';
import { version } from '../../../package.json';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { loadDataset } from '../../db/persist/datasetStore.ts';
import { newDatasetId } from '../../ingest/importClient.ts';
import { THEMES } from '../../analysis/themes/definitions.ts';
import { downloadText } from '../../ui/download.ts';
import { projectFileName, PROJECT_MIME } from '../../project/format.ts';
import { projectFileText } from '../../project/write.ts';
import { readProjectFile, type OpenedProject } from '../../project/read.ts';
import { describeOpen, hasSomethingToLose, planOpen, type OpenMode } from '../../project/plan.ts';
import { applyPlan } from '../../project/apply.ts';
import { presentationStore } from './presentationLink.ts';
import { showOpenedNotice } from './openedNotice.ts';

export type ProjectState =
  | { phase: 'idle' }
  | { phase: 'busy'; what: 'save' | 'open'; step: string; fraction: number }
  /** The file is read and checked; Replace or Merge? */
  | { phase: 'ask'; fileName: string; project: OpenedProject; here: { localities: number; datasets: number; slides: number } }
  | { phase: 'done'; message: string; problem: boolean };

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Saving the workspace as a project file and opening one: read and check the
 * whole file first, ask Replace or Merge when this browser holds something
 * that could be lost, then load it through the same operations an import
 * uses. Every step can be cancelled; until the last step nothing has changed.
 */
export function useProjectFile() {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const ready = useReadyDatabase();
  const [state, setState] = useState<ProjectState>({ phase: 'idle' });
  const stop = useRef<AbortController | null>(null);
  const progress = (what: 'save' | 'open') => (step: string, fraction: number) => setState({ phase: 'busy', what, step, fraction });
  const started = (what: 'save' | 'open') => {
    stop.current?.abort();
    stop.current = new AbortController();
    setState({ phase: 'busy', what, step: what === 'save' ? 'Gathering your data' : 'Reading the file', fraction: 0 });
    return stop.current.signal;
  };

  const save = useCallback(async () => {
    const signal = started('save');
    try {
      const missing: string[] = [];
      const datasets = [];
      for (const meta of evidence.datasets) {
        const kept = await loadDataset(meta.id).catch(() => undefined);
        if (kept) datasets.push(kept);
        else missing.push(meta.fileName);
      }
      const presentation = presentationStore.get();
      const text = await projectFileText({ session, presentation, datasets, appVersion: version }, new Date(), progress('save'), signal);
      signal.throwIfAborted();
      const name = projectFileName();
      downloadText(name, text, PROJECT_MIME);
      const bytes = new Blob([text]).size;
      const size = bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
      const gap = missing.length
        ? ` Not in it: ${missing.map((m) => `‘${m}’`).join(', ')} — not kept in this browser (it ran out of space), so import ${missing.length === 1 ? 'it' : 'them'} again in the other browser.`
        : '';
      const slides = presentationStore.ops.count(presentation);
      setState({
        phase: 'done',
        problem: false,
        message: `Saved ${name} (${size}): ${session.localities.length} ${session.localities.length === 1 ? 'locality' : 'localities'}, ${datasets.length} ${datasets.length === 1 ? 'dataset' : 'datasets'}, ${slides} ${slides === 1 ? 'slide' : 'slides'} and the view on screen.${gap}`,
      });
    } catch (e) {
      setState({ phase: 'done', problem: !signal.aborted, message: signal.aborted ? 'Saving was cancelled; no file was saved.' : `The project could not be saved: ${detail(e)}` });
    }
  }, [session, evidence.datasets]);

  const apply = useCallback(
    async (project: OpenedProject, mode: OpenMode) => {
      const signal = started('open');
      const current = { session, datasets: evidence.datasets, presentation: presentationStore.get() };
      const plan = planOpen(current, project, mode, presentationStore.ops, newDatasetId);
      const target = { add: evidence.add, remove: evidence.remove, dispatch, setPresentation: presentationStore.set };
      const done = await applyPlan(plan, target, signal, progress('open'));
      if (!done.ok) return setState({ phase: 'done', problem: !done.cancelled, message: done.message });
      // A view naming a measure this version does not have falls back, as a link's does.
      if (ready) dispatch({ type: 'catalogueKnown', codes: ready.catalogue.map((i) => i.code), themes: THEMES.map((t) => t.id) });
      const message = [describeOpen(plan), ...done.notes].join(' ');
      setState({ phase: 'done', problem: false, message });
      // The saved view is usually another tab, which takes this section off the screen.
      if (plan.session.type === 'replace' && plan.session.session.tab !== 'data') showOpenedNotice(message);
    },
    [session, evidence, dispatch, ready],
  );

  const open = useCallback(
    async (file: File) => {
      const signal = started('open');
      const read = await readProjectFile(file, { parsePresentation: presentationStore.parse, signal, onProgress: progress('open') }).catch(
        (e: unknown) => ({ ok: false, kind: 'damaged', message: `${file.name} could not be read (${detail(e)}). Nothing was changed.` }) as const,
      );
      if (!read.ok) return setState({ phase: 'done', problem: read.kind !== 'cancelled', message: read.kind === 'cancelled' ? read.message : `${file.name}: ${read.message}` });
      const current = { session, datasets: evidence.datasets, presentation: presentationStore.get() };
      if (!hasSomethingToLose(current, presentationStore.ops)) return apply(read.project, 'replace');
      setState({
        phase: 'ask',
        fileName: file.name,
        project: read.project,
        here: { localities: session.localities.length, datasets: evidence.datasets.length, slides: presentationStore.ops.count(current.presentation) },
      });
    },
    [session, evidence.datasets, apply],
  );

  const cancel = useCallback(() => {
    stop.current?.abort();
    setState((s) => (s.phase === 'ask' ? { phase: 'done', problem: false, message: 'Nothing was opened and nothing was changed.' } : s));
  }, []);

  // Saving before this browser's datasets are read back would leave them out of the file.
  return { state, save, open, apply, cancel, canSave: evidence.restored, canOpen: evidence.restored && ready !== null };
}
