/**
 * Synthetic street-rep monitoring: invented sites inside real wards, visited
 * monthly for 18 months, each visit grading every issue on the form A–D.
 * Most sites are steady; a known set deteriorates or improves.
 */
import { GRADES, STREET_REP_ISSUES } from '../../src/ingest/schemas.ts';
import type { WardPlan } from './config.ts';
import { daysInMonth, monthStart, ukDate, weekday } from './dates.ts';
import { lsoaWeights, pointInWard, type Point, type Ward } from './geo.ts';
import type { Random } from './random.ts';

export const FIRST_MONTH = '2024-04';
export const MONTHS = 18;
/** Deterioration starts this many months before the last round. */
const RAMP_MONTHS = 6;
export const DETERIORATING_SITES = 11;
export const IMPROVING_SITES = 4;

export const STREET_REP_HEADER = ['Visit ID', 'Site ID', 'Site name', 'Latitude', 'Longitude', 'Date', 'Time', 'Monitored by', ...STREET_REP_ISSUES];

const SITE_NAMES = [
  'Alley behind shop parade', 'Shop parade forecourt', 'Estate bin store', 'Play area on the estate green',
  'Underpass to the park', 'Garages off the main road', 'Footpath by the railway', 'Park entrance',
  'Bus stop and bench area', 'Car park behind the community centre', 'Stairwell and landings, tower block',
  'Communal gardens between the blocks', 'Cut-through by the school', 'Recreation ground', 'Allotment lane',
  'Back lane behind the terraces', 'Square outside the health centre', 'Towpath and bridge', 'Service road behind the flats',
  'Sports pitches and changing rooms',
] as const;

/** Issues that most often go wrong on a deteriorating site, and their relative likelihood. */
const TREND_ISSUES: Record<string, number> = {
  'Fly-tipping': 3, 'Street lighting': 2.5, Litter: 2, 'Groups loitering / disorderly behaviour': 2, Graffiti: 1.5,
  'Damaged street furniture': 1.5, 'Dog fouling': 1, Noise: 1, 'Abandoned vehicles': 0.7, 'Overgrown greenery': 0.5,
};

type Trend = 'stable' | 'deteriorating' | 'improving';

interface Site {
  id: string;
  name: string;
  point: Point;
  ward: WardPlan;
  trend: Trend;
  /** Latent level per issue (0 = A … 3 = D) before trend, season and noise. */
  baseline: number[];
  trendIssues: number[];
  trendSize: number;
  reliability: number;
  rep: string;
  repWeekday: number;
  repHour: number;
}

function makeSites(random: Random, plans: readonly WardPlan[], wards: readonly Ward[]): Site[] {
  const sites: Site[] = [];
  plans.forEach((plan, w) => {
    const ward = wards[w]!;
    const weights = lsoaWeights(random, ward);
    const names: string[] = [...SITE_NAMES];
    for (let s = 0; s < plan.streetRepSites; s++) {
      const name = names.splice(random.int(0, names.length - 1), 1)[0]!;
      sites.push({
        id: `${plan.short}-${String(s + 1).padStart(2, '0')}`,
        name: `${name}, ${ward.name} (sample)`,
        point: pointInWard(random, ward, weights),
        ward: plan,
        trend: 'stable',
        baseline: STREET_REP_ISSUES.map(() => (random.chance(0.15) ? random.between(1.1, 1.6) : random.between(0.05, 0.9))),
        trendIssues: [],
        trendSize: 0,
        reliability: random.between(0.75, 0.97),
        rep: random.pick(plan.reps),
        repWeekday: random.int(1, 6),
        repHour: random.int(9, 17),
      });
    }
  });
  assignTrends(random, sites);
  return sites;
}

