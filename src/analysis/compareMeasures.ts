/**
 * The comparison's numbers that are worked out after the queries (pure, no
 * database): population-weighted theme scores and crime rates summed over each
 * area's small areas, so an area's value is exactly the aggregate of the small
 * areas inside it.
 */
import { latestMonthsWithData, ratePeriodWords } from './crimeRates.ts';
import { shortDomain } from './profileSentences.ts';

/**
 * A domain's name as the profile shows it (the catalogue's label without its
 * edition, via the profile's own shortDomain): "Low income (IoD 2025 score)" →
 * "Low income". Falls back to the id when the catalogue lacks the row.
 */
export function domainNames(labels: ReadonlyMap<string, string>, domains: readonly string[]): Map<string, string> {
  return new Map(domains.map((d) => [d, labels.has(d) ? shortDomain(labels.get(d)!) : d]));
}

/** The name as it follows "for" in a sentence: "for low income", "for people out of work". */
export function domainWords(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export interface Member {
  column: string;
  lsoa_code: string;
  lad_code: string;
  population: number | null;
}

/**
 * Population-weighted mean of the small areas' scores for each column
 * (small areas without a score, or without residents, are left out).
 */
export function weightedMeans(members: readonly Member[], scores: ReadonlyMap<string, number>): Map<string, { value: number | null; lsoas: number }> {
  const sums = new Map<string, { wx: number; w: number; lsoas: number }>();
  for (const m of members) {
    const s = sums.get(m.column) ?? { wx: 0, w: 0, lsoas: 0 };
    const v = scores.get(m.lsoa_code);
    if (v !== undefined && m.population !== null && m.population > 0) {
      s.wx += v * m.population;
      s.w += m.population;
      s.lsoas++;
    }
    sums.set(m.column, s);
  }
  return new Map([...sums].map(([column, s]) => [column, { value: s.w > 0 ? s.wx / s.w : null, lsoas: s.lsoas }]));
}

export interface CrimeRow {
  code: string;
  lad_code: string | null;
  month: string;
  count: number | null;
}

export interface AreaCrimeRate {
  column: string;
  crimes: number | null;
  residents: number | null;
  /** Crimes per 1,000 residents over the months counted; null where no small area has police data. */
  rate: number | null;
  /** Small areas with police data, of the area's small areas. */
  covered: number;
  lsoas: number;
}

export interface CrimeRates {
  rates: Map<string, AreaCrimeRate>;
  /** Per authority, the months its rate counts (the latest 12 with data), oldest first. */
  months: Map<string, string[]>;
}

/**
 * Crimes per 1,000 residents over each authority's latest 12 months with
 * police data, summed over each column's small areas before dividing. A small
 * area whose authority has no police data is left out of both sums (and
 * counted as not covered), never counted as zero crime.
 */
export function crimeRates(members: readonly Member[], rows: readonly CrimeRow[]): CrimeRates {
  const monthsByLad = new Map<string, string[]>();
  for (const r of rows) {
    if (r.count === null || !r.lad_code) continue;
    monthsByLad.set(r.lad_code, [...(monthsByLad.get(r.lad_code) ?? []), r.month]);
  }
  const months = new Map([...monthsByLad].map(([lad, ms]) => [lad, latestMonthsWithData(ms)]));
  const windows = new Map([...months].map(([lad, ms]) => [lad, new Set(ms)]));
  const perLsoa = new Map<string, number>();
  for (const r of rows) {
    if (r.count === null || !r.lad_code || !windows.get(r.lad_code)?.has(r.month)) continue;
    perLsoa.set(r.code, (perLsoa.get(r.code) ?? 0) + r.count);
  }
  const rates = new Map<string, AreaCrimeRate>();
  for (const m of members) {
    const a = rates.get(m.column) ?? { column: m.column, crimes: 0, residents: 0, rate: null, covered: 0, lsoas: 0 };
    a.lsoas++;
    if (windows.has(m.lad_code)) {
      a.covered++;
      a.crimes = (a.crimes ?? 0) + (perLsoa.get(m.lsoa_code) ?? 0);
      a.residents = (a.residents ?? 0) + (m.population ?? 0);
    }
    rates.set(m.column, a);
  }
  for (const a of rates.values()) {
    if (a.covered === 0) {
      a.crimes = null;
      a.residents = null;
    } else if (a.residents) a.rate = (1000 * (a.crimes ?? 0)) / a.residents;
  }
  return { rates, months };
}

/** Which months the rates count, per authority, in words ("Cheshire West and Chester: over the 12 latest months with data: …"). */
export function crimeMonthsWords(months: ReadonlyMap<string, readonly string[]>, ladNames: ReadonlyMap<string, string>): string {
  if (months.size === 0) return 'No police data is loaded for these areas.';
  const parts = [...months].map(([lad, ms]) => `${ladNames.get(lad) ?? lad} ${ratePeriodWords(ms)}`);
  return `Crimes per 1,000 residents (Census 2021), police.uk street-level data: ${parts.join('; ')}.`;
}

/** Share of grades A, B, C and D (0–1) among those given; null shares with no grades. */
export function gradeShares(g: { a: number; b: number; c: number; d: number }): { a: number; b: number; c: number; d: number; n: number } | null {
  const n = g.a + g.b + g.c + g.d;
  if (n === 0) return null;
  return { a: g.a / n, b: g.b / n, c: g.c / n, d: g.d / n, n };
}
