/**
 * The profile's wording that is not a sentence about the statistics: what
 * kind of area it is, the line under its name, which authority it is
 * compared with, and the fine print. Pure, so the on-screen profile and the
 * PDF evidence pack say exactly the same.
 */
import type { AreaInfo, CrimeCoverage, DomainProfileRow } from '../../db/queries/areaProfile.ts';
import { shortDomain } from '../../analysis/profileSentences.ts';
import { formatInteger } from '../../analysis/format.ts';
import { countOf } from '../../geo/levels.ts';

/** "Small area (LSOA 2021)", "Ward (2024)" or "Locality (your own group of areas)". */
export function profileLevelWords(area: Pick<AreaInfo, 'level'>): string {
  return area.level === 'lsoa' ? 'Small area (LSOA 2021)' : area.level === 'locality' ? 'Locality (your own group of areas)' : 'Ward (2024)';
}

/** The authority an area is compared with: a locality's is the one where most of its residents live. */
export function profileAuthorityName(area: Pick<AreaInfo, 'level' | 'authorities' | 'lad_name'>): string {
  return (area.level === 'locality' ? area.authorities?.[0]?.name : area.lad_name) ?? 'Authority';
}

/** "10,543 residents (Census 2021), 6 small areas" (and ", and 4 wards" for a locality). */
export function profileResidentsWords(area: Pick<AreaInfo, 'level' | 'population' | 'lsoas' | 'wards'>): string {
  return `${formatInteger(area.population)} residents (Census 2021)${area.level !== 'lsoa' ? `, ${countOf(area.lsoas, 'lsoa')}` : ''}${
    area.level === 'locality' ? ` and ${countOf(area.wards ?? 0, 'ward')}` : ''
  }`;
}

/** The line under the profile's name as plain text: kind and code · ward · authority and code · residents. */
export function profileMetaLine(area: AreaInfo): string {
  const locality = area.level === 'locality';
  return [
    `${profileLevelWords(area)}${locality ? '' : ` ${area.code}`}`,
    area.level === 'lsoa' && area.ward_code ? `in ${area.ward_name} ward` : null,
    `${area.lad_name ?? ''}${locality ? '' : ` ${area.lad_code ?? ''}`}`,
    profileResidentsWords(area),
  ]
    .filter((s): s is string => s !== null)
    .join(' · ');
}

/** How the scores were built, the sources, and each authority's police data note. */
export function profileFinePrint(area: AreaInfo, crime: CrimeCoverage | null, otherCrime: readonly CrimeCoverage[]): string {
  const authorityName = profileAuthorityName(area);
  const how =
    area.level === 'lsoa'
      ? 'Scores are not comparable between domains; ranks and deciles are. 2019 deciles are for the 2011 small area this one came from (see data/README.md), and editions are compared by decile only.'
      : area.level === 'locality'
        ? `Locality scores are population-weighted averages of its small areas (Census 2021 population), a ward counting as its best-fit small areas; localities have no official rank. The authority marks are ${authorityName}’s, where most of its residents live; they and England’s are population-weighted averages too.`
        : 'Ward scores are population-weighted averages of the ward’s best-fit small areas (Census 2021 population); wards have no official rank. Authority and England marks are population-weighted averages too.';
  const police = [crime, ...otherCrime].map((c) => (c?.months ? ` Police data: ${c.note}` : '')).join('');
  return `${how} Source: English Indices of Deprivation 2025 and 2019, MHCLG (OGL v3.0); Census 2021, ONS.${police}`;
}

/** The domain chart's rows (DomainComparison): the area, its authority and England on England's range. */
export function domainChartRows(domains: readonly DomainProfileRow[]) {
  return domains.map((d) => ({
    label: shortDomain(d.label),
    area: d.area_value,
    authority: d.lad_value,
    england: d.england_value,
    min: d.england_min ?? 0,
    max: d.england_max ?? 1,
    higherIsWorse: true,
  }));
}