/** Picks which sites get worse or better, and on which one to three issues. */
function assignTrends(random: Random, sites: Site[]): void {
  const order = sites.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const issues = Object.keys(TREND_ISSUES);
  order.slice(0, DETERIORATING_SITES + IMPROVING_SITES).forEach((siteIndex, k) => {
    const site = sites[siteIndex]!;
    site.trend = k < DETERIORATING_SITES ? 'deteriorating' : 'improving';
    const count = site.trend === 'deteriorating' ? random.int(1, 3) : random.int(1, 2);
    const picked = random.rankedDraw(issues.map((i) => TREND_ISSUES[i]!), count);
    site.trendIssues = picked.map((p) => STREET_REP_ISSUES.indexOf(issues[p]!));
    site.trendSize = random.between(2, 2.6);
  });
}

function trendEffect(site: Site, month: number): number {
  const last = MONTHS - 1;
  if (site.trend === 'deteriorating') {
    const start = last - RAMP_MONTHS;
    return month <= start ? 0 : (site.trendSize * (month - start)) / RAMP_MONTHS;
  }
  if (site.trend === 'improving') {
    // A problem that was bad at the start, then fixed over the middle months (e.g. after a clean-up).
    const from = 5, to = 14;
    const high = site.trendSize;
    return month <= from ? high : month >= to ? 0.3 : high + ((0.3 - high) * (month - from)) / (to - from);
  }
  return 0;
}

/** Greenery grows in summer; broken lights show up on dark winter evenings. */
function seasonalEffect(issue: string, calendarMonth: number): number {
  if (issue === 'Overgrown greenery' && calendarMonth >= 4 && calendarMonth <= 7) return 0.7;
  if (issue === 'Street lighting' && (calendarMonth >= 10 || calendarMonth <= 1)) return 0.3;
  return 0;
}

function grade(random: Random, site: Site, issueIndex: number, month: number, calendarMonth: number): string {
  let level = site.baseline[issueIndex]! + seasonalEffect(STREET_REP_ISSUES[issueIndex]!, calendarMonth);
  if (site.trendIssues.includes(issueIndex)) level += trendEffect(site, month);
  const value = Math.round(level + random.noise(0.3));
  return GRADES[Math.min(3, Math.max(0, value))]!;
}

function visitDay(random: Random, site: Site, month: number): number {
  const first = monthStart(FIRST_MONTH, month);
  const days = Array.from({ length: daysInMonth(first) }, (_, i) => first + i);
  const preferred = days.filter((d) => weekday(d) === site.repWeekday);
  return random.chance(0.8) ? random.pick(preferred) : random.pick(days);
}

function visitTime(random: Random, site: Site): string {
  const hour = Math.min(19, Math.max(8, site.repHour + random.int(-1, 1)));
  return `${String(hour).padStart(2, '0')}:${String(15 * random.int(0, 3)).padStart(2, '0')}`;
}

export interface StreetRepOutput {
  rows: string[][];
  siteCount: number;
}

export function generateStreetReps(random: Random, plans: readonly WardPlan[], wards: readonly Ward[]): StreetRepOutput {
  const sites = makeSites(random.fork(), plans, wards);
  const visits: { day: number; row: string[] }[] = [];
  for (const site of sites) {
    for (let month = 0; month < MONTHS; month++) {
      // Sites with a trend are always visited in the last round: the rep keeps an eye on them.
      const visited = random.chance(site.reliability) || (site.trend !== 'stable' && month === MONTHS - 1);
      if (!visited) continue;
      const day = visitDay(random, site, month);
      const calendarMonth = new Date(day * 86_400_000).getUTCMonth();
      const rep = random.chance(0.1) ? random.pick(site.ward.reps) : site.rep;
      const grades = STREET_REP_ISSUES.map((_, i) => grade(random, site, i, month, calendarMonth));
      visits.push({
        day,
        row: [site.id, site.name, site.point.lat.toFixed(5), site.point.lon.toFixed(5), ukDate(day), visitTime(random, site), rep, ...grades],
      });
    }
  }
  visits.sort((a, b) => a.day - b.day || (a.row[0]! < b.row[0]! ? -1 : a.row[0]! > b.row[0]! ? 1 : 0));
  const rows = visits.map((v, i) => [`V${String(i + 1).padStart(4, '0')}`, ...v.row]);
  return { rows, siteCount: sites.length };
}
