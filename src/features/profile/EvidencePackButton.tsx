import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { themeHotspots } from '../../runs/themeHotspots.ts';
import { downloadBlob } from '../../ui/download.ts';
import { hooks } from '../../ui/testHooks.ts';
import { captureView } from '../../export/viewImage.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; fraction: number }
  | { kind: 'done'; fileName: string; pages: number; bytes: number; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const mb = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`);

/** Resolves once `ready()` is true, checking every 100 ms; rejects when aborted. */
function waitUntil(ready: () => boolean, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (signal.aborted) reject(Object.assign(new Error('cancelled'), { name: 'PackCancelled' }));
      else if (ready()) resolve();
      else setTimeout(tick, 100);
    };
    tick();
  });
}

/**
 * "Download evidence pack (PDF)" for the area in the profile: gathers the
 * profile, theme scores, hot spots, residents' evidence and crime, draws the
 * map and charts, and saves an A4 PDF. Shows progress and can be cancelled;
 * a failure is said in plain words and changes nothing on screen.
 */
export function EvidencePackButton({ code, name }: { code: string; name: string }) {
  const session = useSession();
  const ready = useReadyDatabase();
  const evidence = useEvidence();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // The click handler reads the evidence as it is when each step runs, not as it was at the click.
  const live = useRef(evidence);
  live.current = evidence;
  useEffect(() => () => abort.current?.abort(), []);
  // Another area: a pack still being made is for the old one.
  useEffect(() => {
    abort.current?.abort();
    setStatus({ kind: 'idle' });
  }, [code]);

  const make = async () => {
    if (!ready) return;
    const controller = new AbortController();
    abort.current = controller;
    const started = performance.now();
    const progress = (label: string, fraction: number) => !controller.signal.aborted && setStatus({ kind: 'working', label, fraction });
    progress('Starting', 0);
    try {
      // The safety and communal themes count police records, so they must be loaded first.
      live.current.needCrimes();
      await waitUntil(() => live.current.restored && live.current.crimesReady, controller.signal);
      // Loaded on the first pack only, so the start-up bundle does not carry jsPDF.
      const [{ gatherEvidencePack }, { buildEvidencePackPdf }] = await Promise.all([import('../../export/evidencePack/gather.ts'), import('../../export/evidencePack/pdfBuild.ts')]);
      const version = live.current.version;
      const data = await gatherEvidencePack({
        db: ready.db,
        england: ready.england,
        catalogue: ready.catalogue,
        code,
        datasets: live.current.datasets,
        sessionPlace: session.place,
        weights: session.hotspot.weights,
        runTheme: (q) => themeHotspots(ready.db, ready.england, q, version),
        onProgress: (label, f) => progress(label, f * 0.6),
        signal: controller.signal,
      });
      const built = await buildEvidencePackPdf(data, {
        captureMap: async () => {
          const view = await captureView({ pixelRatio: 2 });
          return { canvas: view.canvas, pixelRatio: 2, sources: view.legend.sources };
        },
        signal: controller.signal,
        onProgress: (label, f) => progress(label, 0.6 + f * 0.4),
      });
      if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'PackCancelled' });
      downloadBlob(built.fileName, built.blob);
      const ms = Math.round(performance.now() - started);
      hooks().timings.evidencePackMs = ms;
      setStatus({ kind: 'done', fileName: built.fileName, pages: built.pages, bytes: built.blob.size, ms });
    } catch (e) {
      if (e instanceof Error && e.name === 'PackCancelled') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };
  const cancel = () => abort.current?.abort();

  return (
    <div className="evidence-pack" data-testid="evidence-pack">
      {status.kind === 'working' ? (
        <>
          <label className="evidence-pack-progress">
            <span>Making the evidence pack for {name}: {status.label}…</span>{' '}
            <progress max={1} value={status.fraction} aria-label="Evidence pack progress" />
          </label>{' '}
          <button type="button" onClick={cancel} data-testid="evidence-pack-cancel">
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void make()} disabled={!ready} data-testid="evidence-pack-button">
          Download evidence pack (PDF)
        </button>
      )}
      <p role="status" aria-live="polite" className="hint" data-testid="evidence-pack-status" data-ms={status.kind === 'done' ? status.ms : undefined}>
        {status.kind === 'done' && `Saved ${status.fileName} (${status.pages} pages, ${mb(status.bytes)}).`}
        {status.kind === 'cancelled' && 'Cancelled: no file was saved.'}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="problem" data-testid="evidence-pack-error">
          The evidence pack could not be made: {status.message} Nothing on screen was changed; you can try again.
        </p>
      )}
    </div>
  );
}
