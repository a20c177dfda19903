import { useCallback, useMemo, useState } from 'react';
import { ImportClient, newDatasetId, type ImportOutcome } from '../ingest/importClient.ts';
import type { ImportChoices } from '../ingest/importProtocol.ts';
import type { EvidenceState } from './useEvidence.ts';
import type { DatasetKind, DatasetMeta } from '../ingest/schemas.ts';
import { fetchBytes } from './fetchData.ts';

const SAMPLE_FILES = ['sample-survey.csv', 'sample-street-reps.csv'];
const KIND_WORDS: Record<DatasetKind, string> = { survey: 'survey', 'street-rep': 'street-rep visits', police: 'crimes' };

/**
 * Starting imports: files chosen or dropped open the import dialog one at a
 * time (or, once the first is set up, the rest go through with the same
 * column choices — a year of monthly police.uk files, say); "Try with sample
 * data" imports the bundled synthetic files through the very same worker. A
 * person's own file of a kind replaces the sample of that kind.
 */
export function useImports(evidence: EvidenceState) {
  const client = useMemo(() => new ImportClient(), []);
  const [queue, setQueue] = useState<File[]>([]);
  /** What a quiet import is doing now, and what the last one did. */
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  /** Store an import; a person's own data replaces the synthetic sample of its kind. Returns notes for the report. */
  const store = useCallback(
    async ({ meta, tables }: ImportOutcome): Promise<string[]> => {
      const samples = evidence.datasets.filter((d) => d.synthetic && d.kind === meta.kind);
      const { duplicateCrimes, saved } = await evidence.add(meta, tables);
      for (const s of samples) await evidence.remove(s.id);
      return [
        samples.length && !meta.synthetic ? `Your file replaces the synthetic sample ${KIND_WORDS[meta.kind]}.` : '',
        duplicateCrimes ? `${duplicateCrimes.toLocaleString('en-GB')} crimes were already loaded (same Crime ID) and were not added twice.` : '',
        saved ? 'Saved in this browser: it will still be here after a reload.' : '',
      ].filter(Boolean);
    },
    [evidence],
  );

  const onImported = useCallback(async (outcome: ImportOutcome) => (await store(outcome)).join(' ') || null, [store]);

  /** Import a file with no dialog (sample files; the rest of a batch), reporting progress in one line. */
  const importQuietly = useCallback(
    async (file: File, choices: ImportChoices | null, synthetic: boolean): Promise<string> => {
      const guess = choices ?? (await client.preview(file)).guess;
      const meta: DatasetMeta = { id: newDatasetId(), kind: guess.kind, fileName: file.name, rows: 0, loadedAt: new Date().toISOString(), synthetic };
      const job = client.import(file, { ...choices, kind: guess.kind, mapping: guess.mapping }, meta, (stage, fr) =>
        setBusy(`${file.name}: ${stage.toLowerCase()} ${Math.round(fr * 100)}%`),
      );
      const outcome = await job.done;
      await store(outcome);
      const { rowsAccepted, rowsRead } = outcome.report;
      return `${file.name}: ${rowsAccepted.toLocaleString('en-GB')} of ${rowsRead.toLocaleString('en-GB')} rows`;
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
      setMessage(`The sample could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
    setBusy(null);
  }, [importQuietly]);

  /** After the first file of a batch is set up, bring in the others with the same choices, one by one. */
  const importRest = useCallback(
    async (choices: ImportChoices) => {
      const rest = queue.slice(1);
      setQueue([]);
      const done: string[] = [];
      for (const f of rest) {
        try {
          done.push(await importQuietly(f, choices, false));
        } catch (e) {
          done.push(`${f.name}: not imported — ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      setBusy(null);
      setMessage(`The other ${rest.length} files, with the same column choices — ${done.join('; ')}.`);
    },
    [queue, importQuietly],
  );

  return {
    client,
    file: queue[0] ?? null,
    /** How many more files are waiting after the one in the dialog. */
    waiting: Math.max(0, queue.length - 1),
    openFiles: (files: File[]) => setQueue(files),
    closeFile: () => setQueue((q) => q.slice(1)),
    onImported,
    importRest,
    loadSample,
    busy,
    message,
  };
}
