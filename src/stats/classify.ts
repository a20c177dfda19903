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
    return { ...fallback, note: 'National deciles are not available for this measure (it covers only the five built-in areas), so equal-count groups are shown.' };
  }
  return relativeClasses(areas, opts);
}

function decileLabel(d: number, deprivation: boolean): string {
  if (d !== 1 && d !== 10) return String(d);
  const extreme = deprivation ? (d === 1 ? 'most deprived' : 'least deprived') : d === 1 ? 'highest' : 'lowest';
  return `${d} — ${extreme} 10% in England`;
}

function nationalDeciles(areas: readonly AreaValue[], opts: ClassifyOptions): Classification | null {
  const hasOfficial = areas.some((a) => a.decile !== null);
  if (!hasOfficial && !opts.nationalThresholds) return null;
  const classByCode = new Map<string, number>();
  const counts = new Array<number>(10).fill(0);
  for (const a of areas) {
    let d = a.decile;
    if (d === null && a.value !== null && opts.nationalThresholds) {
      const c = classOf(a.value, opts.nationalThresholds);
      // Thresholds ascend; decile 1 is the worst tenth (or the highest, for neutral measures).
      d = opts.higherIsWorse === false ? c + 1 : 10 - c;
    }
    if (d === null || d < 1 || d > 10) continue;
    classByCode.set(a.code, d - 1);
    counts[d - 1]! += 1;
  }
  const classes = counts.map((count, i) => ({
    label: decileLabel(i + 1, opts.deprivationScale ?? hasOfficial),
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
