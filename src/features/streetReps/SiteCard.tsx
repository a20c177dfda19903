import { useEffect, useMemo, useRef, useState } from 'react';
import type { Database } from '../../db/database.ts';
import { siteHistory, type SiteLatest } from '../../db/queries/streetReps.ts';
import { GradeHistory } from '../../charts/GradeHistory.tsx';
import { ChartValues } from '../../charts/ChartValues.tsx';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { dayLabel } from '../../analysis/format.ts';
import { spanLabel, visitGaps, type VisitGap } from '../../analysis/calendar.ts';
import { GRADE_MEANING, GRADES, SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { gradeLetter, issueTrends, trendSentences, type HistoryChart } from '../../analysis/streetReps.ts';
import { useQuery } from '../../ui/useQuery.ts';
import { historyChart, recentVisits } from './streetRepModel.ts';

export interface SiteCardProps {
  db: Database;
  siteId: string;
  /** The site's row from the list, when it is in the current place. */
  site: SiteLatest | null;
  datasetIds: readonly string[];
  /** Evidence version: re-read when datasets change. */
  version: number;
  synthetic: boolean;
  onClose(): void;
}

/** One site: where it is, when it was last visited, its grades over every visit and what changed lately. */
export function SiteCard({ db, siteId, site, datasetIds, version, synthetic, onClose }: SiteCardProps) {
  const history = useQuery(JSON.stringify([siteId, datasetIds, version]), () => siteHistory(db, siteId, datasetIds), 'The site’s visits could not be read');
  const chart = useMemo(() => (history.status === 'ready' ? historyChart(history.data) : null), [history]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a card (from the map, a table or the list) moves focus to it, so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), [siteId]);
  const name = site?.name ?? siteId;

  return (
    <section className="card site-card" data-testid="site-card" aria-labelledby="site-card-heading">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: 8 }}>
        <h3 id="site-card-heading" ref={heading} tabIndex={-1} style={{ margin: 0 }}>
          {name}
        </h3>
        <button type="button" onClick={onClose} aria-label={`Close the card for ${name}`}>
          Close
        </button>
      </div>
      {synthetic && <p className="sample-banner">{SAMPLE_LABEL}: this site and its visits are invented.</p>}
      <p className="hint">
        {site?.ward_name ? `${site.ward_name} ward` : 'Ward not known'} · site {siteId}
        {site ? ` · ${site.visits.toLocaleString('en-GB')} ${site.visits === 1 ? 'visit' : 'visits'}` : ''}
        {site?.latest_visit ? ` · last visited ${dayLabel(site.latest_visit)}` : site ? ' · no visit yet' : ''}
      </p>
      {!site && <p className="note">This site is outside the place or filters chosen above; its full history is shown.</p>}
      {history.status === 'loading' && <p role="status">Reading this site’s visits…</p>}
      {history.status === 'error' && (
        <p className="problem" role="alert">
          {history.message}
        </p>
      )}
      {chart && <SiteHistory key={siteId} chart={chart} name={name} synthetic={synthetic} />}
    </section>
  );
}

/** The cells of one table row with a cell for each break in visits put after the visit it follows. */
function withGaps<T>(cells: readonly T[], gaps: readonly VisitGap[], gapCell: (g: VisitGap) => T): T[] {
  return cells.flatMap((c, j) => [c, ...gaps.filter((g) => g.after === j).map(gapCell)]);
}

/** Visits the chart shows at first: beyond this the cells get too small to read in the side panel. */
const RECENT = 12;

function SiteHistory({ chart, name, synthetic }: { chart: HistoryChart; name: string; synthetic: boolean }) {
  const [allVisits, setAllVisits] = useState(false);
  if (chart.visits.length === 0) return <p className="hint">No grades have been recorded for this site yet.</p>;
  const last = chart.visits.length - 1;
  const worstNow = Math.max(-1, ...chart.issues.map((i) => i.grades[last] ?? -1));
  const worstIssues = chart.issues.filter((i) => i.grades[last] === worstNow).map((i) => i.issue);
  const sentences = trendSentences(issueTrends(chart));
  const gaps = visitGaps(chart.visits);
  return (
    <>
      {worstNow >= 0 && (
        <p data-testid="site-latest">
          On the latest visit ({dayLabel(chart.visits[last]!)}) the worst grade was <strong>{gradeLetter(worstNow)}</strong> —{' '}
          {GRADE_MEANING[GRADES[worstNow]!].toLowerCase()} — for {worstIssues.join(', ')}.
        </p>
      )}
      {chart.visits.length === 1 ? (
        <p className="hint">Only one visit so far, so there is no trend yet.</p>
      ) : (
        <ul className="sentences" data-testid="site-trends">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      <GradeHistory {...(allVisits ? chart : recentVisits(chart, RECENT))} exportTitle={`Street-rep grades at ${name}, by issue and visit`} sample={synthetic} area={name} />
      {chart.visits.length > RECENT && (
        <p className="hint">
          {allVisits ? `All ${chart.visits.length} visits are shown. ` : `The latest ${RECENT} of ${chart.visits.length} visits are shown. `}
          <button type="button" className="link" onClick={() => setAllVisits((v) => !v)} aria-expanded={allVisits}>
            {allVisits ? `Show the latest ${RECENT} only` : `Show all ${chart.visits.length} visits`}
          </button>
        </p>
      )}
      <ChartValues
        summary="Show the grades as a table"
        caption={`Grade for each issue on each visit (– = not graded that visit), oldest visit first.${gaps.length ? ' “No visits” columns mark months with no visit.' : ''}`}
        columns={[{ label: 'Issue' }, ...withGaps(chart.visits.map((v) => ({ label: dayLabel(v) })), gaps, (g) => ({ label: `No visits ${spanLabel(g.from, g.to)}` }))]}
        rows={chart.issues.map((i) => [`${i.issue} (${i.heading})`, ...withGaps(i.grades.map(gradeLetter), gaps, () => '…')])}
        about={{
          title: `Street-rep grades at ${name}, by issue and visit`,
          description: `The grade (A to D) given to each issue at ${name} on each visit, oldest visit first; – = not graded that visit.`,
          place: name,
          sources: [SOURCE_LINES.streetReps],
          notes: ['A: no problem at all; B: an issue but acceptable; C: becoming unacceptable; D: a really big issue.', ...(gaps.length ? ['“No visits” columns mark months with no visit.'] : [])],
          sample: synthetic,
          kind: 'street-rep-site-grades',
        }}
      />
    </>
  );
}
