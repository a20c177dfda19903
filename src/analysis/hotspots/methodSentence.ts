/** Which p-value decides the hot/cold classes and is shown as "p". */
export type PValueShown = 'permutation' | 'analytic';

export interface MethodOptions {
  statistic: 'gi-star' | 'local-moran';
  /** 0 = p-values from the normal approximation only. */
  permutations: number;
  fdr: boolean;
  areaNoun?: 'small area' | 'ward';
  /** How neighbours were defined, e.g. "touching neighbours". */
  neighbours?: string;
}

/** One plain sentence for under the map saying how the hot and cold spots were found. */
export function methodSentence(o: MethodOptions): string {
  const noun = o.areaNoun ?? 'small area';
  const neighbours = o.neighbours ?? 'touching neighbours';
  const what =
    o.statistic === 'gi-star'
      ? `Hot and cold spots: Getis–Ord Gi* over each ${noun} and its ${neighbours}`
      : `Clusters and outliers: local Moran's I comparing each ${noun} with the average of its ${neighbours}`;
  const inference =
    o.permutations > 0
      ? `${o.permutations.toLocaleString('en-GB')} random permutations`
      : 'p-values from the normal approximation (no permutations)';
  const multiple = o.fdr
    ? 'false discovery rate controlled at each confidence level (Benjamini–Hochberg)'
    : `confidence levels not corrected for testing many ${noun}s at once`;
  return `${what}, ${inference}, ${multiple}.`;
}
