import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { gradeMixByWard, type StreetRepFilters } from '../../db/queries/streetReps.ts';
import { GradeStack } from '../../charts/GradeStack.tsx';
import { ChartValues } from '../../charts/ChartValues.tsx';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { useSample } from '../../ui/useSample.ts';
import { GRADES } from '../../ingest/schemas.ts';
import { issueMix } from './streetRepModel.ts';
import { useQuery } from '../../ui/useQuery.ts';

export interface GradeMixProps {
  db: Database;
  /** The place and ward chosen (the heading is passed separately). */
  filters: StreetRepFilters;
  filtersKey: string;
  /** '' = all headings. */
  heading: string;
  /** Where the bars cover, e.g. "Lache ward" or "all wards in Cheshire West and Chester". */
  scopeLabel: string;
}

/**
 * A–D bars with one row per issue, for one ward or all wards in the place:
 * issues as rows read more clearly than wards as rows, because the question
 * is "which problems are worst here" and there are at most ten issues.
 */
export function GradeMix({ db, filters, filtersKey, heading, scopeLabel }: GradeMixProps) {
  const result = useQuery(
    JSON.stringify([filtersKey, heading]),
    () => gradeMixByWard(db, filters, heading || undefined),
    'The grades by issue could not be counted',
  );
  const rows = useMemo(() => (result.status === 'ready' ? issueMix(result.data) : []), [result]);
  const title = `Grades at each site’s latest visit, by issue: ${scopeLabel}`;
  const sample = useSample(['street-rep']);
  return (
    <section aria-labelledby="grade-mix-heading" data-testid="grade-mix">
      <h3 id="grade-mix-heading">Which issues are worst</h3>
      <p className="hint">
        Each bar is one issue{heading ? ` under ${heading}` : ''}, in {scopeLabel}: how many sites got A, B, C or D for it on their latest visit.
        {filters.wardCode ? '' : ' Choose a ward above to see one ward.'}
      </p>
      {result.status === 'loading' && <p role="status">Counting grades…</p>}
      {result.status === 'error' && (
        <p className="problem" role="alert">
          {result.message}
        </p>
      )}
      {result.status === 'ready' && rows.length === 0 && <p>No grades have been given here yet.</p>}
      {rows.length > 0 && (
        <>
          <GradeStack title={title} rows={rows.map((r) => ({ label: r.issue, counts: r.counts }))} sample={sample} area={scopeLabel} />
          <ChartValues
            caption={`${title}. Number of sites.`}
            columns={[{ label: 'Issue' }, ...GRADES.map((g) => ({ label: g, numeric: true })), { label: 'Sites graded', numeric: true }]}
            rows={rows.map((r) => [`${r.issue} (${r.heading})`, ...r.counts, r.counts.reduce((a, b) => a + b, 0)])}
            about={{
              title,
              description: `How many sites got grade A, B, C or D for each issue${heading ? ` under ${heading}` : ''} on their latest visit, in ${scopeLabel}.`,
              place: scopeLabel,
              sources: [SOURCE_LINES.streetReps],
              notes: ['A: no problem at all; B: an issue but acceptable; C: becoming unacceptable; D: a really big issue.'],
              sample,
              kind: 'street-rep-grades-by-issue',
            }}
          />
        </>
      )}
    </section>
  );
}
