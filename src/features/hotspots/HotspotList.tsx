import type { HotspotRun, RankedHotspot } from '../../analysis/hotspots/runHotspots.ts';
import { CLASS_LABELS, CLUSTER_LABELS } from './hotspotColours.ts';
import { outlierRows, type OutlierRow } from './hotspotRows.ts';
import { LEVELS, type AreaLevel } from '../../geo/levels.ts';
import { LIST_HEADERS, noHotspotMessage } from './hotspotWords.ts';

const fmt = (v: number, d = 2) => v.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const pFmt = (p: number | null | undefined) => (p === null || p === undefined || Number.isNaN(p) ? '—' : p < 0.001 ? '< 0.001' : fmt(p, 3));

interface Row {
  code: string;
  name: string;
  confidence: string;
  z: number;
  p: number | null;
  pFdr: number | null;
  last: string;
}

/** Significant hot spots (then cold spots, then local Moran's outliers), most confident first, with what drives each; click to open the area. */
export function HotspotList({
  run,
  labels,
  onSelect,
  level,
}: {
  run: HotspotRun;
  /** Each area's name as lists show it ("Name (Ward)" for a small area); the run's names until read. */
  labels: ReadonlyMap<string, string> | null;
  onSelect(code: string): void;
  level: AreaLevel;
}) {
  const noun = (k: number) => LEVELS[level][k === 1 ? 'singular' : 'plural'];
  const pFdrOf = new Map(run.areas.map((a) => [a.code, a.pFdr]));
  const spot = (r: RankedHotspot): Row => ({
    code: r.code,
    name: labels?.get(r.code) ?? r.name,
    confidence: CLASS_LABELS[r.class].replace(/^(Hot|Cold) spot, /, ''),
    z: r.z,
    p: r.pShown,
    pFdr: pFdrOf.get(r.code) ?? null,
    last: r.drivers.length ? r.drivers.map((d) => d.shortLabel).join(', ') : '—',
  });
  const outlier = (r: OutlierRow): Row => ({ ...r, name: labels?.get(r.code) ?? r.name, confidence: `${r.confidence}% confidence`, last: CLUSTER_LABELS[r.cluster] });
  const table = (rows: Row[], caption: string, testId: string, lastHeader: string) => (
    <table className="data-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Confidence</th>
          <th scope="col" className="num">
            {LIST_HEADERS.z}
          </th>
          <th scope="col" className="num">
            {run.fdr ? LIST_HEADERS.pBefore : LIST_HEADERS.p}
          </th>
          {run.fdr && (
            <th scope="col" className="num">
              {LIST_HEADERS.pAdjusted}
            </th>
          )}
          <th scope="col">{lastHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>
              <button type="button" className="link" onClick={() => onSelect(r.code)}>
                {r.name}
              </button>
            </td>
            <td>{r.confidence}</td>
            <td className="num">{fmt(r.z)}</td>
            <td className="num">{pFmt(r.p)}</td>
            {run.fdr && <td className="num">{pFmt(r.pFdr)}</td>}
            <td>{r.last}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const { hot, cold } = run.ranked;
  const outliers = run.statistic === 'local-moran' ? outlierRows(run) : [];
  const zMeans =
    run.statistic === 'gi-star'
      ? 'How unusual (z): how far above (+) or below (−) what chance would give the area and its neighbours’ values are, in standard deviations.'
      : 'How unusual (z): how far above (+, alike) or below (−, unlike) what chance would give the area’s likeness to its neighbours is, in standard deviations.';
  const decides = run.fdr
    ? 'Chance (p): how likely a pattern this strong would be by chance alone. The chance after correcting for testing many areas at once (Benjamini–Hochberg false discovery rate) decides the confidence: 0.01 or less is 99%, 0.05 is 95%, 0.10 is 90%.'
    : 'Chance (p): how likely a pattern this strong would be by chance alone; it decides the confidence: 0.01 or less is 99%, 0.05 is 95%, 0.10 is 90% (no correction for testing many areas at once).';
  const shown = hot.length + cold.length + outliers.length > 0;
  const nothing = noHotspotMessage({ level, statistic: run.statistic, hot: hot.length, cold: cold.length, outliers: outliers.length });
  return (
    <div className="hotspot-list">
      <h3>
        {hot.length} hot spot {noun(hot.length)}, {cold.length} cold spot {noun(cold.length)}
        {run.statistic === 'local-moran' ? `, ${outliers.length} outliers` : ''}
      </h3>
      {nothing && (
        <p className="note" data-testid="hotspot-none">
          {nothing}
        </p>
      )}
      {shown && (
        <p className="hint" data-testid="hotspot-list-key">
          {zMeans} {decides}
        </p>
      )}
      {hot.length > 0 && table(hot.slice(0, 50).map(spot), `Hot spots: areas where high values cluster (${hot.length > 50 ? 'first 50 of ' : ''}${hot.length})`, 'hotspot-list', 'Driven mostly by')}
      {cold.length > 0 && table(cold.slice(0, 20).map(spot), `Cold spots: areas where low values cluster (${cold.length > 20 ? 'first 20 of ' : ''}${cold.length})`, 'coldspot-list', 'Driven mostly by')}
      {outliers.length > 0 &&
        table(
          outliers.slice(0, 20).map(outlier),
          `Outliers: areas unlike their neighbours (${outliers.length > 20 ? 'first 20 of ' : ''}${outliers.length})`,
          'outlier-list',
          'Kind',
        )}
    </div>
  );
}
