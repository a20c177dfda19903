/**
 * The comparison's differences in words, with the real counts: "Blacon has
 * 6 small areas in England's most deprived 10 % for income; Lache has 1."
 * Pure: counts in, sentences out. The domains whose counts differ most come
 * first; a count of one reads "1 small area" and zero reads "none".
 */
import { countOf } from '../geo/levels.ts';
import { formatValue } from './format.ts';
import { domainWords } from './compareMeasures.ts';

export interface SentenceArea {
  name: string;
  /** Per domain (PROFILE_DOMAINS ids): small areas in England's most deprived 10 % and 20 %. */
  counts: Readonly<Record<string, { in_10pct: number; in_20pct: number }>>;
  /** Crimes per 1,000 residents over the months counted, if known. */
  crimeRate?: number | null;
}

type Band = 'in_10pct' | 'in_20pct';
const BAND_WORDS: Record<Band, string> = { in_10pct: '10 %', in_20pct: '20 %' };

/**
 * The first clause names the unit ("has 6 small areas", "has 1 small area",
 * "has no small areas"); the others follow it: "has 1", "has none".
 */
function has(n: number, first: boolean): string {
  if (first) return n === 0 ? 'has no small areas' : `has ${countOf(n, 'lsoa')}`;
  return n === 0 ? 'has none' : `has ${n.toLocaleString('en-GB')}`;
}

/** One sentence for one domain and band, the areas with more first (ties in the order given). */
export function countSentence(areas: readonly SentenceArea[], domain: string, band: Band, names: ReadonlyMap<string, string> = new Map()): string {
  const ordered = areas
    .map((a, i) => ({ a, i, n: a.counts[domain]?.[band] ?? 0 }))
    .sort((x, y) => y.n - x.n || x.i - y.i);
  const words = domainWords(names.get(domain) ?? domain);
  const [head, ...rest] = ordered;
  if (!head) return '';
  const first = `${head.a.name} ${has(head.n, true)} in England's most deprived ${BAND_WORDS[band]} for ${words}`;
  return `${[first, ...rest.map((r) => `${r.a.name} ${has(r.n, false)}`)].join('; ')}.`;
}

function gap(areas: readonly SentenceArea[], domain: string, band: Band): number {
  const ns = areas.map((a) => a.counts[domain]?.[band] ?? 0);
  return Math.max(...ns) - Math.min(...ns);
}

/**
 * Up to `max` sentences on the domains with the largest gaps: gaps in the
 * most deprived 10 % first, then, for domains not yet said, the 20 %. Equal
 * gaps keep the order the domains are given in (MHCLG's). Then one sentence
 * on crime rates when every area has one (over the same months: say which).
 */
export function compareSentences(
  areas: readonly SentenceArea[],
  domains: readonly string[],
  options: {
    max?: number;
    /** "over the 4 months with data: Jan–Apr 2024" */
    crimePeriod?: string;
    /** Domain id → the profile's name for it ("Low income"); the id itself otherwise. */
    names?: ReadonlyMap<string, string>;
  } = {},
): string[] {
  const max = options.max ?? 3;
  if (areas.length < 2) return [];
  const picked: { domain: string; band: Band; gap: number; order: number }[] = [];
  for (const band of ['in_10pct', 'in_20pct'] as const) {
    const candidates = domains
      .map((domain, order) => ({ domain, band, gap: gap(areas, domain, band), order }))
      .filter((c) => c.gap > 0 && !picked.some((p) => p.domain === c.domain))
      .sort((a, b) => b.gap - a.gap || a.order - b.order);
    picked.push(...candidates.slice(0, max - picked.length));
  }
  const out = picked.map((p) => countSentence(areas, p.domain, p.band, options.names));
  if (out.length === 0) {
    out.push(`These areas have the same number of small areas in England's most deprived 10 % and 20 % for every domain.`);
  }
  if (areas.every((a) => a.crimeRate !== null && a.crimeRate !== undefined)) {
    const ordered = [...areas].sort((a, b) => (b.crimeRate as number) - (a.crimeRate as number));
    const [head, ...rest] = ordered;
    out.push(
      `${head!.name} has ${formatValue(head!.crimeRate)} police-recorded crimes per 1,000 residents${options.crimePeriod ? ` ${options.crimePeriod}` : ''}; ${rest
        .map((r) => `${r.name} has ${formatValue(r.crimeRate)}`)
        .join('; ')}.`,
    );
  }
  return out;
}
