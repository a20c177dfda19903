import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Legend } from '../../map/Legend.tsx';
import type { MapLegend } from '../../map/legendSpec.ts';
import { getMapHandle, type MapSnapshot } from '../../ui/mapHandle.ts';
import { currentView, footerLinesOf, printRatio, whenViewDrawn } from '../../export/viewImage.ts';
import { composeMapOnly } from '../../export/mapImage.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import '../../app/print.css';

/** What the printed page shows above the side panel's tables. */
interface PrintPage {
  title: string;
  legend: MapLegend | null;
  selected: string | null;
  /** The map with its scale bar, or null when the map could not be drawn (it says so). */
  map: HTMLCanvasElement | null;
  footer: string[];
}

function pageOf(snapshot: MapSnapshot | null): PrintPage {
  const view = currentView();
  const legend = view?.legend ?? null;
  return {
    title: view?.title ?? 'Ward Insight',
    legend,
    selected: view?.selected ?? null,
    map: snapshot ? composeMapOnly(snapshot, legend?.sample ?? false, SAMPLE_LABEL) : null,
    footer: legend ? footerLinesOf(legend, snapshot?.attribution ?? '', new Date()) : [],
  };
}

/** Ctrl+P: the page prints as soon as 'beforeprint' returns, so the map is drawn synchronously with what is loaded. */
function pageNow(): PrintPage | null {
  const snapshot = getMapHandle()?.snapshotNow?.(printRatio()) ?? null;
  // Under print styles the map has no size: keep what was prepared before.
  return snapshot || !currentView() ? pageOf(snapshot) : null;
}

/** "Print this view": wait for the view to be fully drawn first (a view whose data never comes prints as it is, saying so). */
async function pageReady(): Promise<PrintPage> {
  await whenViewDrawn({ deadline: performance.now() + 10_000 }).catch(() => undefined);
  const handle = getMapHandle();
  return pageOf(handle ? await handle.snapshot(printRatio()) : null);
}

/** Open every folded table in the side panel for print; returns how to fold them again. */
function unfoldDetails(): () => void {
  const closed = [...document.querySelectorAll<HTMLDetailsElement>('.side details:not([open])')];
  for (const d of closed) d.open = true;
  return () => {
    for (const d of closed) d.open = false;
  };
}

/**
 * Printing any view: a "Print this view" button, and a block that only prints —
 * the view's title, the map as an image (with a scale bar), its key and sources
 * as text — above the side panel's tables (src/app/print.css). Filled on
 * 'beforeprint' (Ctrl+P), or by the button after the view has finished drawing.
 */
export function PrintView() {
  const [page, setPage] = useState<PrintPage | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Set while a page prepared by the button is printing: Ctrl+P's quicker copy must not replace it. */
  const prepared = useRef(false);
  const refold = useRef<(() => void) | null>(null);
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = () => {
      refold.current ??= unfoldDetails();
      if (prepared.current) return;
      const next = pageNow();
      if (next) flushSync(() => setPage(next));
    };
    const after = () => {
      prepared.current = false;
      refold.current?.();
      refold.current = null;
      setPage(null);
    };
    // Print emulation (and some browsers) switch the media without 'beforeprint'.
    const media = window.matchMedia('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media.removeEventListener('change', onMedia);
    };
  }, []);

  // The map canvas goes into the page as it is (no PNG encoding on the way to the printer).
  useLayoutEffect(() => {
    holder.current?.replaceChildren(...(page?.map ? [page.map] : []));
  }, [page]);

  const print = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await pageReady();
      prepared.current = true;
      flushSync(() => setPage(next));
      window.print();
    } catch (e) {
      prepared.current = false;
      setProblem(`The view could not be prepared for printing. ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void print()} disabled={busy} aria-busy={busy} data-testid="print-view-button">
        {busy ? 'Preparing to print…' : 'Print this view'}
      </button>
      {problem && (
        <p className="problem toolbar-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="print-view" data-testid="print-view">
        {page && (
          <>
            <h2 className="print-title">{page.title}</h2>
            <div className="print-map" ref={holder} data-testid="print-map" />
            {!page.map && <p>The map could not be drawn for printing. Close this and try “Print this view” again.</p>}
            {page.legend ? (
              <div className="print-key" data-testid="print-key">
                <Legend legend={{ ...page.legend, sources: [] }} />
                {page.selected && (
                  <p className="legend-note">
                    <span className="swatch print-selected" aria-hidden="true" /> Outlined in pink: {page.selected} (selected)
                  </p>
                )}
              </div>
            ) : (
              <p>This view’s key is not shown: its data had not reached the map when the page was printed.</p>
            )}
            <div className="print-sources">
              {page.footer.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          </>
        )}
      </div>
    </>
  );
}
