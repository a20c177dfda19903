import type { AreaInfo, CrimeCoverage, DomainProfileRow } from '../db/queries/areaProfile.ts';
import { coverageSentence, monthRange } from './calendar.ts';
import { formatInteger, listWords, monthLabel } from './format.ts';
import { countOf } from '../geo/levels.ts';

/** England has 33,755 LSOAs (2021); IoD 2025 ranks run 1 (most deprived) to 33,755. */
export const ENGLAND_LSOAS = 33_755;

/** Plain words for a national decile. */
export function decilePhrase(decile: number): string {
  if (decile === 1) return "England's most deprived 10%";
  if (decile === 10) return "England's least deprived 10%";
  if (decile <= 5) return `England's most deprived ${decile * 10 - 10}–${decile * 10}%`;
  return `England's least deprived ${(11 - decile) * 10 - 10}–${(11 - decile) * 10}%`;
}

/** A catalogue label without its edition, e.g. "Low income (IoD 2025 score)" → "Low income". */
export function shortDomain(label: string): string {
  // Catalogue labels read "Income deprivation (IoD 2025 score)"; the sentence wants "Income deprivation".
  return label.replace(/\s*\(.*\)\s*$/, '');
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** The verb after "N of …": "1 of 12 small areas is", "2 of 12 small areas are". */
export const isAre = (n: number): string => (n === 1 ? 'is' : 'are');
export const wasWere = (n: number): string => (n === 1 ? 'was' : 'were');

/**
 * The profile's sentences, each built from a query's numbers (never from
 * colours on the map). Returns plain strings; the view only prints them.
 */
export function profileSentences(
  area: AreaInfo,
  domains: readonly DomainProfileRow[],
  crime: CrimeCoverage | null,
  /** A locality reaching into other authorities: their police data too. */
  otherCrime: readonly CrimeCoverage[] = [],
): string[] {
  const out: string[] = [];
  const imd = domains.find((d) => d.value_column === 'imd');
  const others = domains.filter((d) => d.value_column !== 'imd');
  if (area.level === 'lsoa' && imd?.rank != null && imd.decile != null) {
    out.push(
      `${area.name} is ranked ${formatInteger(imd.rank)} of ${formatInteger(ENGLAND_LSOAS)} small areas in England for overall deprivation (1 = most deprived): it is in ${decilePhrase(imd.decile)}.`,
    );
    const worst = others.filter((d) => d.decile === 1).map((d) => shortDomain(d.label));
    if (worst.length) out.push(`It is among England's most deprived 10% for ${listWords(worst)}.`);
    if (imd.decile_2019 != null) {
      const change = imd.decile - imd.decile_2019;
      out.push(
        change === 0
          ? `Its overall decile is the same as in the 2019 Indices (decile ${imd.decile}).`
          : `Its overall decile moved from ${imd.decile_2019} in 2019 to ${imd.decile} in 2025 (${change < 0 ? 'relatively more deprived' : 'relatively less deprived'}).`,
      );
    }
  }
  // Wards and localities are built from their small areas, so they are described by how many are deprived.
  if (area.level !== 'lsoa' && imd) {
    const n = imd.lsoas;
    out.push(
      n === 1
        ? `${possessive(area.name)} only small area ${imd.in_20pct ? 'is' : 'is not'} among the 20% most deprived in England for overall deprivation${
            imd.in_20pct ? (imd.in_10pct ? ', and is among the 10% most deprived' : ', but not the 10% most deprived') : ''
          }.`
        : `${imd.in_20pct} of ${possessive(area.name)} ${countOf(n, 'lsoa')} ${isAre(imd.in_20pct)} among the 20% most deprived in England for overall deprivation, and ${imd.in_10pct} among the 10% most deprived.`,
    );
    for (const d of others) {
      if (d.in_20pct > 0) {
        out.push(`${shortDomain(d.label)}: ${d.in_20pct} of ${countOf(n, 'lsoa')} in England's most deprived 20% (${d.in_10pct} in the most deprived 10%).`);
      }
    }
    out.push(
      n === 1
        ? `In the 2019 Indices, it ${imd.in_20pct_2019 ? 'was' : 'was not'} in the most deprived 20% for overall deprivation.`
        : `In the 2019 Indices, ${imd.in_20pct_2019} of these small areas ${wasWere(imd.in_20pct_2019)} in the most deprived 20% for overall deprivation.`,
    );
  }
  if (crime) out.push(policeCoverageSentence(crime));
  for (const c of otherCrime) out.push(policeCoverageSentence(c));
  return out;
}

/**
 * Which months of police data the authority has, built-in and imported
 * together, with any gap named: "Street-level police data for Wigan
 * (imported police.uk files): 8 months of 2022 and 4 of 2024; none from Nov
 * 2022 to Dec 2023."
 */
export function policeCoverageSentence(crime: CrimeCoverage): string {
  const builtIn = crime.months && crime.first_month && crime.last_month ? monthRange(crime.first_month, crime.last_month) : [];
  // The built-in table gives a span and a count: a span longer than the count has gaps we cannot place, so say only what is known.
  const spanKnown = builtIn.length === (crime.months ?? 0);
  const imported = crime.imported_months ?? [];
  if (builtIn.length === 0 && imported.length === 0) return crime.note ?? `There is no street-level police data for ${crime.lad_name}.`;
  if (!spanKnown && imported.length === 0) {
    return `Street-level police data for ${crime.lad_name} covers ${crime.months} months between ${monthLabel(crime.first_month!)} and ${monthLabel(crime.last_month!)}.`;
  }
  const from = builtIn.length && imported.length ? ' (built-in and imported police.uk files)' : imported.length ? ' (imported police.uk files)' : '';
  return `Street-level police data for ${crime.lad_name}${from}: ${coverageSentence([...(spanKnown ? builtIn : []), ...imported])}.`;
}
