import type { CSSProperties } from 'react';
import type { MapLegend, MapLegendClass } from './legendSpec.ts';
import { SAMPLE_LABEL } from '../ingest/schemas.ts';

export interface LegendProps {
  legend: MapLegend;
}

/** The map key: one swatch per class, with how many areas fall in it, then its notes and sources. */
export function Legend({ legend }: LegendProps) {
  return (
    <section className="legend" aria-label="Map key">
      {legend.sample && <p className="sample-banner">{SAMPLE_LABEL}</p>}
      <h2 className="legend-title">{legend.title}</h2>
      {legend.subtitle && <p className="legend-subtitle">{legend.subtitle}</p>}
      <LegendClasses classes={legend.classes} />
      {[...legend.notes, ...legend.sources].map((n) => (
        <p className="legend-note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}

/** How a class is drawn: a box for areas, a dot for points, a bar for outlines (as the exported image draws them). */
function swatchStyle(c: Pick<MapLegendClass, 'colour' | 'shape'>): CSSProperties {
  if (c.shape === 'dot') return { background: c.colour, borderRadius: '50%', width: 12, height: 12 };
  if (c.shape === 'line') return { background: c.colour, height: 4, border: 0 };
  return { background: c.colour };
}

/** One swatch per class with how many areas fall in it: every key over the map lists its classes so. */
export function LegendClasses({ classes }: { classes: readonly (MapLegendClass & { key?: string })[] }) {
  return (
    <ul className="legend-classes">
      {classes.map((c) => (
        <li key={c.key ?? c.label}>
          <span className="swatch" style={swatchStyle(c)} aria-hidden="true" />
          <span className="legend-label">{c.label}</span>
          <span className="legend-count">{c.count === null || c.count === undefined ? '' : c.count.toLocaleString('en-GB')}</span>
        </li>
      ))}
    </ul>
  );
}
