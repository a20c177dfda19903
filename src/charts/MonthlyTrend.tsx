import { line, scaleLinear, scalePoint } from 'd3';
import { monthLabel } from '../analysis/format.ts';
import { gapWords, monthGaps, monthRange, spanLabel } from '../analysis/calendar.ts';
import { ChartFrame, type ChartExportProps } from './ChartDownloads.tsx';
import { SOURCE_LINES } from '../map/legendSources.ts';

// Kept here too for the panels that import it from this chart.
export { monthLabel };

export interface MonthlyTrendProps extends ChartExportProps {
  /** Months with data as 'YYYY-MM', oldest first, with a count each; a month left out is drawn as a gap. */
  series: readonly { month: string; value: number }[];
  title: string;
  unit: string;
  width?: number;
  height?: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * A line of monthly values with a dot per month, on a calendar axis: every
 * month from the first to the last has its place, so a month with no data is
 * a gap in the line (a shaded "no data" band), never a join between the
 * months either side. January of each year is labelled on the axis. The
 * numbers, gaps included, are also given as a table by the panel that shows
 * it. Coordinates are rounded so snapshots are stable.
 */
export function MonthlyTrend({ series, title, unit, width = 400, height = 170, area, ...frame }: MonthlyTrendProps) {
  const m = { top: 14, right: 12, bottom: 26, left: 40 };
  const values = new Map(series.map((s) => [s.month, s.value]));
  const axis = series.length ? monthRange(series[0]!.month, series.at(-1)!.month) : [];
  const x = scalePoint<string>().domain(axis).range([m.left, width - m.right]);
  const step = axis.length > 1 ? x.step() : 0;
  const max = Math.max(1, ...series.map((s) => s.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([height - m.bottom, m.top]);
  const path =
    line<string>()
      .defined((month) => values.has(month))
      .x((month) => round(x(month) ?? 0))
      .y((month) => round(y(values.get(month) ?? 0)))(axis) ?? '';
  const gaps = monthGaps(values.keys());
  // Each January is labelled, and the first month too unless a January follows too closely to fit (labels are ~56 px wide).
  const firstJanuary = axis.find((month) => month.endsWith('-01'));
  const roomForFirst = !firstJanuary || (x(firstJanuary) ?? 0) - m.left >= 60;
  const yearStarts = axis.filter((month, i) => (i === 0 && roomForFirst) || month.endsWith('-01'));
  return (
    <ChartFrame kind="crimes-by-month" title={`${unit.charAt(0).toUpperCase()}${unit.slice(1)} by month in ${title}`} defaultSource={SOURCE_LINES.police} area={area ?? title} {...frame}>
      <svg className="chart trend" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: ${unit} by month${gaps.length ? ` (${gapWords(gaps).replace('none', 'no data')})` : ''}`}>
        {y.ticks(4).map((t) => (
          <g key={t} transform={`translate(0,${round(y(t))})`}>
            <line x1={m.left} x2={width - m.right} stroke="#e5e6e7" />
            <text x={m.left - 4} y={4} textAnchor="end" className="muted">
              {t.toLocaleString('en-GB')}
            </text>
          </g>
        ))}
        {gaps.map((g) => {
          const x0 = round((x(g.from) ?? 0) - step / 2);
          const x1 = round((x(g.to) ?? 0) + step / 2);
          return (
            <g key={g.from} className="no-data" data-gap={`${g.from}/${g.to}`}>
              <title>{`No data: ${spanLabel(g.from, g.to)} (${g.months.length === 1 ? '1 month' : `${g.months.length} months`})`}</title>
              <rect x={x0} y={m.top} width={round(x1 - x0)} height={height - m.bottom - m.top} fill="#f0f0f0" stroke="#bdbdbd" strokeDasharray="3 3" />
              {x1 - x0 >= 40 && (
                <text x={round((x0 + x1) / 2)} y={m.top + 14} textAnchor="middle" className="muted">
                  no data
                </text>
              )}
            </g>
          );
        })}
        {yearStarts.map((month) => (
          <text key={month} x={round(x(month) ?? 0)} y={height - 8} textAnchor="middle" className="muted">
            {monthLabel(month)}
          </text>
        ))}
        <path d={path} fill="none" stroke="#0072b2" strokeWidth={2} />
        {series.map((s) => (
          <circle key={s.month} cx={round(x(s.month) ?? 0)} cy={round(y(s.value))} r={2.5} fill="#0072b2">
            <title>{`${monthLabel(s.month)}: ${s.value.toLocaleString('en-GB')} ${unit}`}</title>
          </circle>
        ))}
      </svg>
    </ChartFrame>
  );
}
