import { STREET_REP_HEADINGS } from '../../ingest/schemas.ts';

const HEADINGS = Object.keys(STREET_REP_HEADINGS);

/** Choose one of the monitoring form's headings, or all issues. */
export function HeadingSelect({ value, onChange, testId }: { value: string; onChange(heading: string): void; testId: string }) {
  return (
    <label>
      Heading
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">All issues</option>
        {HEADINGS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
}
