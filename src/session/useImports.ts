import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ImportClient, newDatasetId, type ImportOutcome } from '../ingest/importClient.ts';
import type { ImportChoices, ImportReport } from '../ingest/importProtocol.ts';
import type { EvidenceState } from './useEvidence.ts';
import type { DatasetKind, DatasetMeta } from '../ingest/schemas.ts';
import { fetchBytes } from '../ui/fetchData.ts';

const SAMPLE_FILES = ['sample-survey.csv', 'sample-street-reps.csv'];
const KIND_WORDS: Record<DatasetKind, string> = { survey: 'survey', 'street-rep': 'street-rep visits', police: 'crimes' };

/** What happened to one file imported without the dialog (the rest of a batch). */
export interface QuietResult {
  fileName: string;
  /** The row-by-row report; null when the file was not imported. */
  report: ImportReport | null;
  /** Police records not added because they were already loaded (the same Crime ID, or for anti-social behaviour the same numbered fingerprint). */
  duplicateCrimes: number;
  /** Notes from storing it (replaced the sample, saved in this browser), as the dialog shows them. */
  note: string | null;
  /** Why the file was not imported, in plain English; null when it was. */
  error: string | null;
}

/** The last batch imported with the first file's column choices. */
export interface QuietBatch {
  heading: string;
  files: QuietResult[];
}

export interface Imports {
  client: ImportClient;
  /** The file in the import dialog, if any. */
  file: File | null;
  /** Changes each time a file is put in the dialog, so the dialog starts afresh (the same file twice included). */
  dialogKey: number;
  /** How many more files are waiting after the one in the dialog. */
  waiting: number;
  /** Queue files for import; any still waiting stay queued ahead of them. */
  openFiles(files: File[]): void;
  /** Close the dialog and put the next waiting file (if any) in it. */
  closeFile(): void;
  onImported(outcome: ImportOutcome): Promise<string | null>;
  importRest(choices: ImportChoices): Promise<void>;
  loadSample(): Promise<void>;
  /** What a quiet import is doing now. */
  busy: string | null;
  /** A problem with the sample, in plain English. */
  message: string | null;
  batch: QuietBatch | null;
}

/** The dialog's file and the files waiting behind it; the dialog's file is no longer in `waiting`. */
interface Queue {
  open: File | null;
  opened: number;
  waiting: File[];
}

/** Put the first of `files` in the dialog (a new key), keeping the rest waiting. */
const openNext = (opened: number, files: File[]): Queue => ({ open: files[0] ?? null, opened: opened + 1, waiting: files.slice(1) });

/**
 * Starting imports: files chosen or dropped open the import dialog one at a
 * time (or, once the first is set up, the rest go through with the same
 * column choices — a year of monthly police.uk files, say); "Try with sample
 * data" imports the bundled synthetic files through the very same worker. A
 * person's own file of a kind replaces the sample of that kind.
 */
