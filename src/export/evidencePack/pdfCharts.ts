/**
 * The pack's charts, drawn by the app's own chart components: each is
 * rendered offscreen (a hidden container, so CSS applies and computed styles
 * exist), made standalone with its styles inlined (export/svgDocument.ts),
 * its text made printable in Helvetica, and handed to svg2pdf as vector.
 */
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DomainComparison } from '../../charts/DomainComparison.tsx';
import { ThemePriorities } from '../../charts/ThemePriorities.tsx';
import { Representativeness } from '../../charts/Representativeness.tsx';
import { GradeHistory } from '../../charts/GradeHistory.tsx';
import { MonthlyTrend } from '../../charts/MonthlyTrend.tsx';
import { groupDisplay } from '../../analysis/surveyPriorities.ts';
import type { EvidencePackData } from './gather.ts';
import type { Figure, PackFigures } from './pdfSections.ts';
import { pdfSafe } from './pdfText.ts';
import { standaloneSvg } from '../svgDocument.ts';

/** CSS pixels to PDF points. */
const PT = 0.75;

/** Helvetica everywhere (jsPDF's built-in font), and only characters it can print. */
function printable(svg: SVGSVGElement): SVGSVGElement {
  svg.setAttribute('font-family', 'helvetica');
  svg.style.removeProperty('font-family');
  for (const el of svg.querySelectorAll('[font-family], [style*="font-family"]')) {
    if (el !== svg) el.removeAttribute('font-family');
    if (el instanceof SVGElement) el.style.removeProperty('font-family');
  }
  for (const t of svg.querySelectorAll('title, desc')) t.remove();
  const walker = svg.ownerDocument.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = pdfSafe(node.nodeValue ?? '');
  return svg;
}

/** One chart component rendered at `width` CSS pixels, as a figure. */
export function renderChart(element: ReactElement, width: number): Figure | null {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;visibility:hidden;pointer-events:none`;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(element));
    const drawn = host.querySelector('svg');
    if (!drawn) return null;
    const svg = printable(standaloneSvg(drawn));
    const box = drawn.viewBox.baseVal;
    const w = box && box.width ? box.width : drawn.getBoundingClientRect().width;
    const h = box && box.height ? box.height : drawn.getBoundingClientRect().height;
    svg.setAttribute('width', String(w));
    svg.setAttribute('height', String(h));
    return { embed: { kind: 'svg', svg }, width: w * PT, height: h * PT };
  } finally {
    root.unmount();
    host.remove();
  }
}

/** Every chart the pack shows, from the gathered data. */
export function packCharts(d: EvidencePackData): Omit<PackFigures, 'map'> {
  const draw = renderChart;
  const s = d.survey;
  return {
    domains: draw(createElement(DomainComparison, { areaName: d.name, authorityName: d.profile.authorityName, rows: d.profile.chart, width: 560 }), 560),
    priorities: s && s.responses > 0 ? draw(createElement(ThemePriorities, { rows: s.rows, responses: s.responses, highlight: s.highlight, width: 600 }), 600) : null,
    representativeness: (s?.comparisons ?? []).map((c) =>
      c.result.totalRespondents > 0
        ? draw(
            createElement(Representativeness, {
              title: `${c.label} of respondents and residents`,
              rows: c.result.groups.map((g) => ({ group: groupDisplay(g.group), residentShare: g.residentShare, respondentShare: g.respondentShare, flag: g.flag })),
              width: 600,
            }),
            600,
          )
        : null,
    ),
    grades: (d.streetReps?.histories ?? []).map((h) => draw(createElement(GradeHistory, { visits: h.chart.visits, issues: h.chart.issues, width: 620 }), 620)),
    crime: d.crime.series.length ? draw(createElement(MonthlyTrend, { series: d.crime.series, title: d.name, unit: 'crimes', width: 640, height: 220 }), 640) : null,
  };
}
