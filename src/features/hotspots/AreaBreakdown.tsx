import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { CLASS_LABELS, CLUSTER_LABELS } from './hotspotColours.ts';
import { weightsUsed } from './breakdownWeights.ts';
import { readContribution } from './breakdownReading.ts';

const fmt = (v: number, d = 2) => v.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * What drives one area's theme score: each measure's value, how far it is from
 * the average of the areas in view (z, worse = positive) and whether that is
 * worse, said in words, its weight and its share of the score;
 * then the area's hotspot result. Opened by choosing the area on the map or in the list.
 */
export function AreaBreakdown({
  code,
  label,
  scores,
  run,
  onOpenProfile,
  onClose,
}: {
  code: string;
  /** The area's name as lists show it ("Name (Ward)" for a small area). */
  label: string | undefined;
  scores: ThemeScores | null;
  run: HotspotRun;
  onOpenProfile(): void;
  onClose(): void;
}) {
  const area = run.areas.find((a) => a.code === code);
  if (!area) return null;
  const i = scores ? scores.codes.indexOf(code) : -1;
  const breakdown = scores && i >= 0 ? scores.breakdown(i) : null;
  // The weights the score used: with a measure left out for this area, the others' shares grow.
  const used = breakdown ? weightsUsed(breakdown) : null;
  const leftOut = breakdown?.missing.map((m) => m.shortLabel) ?? [];
  const result =
    area.status === 'no-value'
      ? 'not tested: it has no value'
      : area.status === 'island'
        ? 'not tested: it has no touching neighbour'
        : run.statistic === 'gi-star'
          ? CLASS_LABELS[area.class ?? 'not-significant']
          : CLUSTER_LABELS[area.cluster ?? 'not-significant'];
  return (
    <section className="card" aria-labelledby="breakdown-heading" data-testid="area-breakdown">
      <h3 id="breakdown-heading">{label ?? area.name}</h3>
      <p>
        Result: <strong>{result}</strong>
        {area.z !== null && Number.isFinite(area.z) ? ` (z = ${fmt(area.z)})` : ''}.
      </p>
      {breakdown && breakdown.score !== null && (
        <table className="data-table">
          <caption>
            What makes up its score of {fmt(breakdown.score)} (0 = average of the areas in view; above 0 = worse than average)
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                How far from average (z, worse = positive)
              </th>
              <th scope="col">Worse than average?</th>
              <th scope="col" className="num">
                Weight used
              </th>
              <th scope="col" className="num">
                Adds to score
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.contributions.map((c) => {
              const reading = readContribution(c);
              return (
                <tr key={c.id}>
                  <td>{c.shortLabel}</td>
                  <td className="num">{fmt(c.value)}</td>
                  <td className="num">{fmt(c.z)}</td>
                  <td data-testid="breakdown-reading">
                    {reading.comparison}
                    {reading.note && (
                      <>
                        <br />
                        <span className="hint">{reading.note}</span>
                      </>
                    )}
                  </td>
                  <td className="num">{fmt(used?.get(c.id) ?? 0)}</td>
                  <td className="num">{fmt(c.contribution)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {breakdown && breakdown.score !== null && (
        <p className="hint" data-testid="breakdown-weights">
          Each weight used is the measure’s share of this area’s score
          {leftOut.length > 0
            ? `: ${leftOut.join(', ')} ${leftOut.length === 1 ? 'is' : 'are'} left out here, so the other measures’ weights are scaled up to add to 1 (not counted as average).`
            : ', from the weights chosen above.'}
        </p>
      )}
      {breakdown?.missing.map((m) => (
        <p key={m.id} className="note">
          {m.shortLabel} left out: {m.reason}.
        </p>
      ))}
      <div className="buttons">
        <button type="button" onClick={onOpenProfile} data-testid="breakdown-profile">
          Open the full profile
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