export function useImports(evidence: EvidenceState): Imports {
  const client = useMemo(() => new ImportClient(), []);
  const [queue, setQueue] = useState<Queue>({ open: null, opened: 0, waiting: [] });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [batch, setBatch] = useState<QuietBatch | null>(null);
  // The datasets now, read when storing (a batch's later files must see the earlier ones).
  const datasetsNow = useRef(evidence.datasets);
  useEffect(() => {
    datasetsNow.current = evidence.datasets;
  }, [evidence.datasets]);
  const { add, remove } = evidence;

  /** Store an import; a person's own data replaces the synthetic sample of its kind. */
  const store = useCallback(
    async ({ meta, tables }: ImportOutcome): Promise<{ notes: string[]; duplicateCrimes: number }> => {
      const samples = datasetsNow.current.filter((d) => d.synthetic && d.kind === meta.kind);
      const { duplicateCrimes, saved } = await add(meta, tables);
      for (const s of samples) await remove(s.id);
      const notes = [
        samples.length && !meta.synthetic ? `Your file replaces the synthetic sample ${KIND_WORDS[meta.kind]}.` : '',
        duplicateCrimes ? `${duplicateCrimes.toLocaleString('en-GB')} crimes were already loaded (the same Crime ID, or for anti-social behaviour the same month, place, type and context) and were not added twice.` : '',
        saved ? 'Saved in this browser: it will still be here after a reload.' : '',
      ].filter(Boolean);
      return { notes, duplicateCrimes };
    },
    [add, remove],
  );

  const onImported = useCallback(async (outcome: ImportOutcome) => (await store(outcome)).notes.join(' ') || null, [store]);

  /** Import a file with no dialog (sample files; the rest of a batch), reporting progress in one line. */
  const importQuietly = useCallback(
    async (file: File, choices: ImportChoices | null, synthetic: boolean): Promise<QuietResult> => {
      const guess = choices ?? (await client.preview(file)).guess;
      const meta: DatasetMeta = { id: newDatasetId(), kind: guess.kind, fileName: file.name, rows: 0, loadedAt: new Date().toISOString(), synthetic };
      const job = client.import(file, { ...choices, kind: guess.kind, mapping: guess.mapping }, meta, (stage, fr) =>
        setBusy(`${file.name}: ${stage.toLowerCase()} ${Math.round(fr * 100)}%`),
      );
      const outcome = await job.done;
      const { notes, duplicateCrimes } = await store(outcome);
      return { fileName: file.name, report: outcome.report, duplicateCrimes, note: notes.join(' ') || null, error: null };
    },
    [client, store],
  );

  const loadSample = useCallback(async () => {
    try {
      for (const name of SAMPLE_FILES) {
        setBusy(`Loading ${name}…`);
        const bytes = await fetchBytes(`data/sample/${name}`);
        // Loading the sample twice must not double it: the new copy replaces the old.
        await importQuietly(new File([bytes as BlobPart], name, { type: 'text/csv' }), null, true);
      }
      setMessage(null);
    } catch (e) {
      setMessage(`The sample could not be loaded. ${e instanceof Error ? e.message : String(e)}`);
    }
    setBusy(null);
  }, [importQuietly]);

  /**
   * After the first file of a batch is set up, bring in the others with the same choices, one by
   * one: columns, header row, the values step's decisions and the venue list all carry over.
   */
  const rest = queue.waiting;
  const importRest = useCallback(
    async (choices: ImportChoices) => {
      // These files leave the queue now, so nothing can import them a second time;
      // files added meanwhile stay queued, the first of them in the dialog.
      setQueue((q) => openNext(q.opened, q.waiting.filter((f) => !rest.includes(f))));
      setBatch(null);
      const files: QuietResult[] = [];
      for (const f of rest) {
        try {
          files.push(await importQuietly(f, choices, false));
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          files.push({ fileName: f.name, report: null, duplicateCrimes: 0, note: null, error });
        }
      }
      setBusy(null);
      const heading = rest.length === 1 ? 'The other file, with the same choices:' : `The other ${rest.length} files, with the same choices:`;
      setBatch({ heading, files });
    },
    [rest, importQuietly],
  );

  const openFiles = useCallback(
    (files: File[]) => setQueue((q) => (q.open ? { ...q, waiting: [...q.waiting, ...files] } : openNext(q.opened, [...q.waiting, ...files]))),
    [],
  );
  const closeFile = useCallback(() => setQueue((q) => openNext(q.opened, q.waiting)), []);

  return useMemo(
    () => ({
      client,
      file: queue.open,
      dialogKey: queue.opened,
      waiting: queue.waiting.length,
      openFiles,
      closeFile,
      onImported,
      importRest,
      loadSample,
      busy,
      message,
      batch,
    }),
    [client, queue, openFiles, closeFile, onImported, importRest, loadSample, busy, message, batch],
  );
}
