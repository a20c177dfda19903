import type { ThemeScores } from '../../analysis/themes/composeTheme.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { CLASS_LABELS, CLUSTER_LABELS } from './hotspotColours.ts';

const fmt = (v: number, d = 2) => v.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * What drives one area's theme score: each measure's value, how far it is from
 * the average of the areas in view (z), its weight and its share of the score;
 * then the area's hotspot result. Opened by choosing the area on the map or in the list.
 */
export function AreaBreakdown({ code, scores, run, onOpenProfile, onClose }: { code: string; scores: ThemeScores | null; run: HotspotRun; onOpenProfile(): void; onClose(): void }) {
  const area = run.areas.find((a) => a.code === code);
  if (!area) return null;
  const i = scores ? scores.codes.indexOf(code) : -1;
  const breakdown = scores && i >= 0 ? scores.breakdown(i) : null;
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
      <h3 id="breakdown-heading">{area.name}</h3>
      <p>
        Result: <strong>{result}</strong>
        {area.z !== null && Number.isFinite(area.z) ? ` (z = ${fmt(area.z)})` : ''}.
      </p>
      {breakdown && breakdown.score !== null && (
        <table className="data-table">
          <caption>What makes up its score of {fmt(breakdown.score)} (0 = average of the areas in view)</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                z
              </th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Adds
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.contributions.map((c) => (
              <tr key={c.id}>
                <td>{c.shortLabel}</td>
                <td className="num">{fmt(c.value)}</td>
                <td className="num">{fmt(c.z)}</td>
                <td className="num">{fmt(c.weight)}</td>
                <td className="num">{fmt(c.contribution)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
