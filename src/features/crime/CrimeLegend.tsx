import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { CrimeRateMap } from '../../analysis/crimeRates.ts';
import { CATEGORY_COLOURS, NO_DATA_COLOUR, OTHER_CATEGORY_COLOUR } from '../../map/palette.ts';
import { typesWithOwnColour } from './crimePointsLayer.ts';

const r1 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The crime map's key, drawn over the map: rate groups, grey for no police data and, with the dots, their colours. */
export function CrimeLegend({ rateMap, period, showDots, types }: { rateMap: CrimeRateMap; period: string; showDots: boolean; types: readonly string[] }) {
  const overlay = useMapOverlay();
  if (!overlay) return null;
  const own = typesWithOwnColour(types);
  return createPortal(
    <div className="section-key legend" data-testid="crime-legend">
      <p className="legend-title">
        <strong>Crimes per 1,000 residents</strong>
      </p>
      <p className="legend-subtitle">{period}; five equal-sized groups</p>
      <ul className="legend-classes">
        {rateMap.legend.map((c, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: c.colour }} />
            <span>
              {c.from === null ? '' : r1(c.from)} – {c.to === null ? '' : r1(c.to)}
            </span>
            <span className="legend-count">{c.areas}</span>
          </li>
        ))}
        {rateMap.noData > 0 && (
          <li>
            <span className="swatch" style={{ background: NO_DATA_COLOUR }} />
            <span>No police data</span>
            <span className="legend-count">{rateMap.noData}</span>
          </li>
        )}
      </ul>
      {showDots && (
        <ul className="legend-inline" data-testid="crime-dots-key">
          {own.map((t, i) => (
            <li key={t}>
              <span className="swatch" style={{ background: CATEGORY_COLOURS[i] }} />
              {t}
            </li>
          ))}
          {types.length > own.length && (
            <li>
              <span className="swatch" style={{ background: OTHER_CATEGORY_COLOUR }} />
              Other
            </li>
          )}
        </ul>
      )}
    </div>,
    overlay,
  );
}
