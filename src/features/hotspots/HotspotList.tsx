import type { HotspotRun, RankedHotspot } from '../../analysis/hotspots/runHotspots.ts';
import { CLASS_LABELS } from './hotspotColours.ts';

const fmt = (v: number, d = 2) => v.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const pFmt = (p: number) => (p < 0.001 ? '< 0.001' : fmt(p, 3));

/** Significant hot spots (then cold spots), most confident first, with what drives each; click to open the area. */
export function HotspotList({ run, onSelect, level }: { run: HotspotRun; onSelect(code: string): void; level: 'lsoa' | 'ward' }) {
  const noun = level === 'ward' ? 'wards' : 'small areas';
  const table = (rows: RankedHotspot[], caption: string, testId: string) => (
    <table className="data-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Confidence</th>
          <th scope="col" className="num">
            z
          </th>
          <th scope="col" className="num">
            p
          </th>
          <th scope="col">Driven mostly by</th>
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
            <td>{CLASS_LABELS[r.class].replace(/^(Hot|Cold) spot, /, '')}</td>
            <td className="num">{fmt(r.z)}</td>
            <td className="num">{pFmt(r.pShown)}</td>
            <td>{r.drivers.length ? r.drivers.map((d) => d.shortLabel).join(', ') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const { hot, cold } = run.ranked;
  return (
    <div className="hotspot-list">
      <h3>
        {hot.length} hot spot {noun}, {cold.length} cold spot {noun}
      </h3>
      {hot.length === 0 && cold.length === 0 && <p>No area is a statistically significant hot or cold spot at 90% confidence or more.</p>}
      {hot.length > 0 && table(hot.slice(0, 50), `Hot spots: areas where high values cluster (${hot.length > 50 ? 'first 50 of ' : ''}${hot.length})`, 'hotspot-list')}
      {cold.length > 0 && table(cold.slice(0, 20), `Cold spots: areas where low values cluster (${cold.length > 20 ? 'first 20 of ' : ''}${cold.length})`, 'coldspot-list')}
    </div>
  );
}
