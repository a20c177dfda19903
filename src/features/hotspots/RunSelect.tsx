import { runLabel, type MonthRun } from '../../analysis/calendar.ts';

/**
 * Choose which unbroken run of months a trend test uses, when the data has
 * more than one (the longest is the default). Nothing is shown for one run.
 */
export function RunSelect({ runs, value, onChange, testId }: { runs: readonly MonthRun[]; value: string; onChange(from: string): void; testId: string }) {
  if (runs.length < 2) return null;
  return (
    <label>
      Months to test
      <select value={runs.some((r) => r.from === value) ? value : ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">The longest unbroken run</option>
        {runs.map((r) => (
          <option key={r.from} value={r.from}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
