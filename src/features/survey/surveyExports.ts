/**
 * The survey section's tables as files (export/exportTable.ts): the same
 * counts, shares and Wilson intervals the screen writes as "38% (31–45%)",
 * as numbers — shares from 0 to 1, shown as percentages in Excel.
 */
import type { ThemePriorityRow } from '../../charts/ThemePriorities.tsx';
import type { RepresentativenessResult } from '../../analysis/representativeness.ts';
import { HIGHLIGHTED_THEMES, groupDisplay, type groupPriorityRows } from '../../analysis/surveyPriorities.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { exportStem, type ExportColumn, type ExportTable } from '../../export/exportTable.ts';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const WILSON = 'Shares are of the responses matching the filters; the 95% intervals are Wilson score intervals.';

/** Share columns for one measure: the share and its interval. */
const shareColumns = (what: string): ExportColumn[] => [
  { label: `${what}: share`, percent: true },
  { label: `${what}: 95% interval, low`, percent: true },
  { label: `${what}: 95% interval, high`, percent: true },
];

export function prioritiesExportTable(rows: readonly ThemePriorityRow[], responses: number, scope: string, sample: boolean, notes: readonly string[] = []): ExportTable {
  return {
    title: `What residents put first: ${responses.toLocaleString('en-GB')} responses, ${scope}`,
    description: 'For each theme, how many responses ranked it first and how many had it anywhere in their top three, with the share of responses and its 95% interval.',
    place: scope,
    columns: [{ label: 'Theme' }, { label: 'Ranked first', numeric: true }, ...shareColumns('Ranked first'), { label: 'In top three', numeric: true }, ...shareColumns('In top three'), { label: 'Responses', numeric: true }],
    rows: rows.map((r) => [r.theme, r.first.count, finite(r.first.share), finite(r.first.low), finite(r.first.high), r.topThree.count, finite(r.topThree.share), finite(r.topThree.low), finite(r.topThree.high), responses]),
    sources: [SOURCE_LINES.survey],
    notes: [WILSON, 'A response naming a theme twice counts once.', ...notes],
    sample,
    fileStem: exportStem('survey-priorities', scope),
  };
}

export function groupsExportTable(rows: ReturnType<typeof groupPriorityRows>, by: 'ward' | 'venue', scope: string, sample: boolean, tooFewNote: string): ExportTable {
  return {
    title: `Residents’ top-three priorities by ${by}, ${scope}`,
    description: `For each ${by}, its responses and the share of them with each highlighted theme in their top three, with the 95% interval.`,
    place: scope,
    columns: [
      { label: by === 'ward' ? 'Ward' : 'Venue' },
      ...(by === 'ward' ? [{ label: 'Ward code' }] : []),
      { label: 'Responses', numeric: true },
      { label: 'Too few to say' },
      ...HIGHLIGHTED_THEMES.flatMap((t) => [{ label: `${t}: in top three`, numeric: true }, ...shareColumns(t)]),
    ],
    rows: rows.map((r) => [
      r.label,
      ...(by === 'ward' ? [r.code] : []),
      r.responses,
      r.tooFew ? 'too few to say' : null,
      ...r.topThree.flatMap((s) => [s.count, finite(s.share), finite(s.low), finite(s.high)]),
    ]),
    sources: [SOURCE_LINES.survey],
    notes: [WILSON, tooFewNote],
    sample,
    fileStem: exportStem(`survey-priorities-by-${by}`, scope),
  };
}

export function representativenessExportTable(result: RepresentativenessResult, label: string, scope: string, sample: boolean, sentences: readonly string[]): ExportTable {
  return {
    title: `${label} of respondents and residents, ${scope}`,
    description: `Who answered compared with who lives here: for each ${label.toLowerCase()} group, residents (Census 2021) and survey responses that gave an answer, with the share of responses and its 95% interval, and the group's flag.`,
    place: scope,
    columns: [
      { label },
      { label: 'Residents (Census 2021)', numeric: true },
      { label: 'Share of residents', percent: true },
      { label: 'Responses', numeric: true },
      ...shareColumns('Responses'),
      { label: 'Flag' },
    ],
    rows: result.groups.map((g) => [groupDisplay(g.group), g.residents, finite(g.residentShare), g.respondents, finite(g.respondentShare), finite(g.respondentLow), finite(g.respondentHigh), g.flag]),
    sources: [SOURCE_LINES.survey, SOURCE_LINES.census],
    notes: [result.overallSentence, ...sentences, ...(result.note ? [result.note] : []), `${result.notStated.toLocaleString('en-GB')} responses did not say.`],
    sample,
    fileStem: exportStem(`survey-${label}-who-answered`, scope),
  };
}
