import { classOf, jenksBreaks, quantileBreaks } from './classBreaks.ts';

export type ClassMethod = 'deciles' | 'quantiles' | 'jenks';

export const CLASS_METHODS: readonly { id: ClassMethod; label: string }[] = [
  { id: 'deciles', label: 'National deciles (England)' },
  { id: 'quantiles', label: 'Equal-count groups (quintiles)' },
  { id: 'jenks', label: 'Natural breaks (Jenks)' },
];

export interface AreaValue {
  code: string;
  value: number | null;
  /** Official national decile (1 = most deprived 10 % in England), when published. */
  decile: number | null;
}

export interface LegendClass {
  label: string;
  /** A few words for table cells, e.g. "Decile 1". */
  shortLabel: string;
  /** 0 = least of the problem … 1 = most; drives the colour. */
  severity: number;
  count: number;
}

export interface Classification {
  method: ClassMethod;
  classes: LegendClass[];
  /** Area code → index into classes. Areas with no value are absent. */
  classByCode: Map<string, number>;
  /** Why the requested method could not be used, in plain English. */
  note: string | null;
}

export interface ClassifyOptions {
  method: ClassMethod;
  /** true: higher values are worse; false: lower is worse (ranks); null: neutral. */
  higherIsWorse: boolean | null;
  /** England's LSOA deciles for this indicator: 9 ascending thresholds, when available. */
  nationalThresholds: readonly number[] | null;
  format: (v: number) => string;
  /** Speak of "most/least deprived" (IoD measures) rather than "highest/lowest" values. */
  deprivationScale?: boolean;
  /** Why there are no national deciles for this measure here, said when falling back. */
  noNationalReason?: string;
  classCount?: number;
}

/**
 * Put areas into classes for a choropleth. "National deciles" uses the
 * published decile when there is one, else places the value among England's
 * LSOA values for the same indicator; neither needs the areas in view.
 */
export function classify(areas: readonly AreaValue[], opts: ClassifyOptions): Classification {
  if (opts.method === 'deciles') {
    const national = nationalDeciles(areas, opts);
    if (national) return national;
    const fallback = relativeClasses(areas, { ...opts, method: 'quantiles' });
    const why = opts.noNationalReason ?? 'National deciles are not available for this measure.';
    return { ...fallback, note: `${why} Equal-count groups are shown instead.` };
  }
  return relativeClasses(areas, opts);
}

function decileLabel(d: number, deprivation: boolean, higherIsWorse: boolean | null): string {
  if (d !== 1 && d !== 10) return String(d);
  // Decile 1 is the worst tenth: the highest values, or the lowest where lower is worse.
  const worstIsHigh = higherIsWorse !== false;
  const words = deprivation
    ? ['most deprived', 'least deprived']
    : worstIsHigh
      ? ['highest', 'lowest']
      : ['lowest', 'highest'];
  return `${d} — ${words[d === 1 ? 0 : 1]} 10% in England`;
}

/**
 * The national decile (1 = worst tenth) a value falls in, given England's nine
 * ascending cut points; for neutral measures decile 1 is the highest tenth.
 */
export function decileAmong(value: number, thresholds: readonly number[], higherIsWorse: boolean | null): number {
  const c = classOf(value, thresholds);
  return higherIsWorse === false ? c + 1 : 10 - c;
}

function nationalDeciles(areas: readonly AreaValue[], opts: ClassifyOptions): Classification | null {
  const hasOfficial = areas.some((a) => a.decile !== null);
  if (!hasOfficial && !opts.nationalThresholds) return null;
  const classByCode = new Map<string, number>();
  const counts = new Array<number>(10).fill(0);
  for (const a of areas) {
    let d = a.decile;
    if (d === null && a.value !== null && opts.nationalThresholds) {
      d = decileAmong(a.value, opts.nationalThresholds, opts.higherIsWorse);
    }
    if (d === null || d < 1 || d > 10) continue;
    classByCode.set(a.code, d - 1);
    counts[d - 1]! += 1;
  }
  const classes = counts.map((count, i) => ({
    label: decileLabel(i + 1, opts.deprivationScale ?? hasOfficial, opts.higherIsWorse),
    shortLabel: `Decile ${i + 1}`,
    severity: 1 - i / 9,
    count,
  }));
  return { method: 'deciles', classes, classByCode, note: null };
}

function relativeClasses(areas: readonly AreaValue[], opts: ClassifyOptions): Classification {
  const k = opts.classCount ?? 5;
  const values = areas.filter((a) => a.value !== null).map((a) => a.value as number);
  const thresholds = opts.method === 'jenks' ? jenksBreaks(values, k) : quantileBreaks(values, k);
  const n = thresholds.length + 1;
  const classByCode = new Map<string, number>();
  const counts = new Array<number>(n).fill(0);
  for (const a of areas) {
    if (a.value === null) continue;
    const c = classOf(a.value, thresholds);
    classByCode.set(a.code, c);
    counts[c]! += 1;
  }
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 0;
  const classes: LegendClass[] = counts.map((count, i) => {
    const from = i === 0 ? lo : (thresholds[i - 1] as number);
    const to = i === n - 1 ? hi : (thresholds[i] as number);
    const rising = n === 1 ? 1 : i / (n - 1);
    return {
      label: `${opts.format(from)} to ${opts.format(to)}`,
      shortLabel: `${opts.format(from)}–${opts.format(to)}`,
      severity: opts.higherIsWorse === false ? 1 - rising : rising,
      count,
    };
  });
  return { method: opts.method, classes, classByCode, note: values.length === 0 ? 'No values to show for this place.' : null };
}
