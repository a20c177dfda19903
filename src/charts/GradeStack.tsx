import { GRADES, GRADE_MEANING } from '../ingest/schemas.ts';
import { GRADE_COLOURS } from '../map/palette.ts';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface GradeStackRow {
  label: string;
  /** How many grades A, B, C, D. */
  counts: [number, number, number, number];
}

export interface GradeStackProps extends ChartExportProps {
  rows: readonly GradeStackRow[];
  /** What the bars are, e.g. "Street-rep grades by ward"; used for the accessible name. */
  title: string;
  width?: number;
}

/** Short forms of GRADE_MEANING for keys; the full wording is in each key item's <title>. */
export const GRADE_SHORT = ['no problem at all', 'an issue but acceptable', 'becoming unacceptable', 'a really big issue'] as const;
/** Letters on the dark ends of the scale are white, on the light middle dark (CSS would otherwise make all text ink). */
export const GRADE_INK = ['#ffffff', '#1b1b1b', '#1b1b1b', '#ffffff'] as const;
const round = (v: number) => Math.round(v * 10) / 10;
const KEY_HEIGHT = 40;
const ROW = 38;
const BAR = 16;
/** A segment narrower than this has no room for its letter (it keeps its <title>). */
const MIN_LETTER_WIDTH = 14;

/** Grades A–D in two rows of two: swatch with its letter, and a short meaning. */
export function GradeKey({ x, y, width }: { x: number; y: number; width: number }) {
  return (
    <g className="grade-key" transform={`translate(${x},${y})`}>
      {GRADES.map((g, i) => (
        <g key={g} transform={`translate(${(i % 2) * round(width / 2)},${Math.floor(i / 2) * 17})`}>
          <title>{`${g}: ${GRADE_MEANING[g]}`}</title>
          <rect width={14} height={14} fill={GRADE_COLOURS[i]} />
          <text x={7} y={11} textAnchor="middle" fontWeight="bold" style={{ fill: GRADE_INK[i] }}>
            {g}
          </text>
          <text x={18} y={11} className="muted">
            {GRADE_SHORT[i]}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * One 100 % bar per row (a ward, a site, an issue), split into grades A–D in
 * the grade colours with the letter inside every segment wide enough for it;
 * the counts are in each segment's <title> and the row's total at its right.
 * Segment edges are rounded before widths are taken, so widths add up to the bar.
 */
export function GradeStack({ rows, title, width = 400, ...frame }: GradeStackProps) {
  const height = KEY_HEIGHT + rows.length * ROW;
  const x0 = 2;
  const barWidth = width - 4;
  return (
    <ChartFrame kind="grade-mix" title={`${title}: share of grades A to D`} defaultSource={SOURCE_LINES.streetReps} {...frame}>
      <svg className="chart grade-stack" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: share of grades A to D`}>
        <GradeKey x={2} y={2} width={barWidth} />
        {rows.map((r, i) => {
          const total = r.counts.reduce((a, b) => a + b, 0);
          let before = 0;
          return (
            <g key={r.label} className="grade-row" transform={`translate(0,${KEY_HEIGHT + i * ROW})`}>
              <text x={x0} y={11}>
                {r.label}
              </text>
              <text x={x0 + barWidth} y={11} textAnchor="end" className="muted">
                {total === 0 ? 'no grades' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'grade' : 'grades'}`}
              </text>
              {total > 0 &&
                r.counts.map((count, g) => {
                  const start = round(x0 + (before / total) * barWidth);
                  before += count;
                  const end = round(x0 + (before / total) * barWidth);
                  if (count === 0) return null;
                  const grade = GRADES[g]!;
                  const segment = round(end - start);
                  return (
                    <g key={grade} className={`segment grade-${grade}`}>
                      <title>{`${r.label}: ${count.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} grades ${grade} (${Math.round((count / total) * 100)}%): ${GRADE_MEANING[grade].toLowerCase()}`}</title>
                      <rect x={start} y={15} width={segment} height={BAR} fill={GRADE_COLOURS[g]} />
                      {segment >= MIN_LETTER_WIDTH && (
                        <text x={round((start + end) / 2)} y={27} textAnchor="middle" fontWeight="bold" style={{ fill: GRADE_INK[g] }}>
                          {grade}
                        </text>
                      )}
                    </g>
                  );
                })}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
