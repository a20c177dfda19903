export interface LegendProps {
  title: string;
  subtitle: string;
  /** One row per class; count null where it is not known yet. */
  classes: readonly { label: string; colour: string; count: number | null }[];
  notes: readonly string[];
}

/** The map key: one swatch per class, with how many areas fall in it. */
export function Legend({ title, subtitle, classes, notes }: LegendProps) {
  return (
    <section className="legend" aria-label="Map key">
      <h2 className="legend-title">{title}</h2>
      <p className="legend-subtitle">{subtitle}</p>
      <ul className="legend-classes">
        {classes.map((c) => (
          <li key={c.label}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span className="legend-label">{c.label}</span>
            <span className="legend-count">{c.count === null ? '' : c.count.toLocaleString('en-GB')}</span>
          </li>
        ))}
      </ul>
      {notes.map((n) => (
        <p className="legend-note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}
