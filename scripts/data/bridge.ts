import { cmp } from './util.ts';

export interface BridgeRow {
  lsoa11: string;
  lsoa21: string;
  change: string;
}
export type BridgeKind = 'U' | 'S' | 'M' | 'X';
export interface Bridge {
  parent: string;
  kind: BridgeKind;
}

/**
 * Bridge an LSOA-2011 statistic to LSOA 2021 without averaging:
 *  U (unchanged) → same LSOA; S (split) → every 2021 child inherits its single 2011 parent;
 *  M (merged) and X (complex) → the 2011 parent with the largest population (IoD 2019 File 6,
 *  mid-2015), ties broken by the lower code. The result is always a real published value.
 */
export function bridge11to21(rows: readonly BridgeRow[], pop2015: ReadonlyMap<string, number>): Map<string, Bridge> {
  const parents = new Map<string, { set: Set<string>; kinds: Set<string> }>();
  for (const r of rows) {
    if (!['U', 'S', 'M', 'X'].includes(r.change)) throw new Error(`unknown change code ${r.change} for ${r.lsoa21}`);
    const e = parents.get(r.lsoa21) ?? { set: new Set<string>(), kinds: new Set<string>() };
    e.set.add(r.lsoa11);
    e.kinds.add(r.change);
    parents.set(r.lsoa21, e);
  }
  const out = new Map<string, Bridge>();
  for (const code of [...parents.keys()].sort(cmp)) {
    const e = parents.get(code);
    if (!e) continue;
    const kind: BridgeKind = e.kinds.has('X') ? 'X' : e.kinds.has('M') ? 'M' : e.kinds.has('S') ? 'S' : 'U';
    const cands = [...e.set].sort(cmp);
    let best = cands[0] ?? '';
    if (cands.length > 1) {
      let bestPop = -1;
      for (const c of cands) {
        const p = pop2015.get(c);
        if (p === undefined) throw new Error(`no mid-2015 population for LSOA 2011 ${c}`);
        if (p > bestPop) {
          bestPop = p;
          best = c;
        }
      }
    }
    out.set(code, { parent: best, kind });
  }
  return out;
}
