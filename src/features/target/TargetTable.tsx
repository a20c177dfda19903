import { useState } from 'react';
import type { TargetRow } from '../../analysis/targetRanking.ts';
import type { TargetEvidence } from '../../db/queries/target.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';
import { needColour } from './targetColours.ts';
import { areaLabel, deprivationLines, hotspotText, scoreText, surveyText, worseningText } from './targetCells.ts';

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
      <table className="data-table target-table" data-testid="target-table">
        <caption>
          {rows.length.toLocaleString('en-GB')} {rows.length === 1 ? noun.singular : noun.plural} ranked by {themeLabel.toLowerCase()} need, most in need first. Choose one to
          open its profile.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">{noun.singular.charAt(0).toUpperCase() + noun.singular.slice(1)}</th>
            <th scope="col">{themeLabel} score</th>
            <th scope="col">Hot spot?</th>
            <th scope="col">Small areas in England’s most deprived 20 % (IoD 2025)</th>
            <th scope="col">Residents’ first choice</th>
            <th scope="col">Getting worse (street reps)</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.code} data-testid="target-row" data-code={r.code} onClick={() => onOpen(r.code)} style={{ cursor: 'pointer' }}>
              <td>
                {r.needClass !== null && <span className="swatch" style={{ background: needColour(r.needClass) }} aria-hidden="true" />} {r.rank ?? '–'}
              </td>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(r.code);
                  }}
                  data-testid="target-open"
                >
                  {areaLabel(r)}
                </button>
              </th>
              <td>
                {scoreText(r.score)}
                {r.drivers.length > 0 && <div className="hint">driven by {r.drivers.map((d) => d.shortLabel).join(', ')}</div>}
              </td>
              <td>{hotspotText(r, level)}</td>
              <td>
                <ul className="plain">
                  {deprivationLines(r, level).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
              <td>{surveyText(r)}</td>
              <td>{worseningText(r, evidence)}</td>
              <td data-testid="target-reason">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
