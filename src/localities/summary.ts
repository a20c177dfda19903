/**
 * What a locality covers, from its members' rows: wards, small areas (a small
 * area added on its own inside a member ward counts once), people, and the
 * authorities it lies in. Pure; the rows come from db/queries/wardList.ts.
 */
import type { Locality } from './locality.ts';

export interface MemberWard {
  code: string;
  name: string;
  lad_name: string;
  lsoas: number;
  population: number | null;
}
export interface MemberSmallArea {
  code: string;
  ward_code: string | null;
  lad_name: string | null;
  population: number | null;
}

export interface LocalitySummary {
  wards: number;
  lsoas: number;
  /** Census 2021 residents; null when a member's count is not known. */
  population: number | null;
  authorities: string[];
  /** Member codes not found in the data loaded so far (England's rows load later). */
  unknown: string[];
}

export function localitySummary(l: Locality, wards: ReadonlyMap<string, MemberWard>, smallAreas: ReadonlyMap<string, MemberSmallArea>): LocalitySummary {
  const unknown: string[] = [];
  const authorities = new Set<string>();
  let lsoas = 0;
  let population: number | null = 0;
  const add = (n: number | null) => (population = population === null || n === null ? null : population + n);
  for (const code of l.wards) {
    const w = wards.get(code);
    if (!w) {
      unknown.push(code);
      continue;
    }
    lsoas += w.lsoas;
    add(w.population);
    authorities.add(w.lad_name);
  }
  for (const code of l.lsoas) {
    const a = smallAreas.get(code);
    if (!a) {
      unknown.push(code);
      continue;
    }
    if (a.lad_name) authorities.add(a.lad_name);
    if (a.ward_code && l.wards.includes(a.ward_code)) continue;
    lsoas += 1;
    add(a.population);
  }
  return { wards: l.wards.length, lsoas, population: unknown.length ? null : population, authorities: [...authorities].sort(), unknown };
}
