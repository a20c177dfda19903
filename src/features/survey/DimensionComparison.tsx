import type { RepresentativenessResult } from '../../analysis/representativeness.ts';
import { formatShare } from '../../analysis/representativeness.ts';
import { chiSquareSentence, groupDisplay, intervalText } from '../../analysis/surveyPriorities.ts';
import { Representativeness } from '../../charts/Representativeness.tsx';
import { placeName } from '../../geo/places.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { useSample } from '../../ui/useSample.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { representativenessExportTable } from './surveyExports.ts';

export interface DimensionComparisonProps {
  result: RepresentativenessResult;
  /** "Age" or "Ethnic group": the chart title and table heading. */
  label: string;
}

const n = (v: number) => v.toLocaleString('en-GB');
const FLAG_WORDS = { 'under-represented': 'Under-represented', 'over-represented': 'Over-represented' } as const;

/** One comparison (age band or ethnic group): the overall verdict in words, the chart, and its numbers. */
export function DimensionComparison({ result, label }: DimensionComparisonProps) {
  const chi = chiSquareSentence(result);
  const title = `${label} of respondents and residents`;
  const id = `survey-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const scope = placeName(useSession().place);
  const sample = useSample(['survey']);
  return (
    <div className="comparison" data-testid={`${id}-comparison`}>
      <h4 id={id}>{label}</h4>
      <p>{result.overallSentence}</p>
      {chi && <p data-testid="chi-square">{chi}</p>}
      {result.totalRespondents > 0 && (
        <>
          <Representativeness
            title={title}
            rows={result.groups.map((g) => ({ group: groupDisplay(g.group), residentShare: g.residentShare, respondentShare: g.respondentShare, flag: g.flag }))}
            sample={sample}
            area={scope}
          />
          <details className="chart-values">
            <summary>The chart’s numbers as a table, and each group in words</summary>
            <table className="data-table">
              <caption>
                {title}: {n(result.totalRespondents)} responses that gave an answer; {n(result.totalResidents)} residents (Census 2021)
              </caption>
              <thead>
                <tr>
                  <th scope="col">{label}</th>
                  <th scope="col" className="num">
                    Residents
                  </th>
                  <th scope="col" className="num">
                    Responses
                  </th>
                  <th scope="col">Share of responses (95% interval)</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                {result.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{groupDisplay(g.group)}</th>
                    <td className="num">
                      {n(g.residents)} ({formatShare(g.residentShare)})
                    </td>
                    <td className="num">{n(g.respondents)}</td>
                    <td>
                      {formatShare(g.respondentShare)} ({intervalText({ low: g.respondentLow, high: g.respondentHigh }) || 'no answers'})
                    </td>
                    <td>{g.flag ? FLAG_WORDS[g.flag] : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <TableDownloads
              table={() => representativenessExportTable(result, label, scope, sample, result.groups.map((g) => g.sentence))}
              name={`the table of ${title.toLowerCase()}`}
              testId={`${id}-download`}
            />
            <ul className="sentences">
              {result.groups.map((g) => (
                <li key={g.group}>{g.sentence}</li>
              ))}
            </ul>
          </details>
        </>
      )}
      {result.note && <p className="note">{result.note}</p>}
    </div>
  );
}
