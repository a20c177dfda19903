import { useState } from 'react';
import { Legend } from '../../map/Legend.tsx';
import type { MapLegend } from '../../map/legendSpec.ts';

export interface MapKeyProps {
  /** The indicator key as data (indicatorLegend): the exports draw the same one. */
  legend: MapLegend;
}

/** Legend with notes on method, geography and source. */
export function MapKey({ legend }: MapKeyProps) {
  // The key can fold away, so it never hides the map (zoomed in, or on a small screen).
  const [folded, setFolded] = useState(false);
  if (folded) {
    return (
      <div className="map-key folded">
        <button type="button" className="key-toggle" aria-expanded="false" onClick={() => setFolded(false)} data-testid="key-show">
          Show the key
        </button>
      </div>
    );
  }
  return (
    <div className="map-key">
      <button type="button" className="key-toggle" aria-expanded="true" onClick={() => setFolded(true)} data-testid="key-hide">
        Hide the key
      </button>
      <Legend legend={legend} />
    </div>
  );
}
