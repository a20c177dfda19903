import { useDeferredValue, useId, useState } from 'react';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { surveyComments } from '../../db/queries/surveyComments.ts';
import { dayLabel } from '../../analysis/format.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';

export interface CommentsSectionProps {
  db: Database;
  filters: SurveyFilters;
  version: number;
}

const FIRST_SHOWN = 25;
const n = (v: number) => v.toLocaleString('en-GB');

/**
 * Residents' own words: the comments of the responses matching the survey
 * filters, searchable. Each comment is React text, so markup in a comment is
 * shown as the characters typed, never run as HTML.
 */
export function CommentsSection({ db, filters, version }: CommentsSectionProps) {
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(FIRST_SHOWN);
  const words = useDeferredValue(search.trim());
  const searchId = useId();
  const state = useQuery(JSON.stringify([filters, version, words, limit]), () => surveyComments(db, filters, { search: words, limit }), 'The comments could not be read');
  const data = latestData(state);
  return (
    <section aria-labelledby="survey-comments-heading" data-testid="survey-comments" aria-busy={state.status === 'loading'}>
      <h3 id="survey-comments-heading">What residents wrote</h3>
      <div className="filters">
        <label htmlFor={searchId}>Search the comments</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setLimit(FIRST_SHOWN);
          }}
          data-testid="survey-comments-search"
        />
      </div>
      {state.status === 'error' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {data && (
        <p role="status" aria-live="polite" data-testid="survey-comments-count">
          {data.with_comment === 0
            ? 'None of the responses matching the filters left a comment.'
            : words
              ? `${n(data.matching)} of ${n(data.with_comment)} comments contain “${words}”.`
              : `${n(data.with_comment)} of the matching responses left a comment.`}
        </p>
      )}
      {data && data.comments.length > 0 && (
        <ul className="comments" data-testid="survey-comments-list">
          {data.comments.map((c) => (
            <li key={`${c.dataset}:${c.source_row}`}>
              <p className="comment-text" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {c.free_text}
              </p>
              <p className="hint" style={{ margin: 0 }}>
                {[c.collected_on ? dayLabel(c.collected_on) : null, c.venue, c.ward_name ?? (c.channel ? `${c.channel}, no place` : 'no place'), `row ${c.source_row}`]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data && data.matching > data.comments.length && (
        <button type="button" onClick={() => setLimit((l) => l + 100)}>
          Show {n(Math.min(100, data.matching - data.comments.length))} more of {n(data.matching)}
        </button>
      )}
    </section>
  );
}
