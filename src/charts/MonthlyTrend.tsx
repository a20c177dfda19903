import { scaleLinear, scalePoint } from 'd3';
import { monthLabel } from '../analysis/format.ts';

// Kept here too for the panels that import it from this chart.
export { monthLabel };

export interface MonthlyTrendProps {
  /** Months as 'YYYY-MM', oldest first, with a count each. */
  series: readonly { month: string; value: number }[];
  title: string;
  unit: string;
  width?: number;
  height?: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * A line of monthly values with a dot per month; January of each year is
 * labelled on the axis. The numbers are also given as a table by the panel
 * that shows it. Coordinates are rounded so snapshots are stable.
 */
export function MonthlyTrend({ series, title, unit, width = 400, height = 170 }: MonthlyTrendProps) {
  const m = { top: 14, right: 12, bottom: 26, left: 40 };
  const x = scalePoint<string>()
    .domain(series.map((s) => s.month))
    .range([m.left, width - m.right]);
  const max = Math.max(1, ...series.map((s) => s.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([height - m.bottom, m.top]);
  const path = series.map((s, i) => `${i ? 'L' : 'M'}${round(x(s.month) ?? 0)},${round(y(s.value))}`).join('');
  // Each January is labelled, and the first month too unless a January follows too closely to fit (labels are ~56 px wide).
  const firstJanuary = series.find((s) => s.month.endsWith('-01'));
  const roomForFirst = !firstJanuary || (x(firstJanuary.month) ?? 0) - m.left >= 60;
  const yearStarts = series.filter((s, i) => (i === 0 && roomForFirst) || s.month.endsWith('-01'));
  return (
    <svg className="chart trend" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: ${unit} by month`}>
      {y.ticks(4).map((t) => (
        <g key={t} transform={`translate(0,${round(y(t))})`}>
          <line x1={m.left} x2={width - m.right} stroke="#e5e6e7" />
          <text x={m.left - 4} y={4} textAnchor="end" className="muted">
            {t.toLocaleString('en-GB')}
          </text>
        </g>
      ))}
      {yearStarts.map((s) => (
        <text key={s.month} x={round(x(s.month) ?? 0)} y={height - 8} textAnchor="middle" className="muted">
          {monthLabel(s.month)}
        </text>
      ))}
      <path d={path} fill="none" stroke="#0072b2" strokeWidth={2} />
      {series.map((s) => (
        <circle key={s.month} cx={round(x(s.month) ?? 0)} cy={round(y(s.value))} r={2.5} fill="#0072b2">
          <title>{`${monthLabel(s.month)}: ${s.value.toLocaleString('en-GB')} ${unit}`}</title>
        </circle>
      ))}
    </svg>
  );
}
