/**
 * The evidence pack's second half: residents' priorities with who answered
 * versus who lives here and its caveat, street-rep trends, crime month by
 * month with the missing months named, and every source line. Every page a
 * synthetic sample section runs over carries the sample label.
 */
import type { EvidencePackData } from './gather.ts';
import { sampleNotice, type Layout, type PackFigures } from './pdfSections.ts';
import { shareAndInterval, groupDisplay, intervalText } from '../../analysis/surveyPriorities.ts';
import { formatShare } from '../../analysis/representativeness.ts';
import { UNDER_REPRESENTED_LEAD } from '../../features/survey/surveyWords.ts';
import { dayLabel } from '../../analysis/format.ts';

const SMALL = 8.5;
/** Rows of the getting-worse table: beyond this the pack gets long without saying more. */
const MAX_WORSENING = 30;
const n = (v: number) => v.toLocaleString('en-GB');

export function surveySection(l: Layout, d: EvidencePackData, figures: PackFigures): void {
  const s = d.survey;
  l.newPage();
  l.heading('What residents put first');
  if (!s) {
    l.paragraph('No residents’ survey is loaded in this browser, so this pack has no residents’ priorities. Load one (or try the sample) in “Your data”.');
    return;
  }
  const sample = s.synthetic && s.responses > 0;
  l.sample(sample);
  if (sample) l.paragraph(sampleNotice('These survey responses were'), { bold: true });
  l.paragraph(`${s.countLine} placed in ${d.name}.`);
  if (s.responses === 0) {
    l.paragraph('No survey response is placed in this area.');
    l.sample(false);
    return;
  }
  l.paragraph(s.hint, { size: SMALL });
  if (s.unranked) l.paragraph(s.unranked, { size: SMALL });
  if (s.top) l.paragraph(s.top, { bold: true });
  if (figures.priorities) l.block(figures.priorities.width, figures.priorities.height, figures.priorities.embed);
  l.table(
    [{ label: 'Theme', width: 3 }, { label: 'Ranked first', width: 0.9, align: 'right' }, { label: 'Share (95% interval)', width: 1.5 }, { label: 'In top three', width: 0.9, align: 'right' }, { label: 'Share (95% interval)', width: 1.5 }],
    s.rows.map((r) => [`${r.theme}${s.highlight.includes(r.theme) ? ' (a theme this tool highlights)' : ''}`, n(r.first.count), shareAndInterval(r.first), n(r.topThree.count), shareAndInterval(r.topThree)]),
    { caption: `Themes by share of ${n(s.responses)} responses, with 95% intervals (Wilson). A response naming a theme twice counts once.` },
  );

  l.heading('Who answered versus who lives here', 2, 80);
  if (s.basis) l.paragraph(s.basis, { size: SMALL });
  if (s.underRepresented.length) {
    l.paragraph(UNDER_REPRESENTED_LEAD, { bold: true });
    l.bullets(s.underRepresented);
  }
  s.comparisons.forEach((c, i) => {
    l.heading(c.label, 3, 60);
    l.paragraph(c.result.overallSentence);
    if (c.chi) l.paragraph(c.chi, { size: SMALL });
    const fig = figures.representativeness[i];
    if (fig) l.block(fig.width, fig.height, fig.embed);
    l.table(
      [{ label: c.label, width: 1.6 }, { label: 'Residents', width: 1.3, align: 'right' }, { label: 'Responses', width: 1, align: 'right' }, { label: 'Share of responses (95% interval)', width: 1.8 }, { label: 'Flag', width: 1.3 }],
      c.result.groups.map((g) => [
        groupDisplay(g.group),
        `${n(g.residents)} (${formatShare(g.residentShare)})`,
        n(g.respondents),
        `${formatShare(g.respondentShare)} (${intervalText({ low: g.respondentLow, high: g.respondentHigh }) || 'no answers'})`,
        g.flag === 'under-represented' ? 'Under-represented' : g.flag === 'over-represented' ? 'Over-represented' : '',
      ]),
      { caption: `${c.label} of respondents and residents: ${n(c.result.totalRespondents)} responses that gave an answer; ${n(c.result.totalResidents)} residents (Census 2021)` },
    );
    if (c.result.note) l.paragraph(c.result.note, { size: SMALL });
  });
  if (s.comparisons.length === 0) l.paragraph('No response gave an age band or ethnic group, so nobody can tell whether the people who answered are like the people who live here.');
  if (s.sex.length) {
    l.paragraph(`Sex, as counts: ${s.sex.join('; ')}. The built-in Census 2021 tables have no breakdown by sex for small areas, so sex is not compared with residents.`, { size: SMALL });
  }
  l.paragraph(`Caveat: ${s.caveat}`, { bold: true });
  l.sample(false);
}

