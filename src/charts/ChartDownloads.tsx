import { useRef, useState, type ReactNode } from 'react';
import { stackedSvg, standaloneSvg, svgText, svgToPngBlob, type SvgMeta } from '../export/svgDocument.ts';
import { exportStem } from '../export/exportTable.ts';
import { downloadBlob, downloadText } from '../ui/download.ts';
import '../ui/downloads.css';

/** What a chart's downloads say about it; every chart takes these as optional props. */
export interface ChartExportProps {
  /** The title drawn above the chart in its downloads (each chart has a sensible default). */
  exportTitle?: string;
  /** Source and licence line(s) drawn under the chart in its downloads. */
  source?: string | readonly string[];
  /** The chart shows the bundled synthetic sample: the downloads say so. */
  sample?: boolean;
  /** The place or area, for the file name ("Leicester", "Norbiton"). */
  area?: string;
}

export interface ChartFrameProps extends ChartExportProps {
  /** The chart's kind, for file names: "crime-by-month" → ward-insight-crime-by-month-<area>-<date>.svg. */
  kind: string;
  /** The default title when exportTitle is not given. */
  title: string;
  /** The default source when none is given. */
  defaultSource?: string | readonly string[];
  children: ReactNode;
}

/** The chart's outermost <svg> elements: the element itself, or those inside it (a small-multiples chart has several). */
function chartSvgs(chart: Element | null): SVGSVGElement[] {
  if (!chart) return [];
  if (chart instanceof SVGSVGElement) return [chart];
  return [...chart.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
}

/** The chart on screen as one standalone SVG, each small multiple labelled by its figure's caption. */
function exportSvg(chart: Element | null, meta: SvgMeta): SVGSVGElement {
  const svgs = chartSvgs(chart);
  if (svgs.length === 0) throw new Error('There is no chart to save.');
  if (svgs.length === 1) return standaloneSvg(svgs[0]!, meta);
  return stackedSvg(
    svgs.map((svg) => ({ svg, label: svg.closest('figure')?.querySelector('figcaption')?.textContent ?? undefined })),
    meta,
  );
}

/**
 * The shared frame every chart is drawn in: the chart, then a small line
 * "Download chart: SVG · PNG" right after it (no wrapper, so the chart's
 * markup and layout are as before). The files are the chart as drawn, with
 * its title above and its source below (export/svgDocument.ts); PNG at 2×.
 * Saving needs the live element and its computed styles, so without a DOM
 * (a chart rendered to markup on a server or in a unit test) there is no
 * line and the chart is exactly its SVG.
 */
export function ChartFrame({ kind, title, exportTitle, source, defaultSource, sample = false, area, children }: ChartFrameProps) {
  const line = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const meta: SvgMeta = { title: exportTitle ?? title, source: source ?? defaultSource, sample };
  const stem = exportStem(kind + (sample ? '-sample' : ''), area);
  const run = async (format: 'svg' | 'png') => {
    setProblem(null);
    try {
      const svg = exportSvg(line.current?.previousElementSibling ?? null, meta);
      if (format === 'svg') downloadText(`${stem}.svg`, svgText(svg), 'image/svg+xml;charset=utf-8');
      else downloadBlob(`${stem}.png`, await svgToPngBlob(svg, 2));
    } catch (e) {
      setProblem(`The chart could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const named = `chart “${meta.title}”`;
  if (typeof document === 'undefined') return children;
  return (
    <>
      {children}
      <div className="downloads chart-downloads" ref={line} data-chart={kind} role="group" aria-label={`Download ${named}`}>
        <span aria-hidden="true">Download chart:</span>
        <button type="button" onClick={() => void run('svg')} data-testid="chart-svg" aria-label={`Download ${named} as SVG`}>
          SVG
        </button>
        <span className="sep" aria-hidden="true">
          ·
        </span>
        <button type="button" onClick={() => void run('png')} data-testid="chart-png" aria-label={`Download ${named} as PNG`}>
          PNG
        </button>
        {problem && (
          <span role="status" className="problem">
            {problem}
          </span>
        )}
      </div>
    </>
  );
}
