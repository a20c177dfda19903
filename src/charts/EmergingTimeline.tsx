import { HOT_COLD_COLOURS } from '../map/palette.ts';
import type { HotColdClass } from '../stats/hotspots/hotColdClass.ts';
import { monthLabel } from './MonthlyTrend.tsx';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

export interface EmergingTimelineRow {
  /** The area, e.g. "Lache 012A". */
  label: string;
  /** Its space–time Gi* class per month, in the order of `months`; null = no value that month. */
  bins: readonly (HotColdClass | null)[];
  /** Its emerging hot spot pattern in words, e.g. "New hot spot"; written at the right of the row. */
  pattern?: string;
}

export interface EmergingTimelineProps extends ChartExportProps {
  /** 'YYYY-MM', oldest first. */
  months: readonly string[];
  rows: readonly EmergingTimelineRow[];
  /** What is analysed, e.g. "Burglary hot spots over time"; used for the accessible name. */
  title: string;
  width?: number;
}

const KEY_ORDER: readonly HotColdClass[] = ['cold-99', 'cold-95', 'cold-90', 'not-significant', 'hot-90', 'hot-95', 'hot-99'];
const KEY_HEIGHT = 34;
const ROW = 34;
const STRIP = 14;
const AXIS = 16;
const round = (v: number) => Math.round(v * 10) / 10;

/** "Hot spot, 95% confidence" and the like. */
export function binWords(bin: HotColdClass | null): string {
  if (bin === null) return 'no value';
  if (bin === 'not-significant') return 'not significant';
  const [kind, level] = bin.split('-');
  return `${kind === 'hot' ? 'hot' : 'cold'} spot, ${level}% confidence`;
}

/** + on hot bins, − on cold ones, so the direction never rests on colour alone; white on the darkest two. */
function glyph(bin: HotColdClass) {
  if (bin === 'not-significant') return null;
  return { text: bin.startsWith('hot') ? '+' : '−', ink: bin.endsWith('99') ? '#ffffff' : '#1b1b1b' };
}

/**
 * Month-by-month hot and cold spot classes of a few areas (space–time Gi*,
 * worked out elsewhere): one strip per area, a cell per month in the Gi* hot
 * and cold colours with + or − inside, the area's overall pattern at the
 * right. The first month and every January are labelled under the strips.
 */
export function EmergingTimeline({ months, rows, title, width = 420, ...frame }: EmergingTimelineProps) {
  const x0 = 2;
  const cell = (width - 4) / Math.max(1, months.length);
  const height = KEY_HEIGHT + rows.length * ROW + AXIS;
  // The first month and each January, skipping any that would run into the one before.
  const labelled: { m: string; x: number }[] = [];
  months.forEach((m, j) => {
    const x = round(x0 + j * cell);
    const previous = labelled[labelled.length - 1];
    if ((j === 0 || m.endsWith('-01')) && (!previous || x - previous.x >= 60)) labelled.push({ m, x });
  });
  return (
    <ChartFrame kind="emerging-hot-spots" title={`${title}: hot and cold spot class by month`} defaultSource={[SOURCE_LINES.police, SOURCE_LINES.census]} {...frame}>
      <svg className="chart emerging-timeline" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: hot and cold spot class by month for ${rows.length} ${rows.length === 1 ? 'area' : 'areas'}`}>
        <g className="key" transform="translate(2,4)">
          <text x={0} y={11} className="muted">
            Cold spot
          </text>
          {KEY_ORDER.map((bin, i) => {
            const g = glyph(bin);
            return (
              <g key={bin} transform={`translate(${62 + i * 22},0)`}>
                <title>{binWords(bin)}</title>
                <rect width={20} height={STRIP} fill={HOT_COLD_COLOURS[bin]} stroke={bin === 'not-significant' ? '#d9d9d9' : undefined} />
                {g && (
                  <text x={10} y={11} textAnchor="middle" fontWeight="bold" style={{ fill: g.ink }}>
                    {g.text}
                  </text>
                )}
                <text x={10} y={25} textAnchor="middle" fontSize={9} className="muted">
                  {bin === 'not-significant' ? '–' : `${bin.slice(-2)}%`}
                </text>
              </g>
            );
          })}
          <text x={62 + 7 * 22 + 4} y={11} className="muted">
            Hot spot
          </text>
        </g>
        {rows.map((r, i) => (
          <g key={r.label} className="timeline-row" transform={`translate(0,${KEY_HEIGHT + i * ROW})`}>
            <text x={x0} y={11}>
              {r.label}
            </text>
            {r.pattern && (
              <text x={width - 2} y={11} textAnchor="end" className="muted">
                {r.pattern}
              </text>
            )}
            {months.map((m, j) => {
              const bin = r.bins[j] ?? null;
              const x = round(x0 + j * cell);
              const w = round(round(x0 + (j + 1) * cell) - x);
              const g = bin && w >= 8 ? glyph(bin) : null;
              return (
                <g key={m} className={`bin ${bin ?? 'no-value'}`}>
                  <title>{`${r.label}, ${monthLabel(m)}: ${binWords(bin)}`}</title>
                  <rect x={x} y={15} width={round(Math.max(0.5, w - 1))} height={STRIP} fill={bin ? HOT_COLD_COLOURS[bin] : '#ffffff'} stroke={bin === null || bin === 'not-significant' ? '#d9d9d9' : undefined} strokeWidth={0.5} />
                  {g && (
                    <text x={round(x + w / 2 - 0.5)} y={26} textAnchor="middle" fontSize={10} fontWeight="bold" style={{ fill: g.ink }}>
                      {g.text}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
        {labelled.map(({ m, x }) => (
          <text key={m} x={Math.min(x, width - 56)} y={height - 4} className="muted">
            {monthLabel(m)}
          </text>
        ))}
      </svg>
    </ChartFrame>
  );
}