export function streetRepSection(l: Layout, d: EvidencePackData, figures: PackFigures): void {
  const r = d.streetReps;
  l.heading('Street-rep trends', 2, 80);
  if (!r) {
    l.paragraph('No street-rep grades are loaded in this browser, so this pack has no street-rep trends.');
    return;
  }
  const sample = r.synthetic && r.sites > 0;
  l.sample(sample);
  if (sample) l.paragraph(sampleNotice('These street-rep sites and grades were'), { bold: true });
  l.paragraph(`${n(r.sites)} monitored ${r.sites === 1 ? 'site' : 'sites'} in ${d.name}, with ${n(r.visits)} ${r.visits === 1 ? 'visit' : 'visits'}. Grades run from A (good) to D (poor).`);
  if (r.worsening.length) {
    const shown = r.worsening.slice(0, MAX_WORSENING);
    l.table(
      [{ label: 'Site', width: 2 }, { label: 'Issue', width: 1.6 }, { label: 'Grades', width: 2 }, { label: 'Between', width: 2 }],
      shown.map((w) => [w.site, w.issue, w.grades, w.between]),
      { caption: `${n(r.worsening.length)} ${r.worsening.length === 1 ? 'issue is' : 'issues are'} getting worse over the last 3 visits, biggest rise first` },
    );
    if (shown.length < r.worsening.length) l.paragraph(`The ${shown.length} biggest rises of ${n(r.worsening.length)} are listed; the Street reps section lists them all.`, { size: SMALL });
  } else {
    l.paragraph('No issue got worse over the last 3 visits at any site here.');
  }
  r.histories.forEach((h, i) => {
    l.heading(h.site, 3, 120);
    l.bullets(h.sentences, 9);
    const fig = figures.grades[i];
    if (fig) l.block(fig.width, fig.height, fig.embed);
    l.paragraph(
      `Grade for each issue on each visit, oldest first${h.totalVisits > h.shownVisits ? ` (the latest ${h.shownVisits} of ${h.totalVisits} visits)` : ''}: ${h.chart.visits.map((v) => dayLabel(v)).join(', ')}.`,
      { size: SMALL },
    );
  });
  l.sample(false);
}

export function crimeSection(l: Layout, d: EvidencePackData, figures: PackFigures): void {
  const c = d.crime;
  l.heading('Police-recorded crime month by month', 2, 80);
  l.paragraph(c.coverage);
  if (c.gaps) l.paragraph(c.gaps, { bold: true });
  if (figures.crime) l.block(figures.crime.width, figures.crime.height, figures.crime.embed);
  if (c.table.length) {
    l.table([{ label: 'Month', width: 2 }, { label: 'Crimes', width: 1, align: 'right' }], c.table, { caption: 'Crimes recorded in the area each month (a missing month is a gap, not zero)', size: 8.5 });
  }
  l.paragraph('Points are placed by police.uk at an approximate location (a snap point), never the exact address; crimes are counted in the small area each point falls in.', { size: SMALL });
}

export function sourcesSection(l: Layout, d: EvidencePackData, mapSources: readonly string[]): void {
  l.heading('Sources and licences', 2, 80);
  l.bullets([...d.sources, ...mapSources.filter((s) => !d.sources.includes(s))], 9);
  l.paragraph(
    'Made with Ward Insight, which runs entirely in the browser: the built-in open data and any files loaded were read on this computer, and nothing was uploaded. Residents’ data leaves the device only in exports like this one.',
    { size: SMALL },
  );
}
