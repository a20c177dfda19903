import type { Database } from '../../db/database.ts';
import {
  compareColumns,
  compareMembers,
  crimeByAuthority,
  domainCatalogueLabels,
  domainCounts,
  englandDomainCounts,
  localityMemberNames,
  smallAreaThemeScores,
  streetRepGradesByArea,
  surveyByArea,
  type DomainCount,
} from '../../db/queries/compare.ts';
import { PROFILE_DOMAINS } from '../../db/queries/areaProfile.ts';
import { crimeMonthsWords, crimeRates, domainNames, weightedMeans } from '../../analysis/compareMeasures.ts';
import { ratePeriodWords } from '../../analysis/crimeRates.ts';
import type { Comparison, DomainCell } from '../../analysis/compareTable.ts';

export interface LoadOptions {
  codes: readonly string[];
  /** The database's promise that England's rows are in (England's counts need them). */
  england: Promise<void>;
  weights?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The sample's label when the survey or street-rep data include it. */
  sampleLabel: string | null;
}

/** Everything the comparison shows, from the queries in db/queries/compare.ts and the pure sums in analysis/compareMeasures.ts. */
export async function loadComparison(db: Database, o: LoadOptions): Promise<Comparison> {
  const columns = await compareColumns(db, o.codes);
  const local = columns.filter((c) => c.level !== 'england').map((c) => c.code);
  const members = await compareMembers(db, local);
  const lads = [...new Set(members.map((m) => m.lad_code))].sort();
  await o.england;
  const localityIds = columns.filter((c) => c.level === 'locality').map((c) => c.code);
  const [counts, england, crimeRows, survey, grades, themes, labels, localityWards] = await Promise.all([
    domainCounts(db, local),
    englandDomainCounts(db),
    crimeByAuthority(db, lads),
    surveyByArea(db, members),
    streetRepGradesByArea(db, members),
    smallAreaThemeScores(db, lads.length === 1 ? lads[0]! : 'five', o.weights),
    domainCatalogueLabels(db),
    localityMemberNames(db, localityIds),
  ]);
  const domainCells = new Map<string, Map<string, DomainCell>>();
  for (const r of [...counts, ...england] as DomainCount[]) {
    const m = domainCells.get(r.column) ?? new Map<string, DomainCell>();
    m.set(r.domain, { lsoas: r.lsoas, in_10pct: r.in_10pct, in_20pct: r.in_20pct, score: r.score });
    domainCells.set(r.column, m);
  }
  const crime = crimeRates(members, crimeRows);
  const chosen = new Set(columns.filter((c) => !c.reference).map((c) => c.code));
  const chosenLads = new Set(members.filter((m) => chosen.has(m.column)).map((m) => m.lad_code));
  const periods = new Set([...chosenLads].map((lad) => (crime.months.get(lad) ?? []).join(',')));
  const crimeComparable = periods.size <= 1;
  const period = [...chosenLads].map((lad) => crime.months.get(lad)).find((m) => m && m.length > 0);
  const ladNames = new Map(columns.filter((c) => c.level === 'authority').map((c) => [c.code, c.name]));
  const themePlace = lads.length === 1 ? (ladNames.get(lads[0]!) ?? lads[0]!) : 'the five built-in authorities';
  return {
    columns,
    domains: PROFILE_DOMAINS,
    domainNames: domainNames(labels, PROFILE_DOMAINS),
    localityMembers: new Map(localityIds.map((id) => [id, localityWards.filter((w) => w.locality_id === id).map(({ code, name }) => ({ code, name }))])),
    domainCells,
    themes: themes.map((t) => {
      const means = weightedMeans(members, t.scores);
      return { id: t.theme, label: t.label, values: new Map([...means].map(([k, v]) => [k, v.value])) };
    }),
    themePlace,
    crime: crime.rates,
    crimeWords: `${crimeMonthsWords(crime.months, ladNames)}${crimeComparable ? '' : ' The periods differ, so rates compare best within one authority.'}`,
    crimeComparable,
    crimePeriod: crimeComparable && period ? ratePeriodWords(period) : null,
    survey: new Map(survey.map((s) => [s.column, s])),
    grades: new Map(grades.map((g) => [g.column, g])),
    sampleLabel: o.sampleLabel,
  };
}
