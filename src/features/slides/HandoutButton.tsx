import { useEffect, useRef, useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { layerSpecOf } from '../../session/layers.ts';
import { slideSession, type Slide } from '../../presentation/slides.ts';
import { captureView } from '../../export/viewImage.ts';
import { downloadBlob } from '../../ui/download.ts';
import { hooks } from '../../ui/testHooks.ts';
import { describeView, type IndicatorName } from './viewDescription.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; index: number; total: number }
  | { kind: 'done'; fileName: string; pages: number; bytes: number; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`);

/**
 * "Download handout (PDF)": shows each slide's view on the map in turn, takes
 * its image, writes one page per slide, then puts the person's own view back
 * (also when cancelled or when a slide fails).
 */
export function HandoutButton({ slides, indicatorName, onBusy }: { slides: readonly Slide[]; indicatorName: IndicatorName; onBusy: (busy: boolean) => void }) {
  const session = useSession();
  const dispatch = useDispatch();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const own = useRef(session);
  if (!abort.current) own.current = session;
  useEffect(() => () => abort.current?.abort(), []);

  const make = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const mine = own.current;
    const started = performance.now();
    onBusy(true);
    setStatus({ kind: 'working', index: 0, total: slides.length });
    try {
      const { buildHandoutPdf } = await import('../../export/handout/handoutPdf.ts');
      const built = await buildHandoutPdf({
        slides,
        describe: (s) => describeView(slideSession(s), indicatorName),
        signal: controller.signal,
        onProgress: (index, total) => !controller.signal.aborted && setStatus({ kind: 'working', index, total }),
        capture: async (slide, i) => {
          const view = slideSession(slide);
          dispatch({ type: 'replace', session: view });
          try {
            const image = await captureView({ spec: layerSpecOf(view), pixelRatio: 2, timeoutMs: 30_000 });
            return { canvas: image.canvas, title: image.title };
          } catch (e) {
            throw new Error(`Slide ${i + 1}, “${slide.title || 'Untitled'}”, could not be drawn: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
        },
      });
      if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'HandoutCancelled' });
      downloadBlob(built.fileName, built.blob);
      const ms = Math.round(performance.now() - started);
      hooks().timings.handoutMs = ms;
      setStatus({ kind: 'done', fileName: built.fileName, pages: built.pages, bytes: built.blob.size, ms });
    } catch (e) {
      if (e instanceof Error && e.name === 'HandoutCancelled') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      dispatch({ type: 'replace', session: mine });
      if (abort.current === controller) abort.current = null;
      onBusy(false);
    }
  };

  return (
    <div className="handout" data-testid="handout">
      {status.kind === 'working' ? (
        <>
          <label className="handout-progress">
            <span data-testid="handout-progress">
              Making the handout: slide {Math.min(status.index + 1, status.total)} of {status.total}…
            </span>{' '}
            <progress max={status.total} value={status.index} aria-label="Handout progress" />
          </label>{' '}
          <button type="button" onClick={() => abort.current?.abort()} data-testid="handout-cancel">
            Cancel
          </button>
          <p className="hint">The map behind shows each slide’s view in turn while its picture is taken; your own view comes back at the end.</p>
        </>
      ) : (
        <button type="button" onClick={() => void make()} disabled={!slides.length} data-testid="handout-button">
          Download handout (PDF)
        </button>
      )}
      <p role="status" className="hint" data-testid="handout-status" data-ms={status.kind === 'done' ? status.ms : undefined}>
        {status.kind === 'done' && `Saved ${status.fileName} (${status.pages} ${status.pages === 1 ? 'page' : 'pages'}, ${size(status.bytes)}).`}
        {status.kind === 'cancelled' && 'Cancelled: no file was saved. Your own view is back on the map.'}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="problem" data-testid="handout-error">
          The handout could not be made. {status.message} Your own view is back on the map{/try again/i.test(status.message) ? '.' : '; you can try again.'}
        </p>
      )}
    </div>
  );
}
