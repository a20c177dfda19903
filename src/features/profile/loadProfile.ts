import type { Database } from '../../db/database.ts';
import {
  areaInfo,
  crimeCoverage,
  domainProfile,
  localityMembers,
  type AreaInfo,
  type CrimeCoverage,
  type DomainProfileRow,
  type LocalitySmallArea,
  type LocalityWard,
} from '../../db/queries/areaProfile.ts';

export interface ProfileData {
  area: AreaInfo;
  domains: DomainProfileRow[];
  /** Police data of the area's authority (a locality's main one). */
  crime: CrimeCoverage | null;
  /** A locality reaching into other authorities: theirs too. */
  otherCrime: CrimeCoverage[];
  /** Localities only: their whole wards and every small area (each with its ward). */
  members: { wards: LocalityWard[]; lsoas: LocalitySmallArea[] } | null;
}

/** Everything one profile shows, from the profile queries; null when there is no such area. */
export async function loadProfile(db: Database, england: Promise<void>, code: string): Promise<ProfileData | null> {
  // The England comparison needs England's rows, which load just after start-up.
  await england;
  const area = await areaInfo(db, code);
  if (!area || !area.lad_code) return null;
  const others = (area.authorities ?? []).map((a) => a.code).filter((c) => c !== area.lad_code);
  const [domains, crime, otherCrime, members] = await Promise.all([
    domainProfile(db, code, area.lad_code),
    crimeCoverage(db, area.lad_code),
    Promise.all(others.map((c) => crimeCoverage(db, c))),
    area.level === 'locality' ? localityMembers(db, code) : null,
  ]);
  return { area, domains, crime, otherCrime: otherCrime.filter((c): c is CrimeCoverage => c !== null), members };
}
