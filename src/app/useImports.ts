import { useCallback, useMemo, useState } from 'react';
import { ImportClient, newDatasetId, type ImportOutcome } from '../ingest/importClient.ts';
import type { EvidenceState } from './useEvidence.ts';
import type { DatasetMeta } from '../ingest/schemas.ts';
import { fetchBytes } from './fetchData.ts';

const SAMPLE_FILES = ['sample-survey.csv', 'sample-street-reps.csv'];

/**
 * Starting imports: a file chosen or dropped opens the import dialog; "Try
 * with sample data" imports the bundled synthetic files through the very same
 * worker. A person's own file of a kind replaces the sample of that kind.
 */
export function useImports(evidence: EvidenceState) {
  const client = useMemo(() => new ImportClient(), []);
  const [file, setFile] = useState<File | null>(null);
  const [sampleBusy, setSampleBusy] = useState<string | null>(null);

  const onImported = useCallback(
    async ({ meta, tables, report }: ImportOutcome): Promise<string | null> => {
      const samples = evidence.datasets.filter((d) => d.synthetic && d.kind === meta.kind);
      const { duplicateCrimes, saved } = await evidence.add(meta, tables);
      for (const s of samples) await evidence.remove(s.id);
      const notes = [
        samples.length ? `Your file replaces the synthetic sample ${meta.kind === 'survey' ? 'survey' : meta.kind === 'street-rep' ? 'street-rep visits' : 'crimes'}.` : '',
        duplicateCrimes ? `${duplicateCrimes.toLocaleString('en-GB')} crimes were already loaded (same Crime ID) and were not added twice.` : '',
        saved ? 'Saved in this browser: it will still be here after a reload.' : '',
      ].filter(Boolean);
      void report;
      return notes.join(' ') || null;
    },
    [evidence],
  );

  const loadSample = useCallback(async () => {
    try {
      for (const name of SAMPLE_FILES) {
        setSampleBusy(`Loading ${name}…`);
        const bytes = await fetchBytes(`data/sample/${name}`);
        const f = new File([bytes as BlobPart], name, { type: 'text/csv' });
        const preview = await client.preview(f);
        const meta: DatasetMeta = { id: newDatasetId(), kind: preview.guess.kind, fileName: name, rows: 0, loadedAt: new Date().toISOString(), synthetic: true };
        const job = client.import(f, { kind: preview.guess.kind, mapping: preview.guess.mapping }, meta, (stage, fr) =>
          setSampleBusy(`${name}: ${stage.toLowerCase()} ${Math.round(fr * 100)}%`),
        );
        const outcome = await job.done;
        // Any earlier sample of this kind goes: loading the sample twice must not double it.
        for (const old of evidence.datasets.filter((d) => d.synthetic && d.kind === meta.kind)) await evidence.remove(old.id);
        await evidence.add(outcome.meta, outcome.tables);
      }
      setSampleBusy(null);
    } catch (e) {
      setSampleBusy(`The sample could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [client, evidence]);

  return { client, file, openFile: setFile, closeFile: () => setFile(null), onImported, loadSample, sampleBusy };
}
