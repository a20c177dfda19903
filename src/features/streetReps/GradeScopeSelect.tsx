import { FORM_ISSUES } from '../../analysis/streetRepIssues.ts';

/**
 * Which grades to look at: every issue, one heading's issues or one issue.
 * Values as scopeValue/parseScope in src/analysis/streetRepIssues.ts.
 */
export function GradeScopeSelect({ value, onChange, testId, label = 'Issues' }: { value: string; onChange(value: string): void; testId: string; label?: string }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">All issues</option>
        <optgroup label="One heading’s issues">
          {FORM_ISSUES.map(({ heading }) => (
            <option key={heading} value={`heading:${heading}`}>
              {heading}
            </option>
          ))}
        </optgroup>
        <optgroup label="One issue">
          {FORM_ISSUES.flatMap(({ issues }) => issues).map((issue) => (
            <option key={issue} value={`issue:${issue}`}>
              {issue}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
