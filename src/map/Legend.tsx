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
      <LegendClasses classes={classes} />
      {notes.map((n) => (
        <p className="legend-note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}

/** One swatch per class with how many areas fall in it: every key over the map lists its classes so. */
export function LegendClasses({ classes }: { classes: readonly { label: string; colour: string; count: number | null; key?: string }[] }) {
  return (
    <ul className="legend-classes">
      {classes.map((c) => (
        <li key={c.key ?? c.label}>
          <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
          <span className="legend-label">{c.label}</span>
          <span className="legend-count">{c.count === null ? '' : c.count.toLocaleString('en-GB')}</span>
        </li>
      ))}
    </ul>
  );
}
