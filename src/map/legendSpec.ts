/**
 * A map key as data: what the on-screen key shows, in a form the exports
 * (map image, print, PDF evidence pack, presentation handout) can draw too.
 * Sections build it from the same classes and colours they paint the map
 * with, so a key can never disagree with its map.
 */
export interface MapLegendClass {
  label: string;
  colour: string;
  /** Areas (or points) in the class, when known. */
  count?: number | null;
  /** How the class is drawn: a filled box (areas, the default), a dot (points) or a line (outlines). */
  shape?: 'fill' | 'dot' | 'line';
}

export interface MapLegend {
  /** What the colours show ("Overall deprivation (IMD 2025)"). */
  title: string;
  /** Which areas, where, in what unit. */
  subtitle?: string;
  classes: readonly MapLegendClass[];
  /** Method notes and caveats, each a sentence. */
  notes: readonly string[];
  /** Source and licence lines, each a sentence. */
  sources: readonly string[];
  /** True when any synthetic sample data is drawn: exports then carry the SAMPLE label. */
  sample: boolean;
}
