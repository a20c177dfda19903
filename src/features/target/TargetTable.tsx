import { useState } from 'react';
import type { TargetRow } from '../../analysis/targetRanking.ts';
import type { TargetEvidence } from '../../db/queries/target.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';
import { needColour } from './targetColours.ts';
import { areaLabel, deprivationLines, driversText, headlineText, hotspotText, surveyText, worseningText } from './targetCells.ts';
import './target.css';

const FIRST_SHOWN = 10;
/** "Show all" stops here (England has 33,755 small areas); the CSV always has every row. */
const MOST_SHOWN = 1000;

export interface TargetTableProps {
  rows: readonly TargetRow[];
  level: MapLevel;
  themeLabel: string;
  evidence: TargetEvidence;
  onOpen(code: string): void;
}

/** The ranked list, most in need first: each row's evidence and its one-line reason. Choosing an area opens its profile. */
export function TargetTable({ rows, level, themeLabel, evidence, onOpen }: TargetTableProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = rows.slice(0, showAll ? MOST_SHOWN : FIRST_SHOWN);
  const noun = LEVELS[level];
  return (
    <>
      <p id="target-list-caption" className="hint">
        {rows.length.toLocaleString('en-GB')} {rows.length === 1 ? noun.singular : noun.plural} ranked by {themeLabel.toLowerCase()} need, most in need first. Choose a name to open
        its profile.
      </p>
      {/* A list, not a table: eight columns cannot be read in the side panel or on a phone. */}
      <ol className="target-list" aria-labelledby="target-list-caption" data-testid="target-table">
        {shown.map((r) => {
          const drivers = driversText(r);
          return (
            <li key={r.code} className="target-item" data-testid="target-row" data-code={r.code}>
              <p className="target-headline">
                {r.needClass !== null && <span className="swatch" style={{ background: needColour(r.needClass) }} aria-hidden="true" />}{' '}
                <span className="target-rank">{r.rank === null ? '–' : `${r.rank}.`}</span>{' '}
                <button type="button" className="link target-name" onClick={() => onOpen(r.code)} data-testid="target-open">
                  {areaLabel(r)}
                </button>{' '}
                — {headlineText(r, themeLabel)}
              </p>
              <p className="target-reason" data-testid="target-reason">
                {r.reason}
              </p>
              <dl className="target-evidence">
                {drivers && (
                  <div>
                    <dt>What drives the score</dt>
                    <dd>{drivers}</dd>
                  </div>
                )}
                <div>
                  <dt>Hot spot?</dt>
                  <dd>{hotspotText(r, level)}</dd>
                </div>
                <div>
                  <dt>{level === 'lsoa' ? 'In England’s most deprived 20 % (IoD 2025)?' : 'Small areas in England’s most deprived 20 % (IoD 2025)'}</dt>
                  <dd>
                    <ul className="plain">
                      {deprivationLines(r, level).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
                <div>
                  <dt>Residents’ first choice</dt>
                  <dd>{surveyText(r)}</dd>
                </div>
                <div>
                  <dt>Getting worse (street reps)</dt>
                  <dd>{worseningText(r, evidence)}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ol>
      {rows.length > FIRST_SHOWN && (
        <p>
          <button type="button" onClick={() => setShowAll(!showAll)} aria-expanded={showAll} data-testid="target-show-all">
            {showAll ? `Show the top ${FIRST_SHOWN} only` : rows.length > MOST_SHOWN ? `Show the top ${MOST_SHOWN.toLocaleString('en-GB')}` : `Show all ${rows.length.toLocaleString('en-GB')}`}
          </button>
          {showAll && rows.length > MOST_SHOWN && <span className="hint"> The CSV download has all {rows.length.toLocaleString('en-GB')}.</span>}
        </p>
      )}
    </>
  );
}
