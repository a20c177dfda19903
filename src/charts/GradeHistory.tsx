import { dayLabel } from '../analysis/format.ts';
import { spanLabel, visitGaps } from '../analysis/calendar.ts';
import { GRADES, GRADE_MEANING } from '../ingest/schemas.ts';
import { GRADE_COLOURS } from '../map/palette.ts';
import { GRADE_INK, GradeKey } from './GradeStack.tsx';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface GradeHistoryIssue {
  issue: string;
  heading: string;
  /** 0–3 (A–D) per visit, in the order of `visits`; null = not graded on that visit. */
  grades: readonly (number | null)[];
}

export interface GradeHistoryProps extends ChartExportProps {
  /** ISO dates 'YYYY-MM-DD', oldest first. */
  visits: readonly string[];
  issues: readonly GradeHistoryIssue[];
  width?: number;
}

const HEADER = 56;
const ROW = 18;
const CELL_GAP = 2;
const MAX_CELL = 34;
const MIN_CELL = 14;
const KEY_HEIGHT = 58;
/** Width of the marker for a break of months with no visit. */
const GAP = 14;
/** Rough width of one character at 11px, to shorten labels that would run into the grid. */
const CHAR = 6.2;
const round = (v: number) => Math.round(v * 10) / 10;

function fit(text: string, px: number): string {
  const max = Math.floor(px / CHAR);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * A site's grades over its visits: issues down (grouped under their form
 * headings), visit dates across, each cell coloured by grade with its letter.
 * Blank cells were not graded on that visit. A break of three or more months
 * with no visit is drawn as a shaded strip between its two visits, so the
 * columns never pass for consecutive rounds. Dates are written at 45° above
 * their column so many visits still fit; with very many visits the drawing
 * widens rather than shrinking cells past legibility.
 */
export function GradeHistory({ visits, issues, width = 460, ...frame }: GradeHistoryProps) {
  // Wide enough for the longest issue name, up to just over half the width (longer names are shortened).
  const longest = Math.max(0, ...issues.map((i) => i.issue.length));
  const label = Math.round(Math.max(90, Math.min(width * 0.56, longest * CHAR + 18)));
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((width - label - 4) / Math.max(1, visits.length))));
  // Slanted labels need about 17px between columns not to overlap; with narrower columns label every second or third visit.
  const labelEvery = Math.ceil(17 / cell);
  const gaps = visitGaps(visits);
  // Columns after each gap move right by one gap marker.
  const colX = (j: number) => label + j * cell + GAP * gaps.filter((g) => g.after < j).length;
  const drawnWidth = Math.max(width, label + visits.length * cell + gaps.length * GAP + 4);
  const headings: { heading: string; issues: GradeHistoryIssue[] }[] = [];
  for (const issue of issues) {
    const group = headings.find((h) => h.heading === issue.heading);
    if (group) group.issues.push(issue);
    else headings.push({ heading: issue.heading, issues: [issue] });
  }
  let y = HEADER;
  const layout = headings.map((h) => {
    const top = y;
    y += ROW * (h.issues.length + 1);
    return { ...h, top };
  });
  const height = y + KEY_HEIGHT;
  const first = visits[0];
  const last = visits[visits.length - 1];
  const span = first && last ? `, ${dayLabel(first)} to ${dayLabel(last)}` : '';
  return (
    <ChartFrame kind="grade-history" title={`Street-rep grades for each issue over ${visits.length} ${visits.length === 1 ? 'visit' : 'visits'}${span}`} defaultSource={SOURCE_LINES.streetReps} {...frame}>
      <svg className="chart grade-history" viewBox={`0 0 ${drawnWidth} ${height}`} width="100%" role="img" aria-label={`Street-rep grades for each issue over ${visits.length} ${visits.length === 1 ? 'visit' : 'visits'}${span}`}>
        {visits.map((v, j) =>
          j % labelEvery === 0 ? (
            <text key={`${v}-${j}`} transform={`translate(${round(colX(j) + cell / 2 - 3)},${HEADER - 6}) rotate(45)`} textAnchor="end" fontSize={10} className="muted">
              {dayLabel(v)}
            </text>
          ) : null,
        )}
        {layout.map((h) => (
          <g key={h.heading} transform={`translate(0,${h.top})`} className="heading">
            <text x={2} y={13} fontWeight="bold">
              {h.heading}
            </text>
            {h.issues.map((issue, i) => (
              <g key={issue.issue} transform={`translate(0,${(i + 1) * ROW})`}>
                <text x={10} y={13}>
                  <title>{issue.issue}</title>
                  {fit(issue.issue, label - 14)}
                </text>
                {visits.map((v, j) => {
                  const given = issue.grades[j];
                  // Anything but 0–3 cannot be drawn as a grade: shown as not graded.
                  const grade = given !== null && given !== undefined && Number.isInteger(given) && given >= 0 && given <= 3 ? given : null;
                  const letter = grade === null ? null : GRADES[grade]!;
                  const x = colX(j);
                  return (
                    <g key={`${v}-${j}`} className={letter ? `cell grade-${letter}` : 'cell not-graded'}>
                      <title>{`${issue.issue}, ${dayLabel(v)}: ${letter ? `${letter} — ${GRADE_MEANING[letter].toLowerCase()}` : 'not graded'}`}</title>
                      <rect
                        x={x}
                        y={1}
                        width={cell - CELL_GAP}
                        height={ROW - CELL_GAP}
                        fill={grade === null ? '#ffffff' : GRADE_COLOURS[grade]}
                        stroke={grade === null ? '#d9d9d9' : undefined}
                      />
                      {letter && (
                        <text x={round(x + (cell - CELL_GAP) / 2)} y={13} textAnchor="middle" fontWeight="bold" style={{ fill: GRADE_INK[grade!] }}>
                          {letter}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
          </g>
        ))}
        {gaps.map((g) => (
          <g key={g.from} className="no-visits" data-gap={`${g.from}/${g.to}`}>
            <title>{`No visits: ${spanLabel(g.from, g.to)} (${g.months} months)`}</title>
            <rect x={colX(g.after + 1) - GAP + 2} y={HEADER - 2} width={GAP - 6} height={y - HEADER} fill="#f0f0f0" stroke="#bdbdbd" strokeDasharray="3 3" />
          </g>
        ))}
        <GradeKey x={2} y={y + 8} width={Math.min(drawnWidth - 4, 420)} />
        <text x={2} y={y + KEY_HEIGHT - 4} fontSize={10} className="muted">
          A blank cell: that issue was not graded on that visit.{gaps.length ? ' A shaded strip: months with no visit.' : ''}
        </text>
      </svg>
    </ChartFrame>
  );
}
