/**
 * Hot and cold spot confidence bins as ArcGIS Hot Spot Analysis (Gi_Bin)
 * reports them: 99 % (p ≤ 0.01), 95 % (p ≤ 0.05), 90 % (p ≤ 0.10), the sign
 * of z saying hot (z > 0) or cold (z < 0). With `fdr: true` each level uses
 * the Benjamini–Hochberg threshold at that alpha over all areas instead of
 * alpha itself ("False Discovery Rate correction" in ArcGIS). Missing p or z
 * (NaN, e.g. an island under local Moran) is never significant.
 */
import { benjaminiHochbergThresholds } from './fdr.ts';

export type HotColdClass = 'hot-99' | 'hot-95' | 'hot-90' | 'not-significant' | 'cold-90' | 'cold-95' | 'cold-99';

const LEVELS = [
  { alpha: 0.01, hot: 'hot-99', cold: 'cold-99' },
  { alpha: 0.05, hot: 'hot-95', cold: 'cold-95' },
  { alpha: 0.1, hot: 'hot-90', cold: 'cold-90' },
] as const;

export function hotColdClasses(z: ArrayLike<number>, p: ArrayLike<number>, options: { fdr: boolean }): HotColdClass[] {
  if (z.length !== p.length) throw new Error(`There are ${z.length} z-scores but ${p.length} p-values; they must match.`);
  const alphas = LEVELS.map((level) => level.alpha);
  const cutoffs = options.fdr ? benjaminiHochbergThresholds(p, alphas) : alphas;
  const classes = new Array<HotColdClass>(z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i]!;
    const pi = p[i]!;
    let cls: HotColdClass = 'not-significant';
    if (zi !== 0 && !Number.isNaN(zi)) {
      for (let l = 0; l < LEVELS.length; l++) {
        // p ≤ cutoff is false for NaN p, so missing values fall through.
        if (pi <= cutoffs[l]!) {
          cls = zi > 0 ? LEVELS[l]!.hot : LEVELS[l]!.cold;
          break;
        }
      }
    }
    classes[i] = cls;
  }
  return classes;
}
