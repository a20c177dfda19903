import { countNoun, minimumCount, type ThemeComponent } from './definitions.ts';

/**
 * A theme score per area (DESIGN.md, Statistics: Themes): each component is
 * standardised across the areas in view (z-score, oriented so higher = worse),
 * and the score is Σ w·z / Σ w over the components an area actually has.
 * A missing component is left out and the weights renormalised — never
 * counted as zero, which would pretend the area is average. Pure: no database.
 */

/** What composeTheme needs to know about a component (any orientation, so user measures can join later). */
type ComponentInfo = Pick<ThemeComponent, 'id' | 'label' | 'shortLabel' | 'kind'> & { higherIsWorse: boolean; contextOnly?: boolean };

export interface ComposeComponentInput {
  component: ComponentInfo;
  /** Relative weight chosen by the user (0 = not used). */
  weight: number;
  /** One value per area, aligned with `codes`; null where the source has no value. */
  values: readonly (number | null)[];
  /** Responses or sites behind each value (residents' evidence), for the sparse-data rule. */
  counts?: readonly (number | null)[] | null;
  /** Why a value is missing, in plain English ("No police data for Wigan"), aligned with `codes`. */
  reasons?: readonly (string | null)[] | null;
}

export interface ComposeInput {
  codes: readonly string[];
  components: readonly ComposeComponentInput[];
  /** What the areas are called in notes. */
  areaNoun?: 'small area' | 'ward';
}

export interface ComponentSummary {
  id: string;
  label: string;
  shortLabel: string;
  weight: number;
  /** False when the component was dropped (no values, no variation, or weight 0). */
  used: boolean;
  areasWithValue: number;
  areasMissing: number;
  /** Mean and population standard deviation across the areas that have a value. */
  mean: number | null;
  sd: number | null;
  /** Why it was dropped, if it was. */
  droppedBecause: string | null;
}

export interface Contribution {
  id: string;
  shortLabel: string;
  value: number;
  /** Standardised value, oriented so higher = worse. */
  z: number;
  weight: number;
  /** w·z / Σw over this area's available components: these add up to the score. */
  contribution: number;
  /** The measure's direction and its mean across the areas in view, so a view can say why a value counts as worse. */
  higherIsWorse?: boolean;
  mean?: number | null;
}

export interface AreaBreakdown {
  code: string;
  score: number | null;
  /** Largest effect first: "what drives this score". */
  contributions: Contribution[];
  /** Used components this area has no value for, and why. */
  missing: { id: string; shortLabel: string; reason: string }[];
  /** Share of the theme's (used) weight this area's score rests on, 0–1. */
  weightShare: number;
}

export interface ThemeScores {
  codes: readonly string[];
  scores: (number | null)[];
  /** Per area, the share of the theme's (used) weight its score rests on, 0–1. */
  weightShare: Float64Array;
  /** One area's breakdown (by index into codes), built on demand: "what drives this score". */
  breakdown: (index: number) => AreaBreakdown;
  components: ComponentSummary[];
  /** Plain-English notes for under the map: dropped components, gaps, sparse data. */
  notes: string[];
}

const NO_REASON = 'No value';
const CONTEXT_ONLY = 'Only context measures available';

export function composeTheme(input: ComposeInput): ThemeScores {
  const { codes } = input;
  const noun = input.areaNoun ?? 'small area';
  const plural = (n: number) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  const notes: string[] = [];
  const prepared = input.components.map((c) => prepareComponent(c, codes.length, noun));
  for (const p of prepared) notes.push(...p.notes);

  const used = prepared.filter((p) => p.summary.used);
  const totalWeight = used.reduce((s, p) => s + p.summary.weight, 0);
  const scores: (number | null)[] = new Array(codes.length).fill(null);
  const weightShare = new Float64Array(codes.length);
  let contextOnlyAreas = 0;

  // Numbers only here (England has 33,755 areas); the per-area breakdown is built when asked for.
  for (let i = 0; i < codes.length; i++) {
    let weightUsed = 0;
    let sum = 0;
    let hasCore = false;
    for (const p of used) {
      const z = p.z[i];
      if (z === null || z === undefined) continue;
      weightUsed += p.summary.weight;
      sum += p.summary.weight * z;
      if (!p.input.component.contextOnly) hasCore = true;
    }
    if (weightUsed > 0 && !hasCore) {
      // A score resting only on context measures would paint a confident colour from the wrong evidence.
      contextOnlyAreas++;
    } else if (weightUsed > 0) {
      scores[i] = sum / weightUsed;
      weightShare[i] = weightUsed / totalWeight;
    }
  }
  const breakdown = (i: number): AreaBreakdown => areaBreakdown(used, i, codes[i] as string, scores[i] ?? null, weightShare[i] ?? 0);

  if (contextOnlyAreas > 0) {
    const one = contextOnlyAreas === 1;
    notes.push(`${cap(plural(contextOnlyAreas))} ${one ? 'has' : 'have'} only context measures for this theme, so ${one ? 'it gets' : 'they get'} no score rather than one built on context alone.`);
  }
  const unscored = scores.filter((s) => s === null).length - contextOnlyAreas;
  if (used.length === 0) notes.push('No component of this theme has usable values here, so no theme score can be shown.');
  else if (unscored > 0) {
    const one = unscored === 1;
    notes.push(`${cap(plural(unscored))} ${one ? 'has' : 'have'} no value for any component of this theme, so ${one ? 'it gets' : 'they get'} no score.`);
  }

  return { codes, scores, weightShare, breakdown, components: prepared.map((p) => p.summary), notes };
}

/** One area's breakdown: the same sums as the score, kept per component and sorted by effect. */
function areaBreakdown(used: readonly Prepared[], i: number, code: string, score: number | null, weightShare: number): AreaBreakdown {
  const contributions: Contribution[] = [];
  const missing: AreaBreakdown['missing'] = [];
  let weightUsed = 0;
  for (const p of used) {
    const z = p.z[i];
    const info = p.input.component;
    if (z === null || z === undefined) {
      missing.push({ id: info.id, shortLabel: info.shortLabel, reason: p.reasons[i] ?? NO_REASON });
      continue;
    }
    weightUsed += p.summary.weight;
    contributions.push({
      id: info.id,
      shortLabel: info.shortLabel,
      value: p.values[i] as number,
      z,
      weight: p.summary.weight,
      contribution: 0,
      higherIsWorse: info.higherIsWorse,
      mean: p.summary.mean,
    });
  }
  if (score === null) {
    // Only context measures (or nothing) here: they are listed as left out, not shown as drivers.
    for (const c of contributions) missing.push({ id: c.id, shortLabel: c.shortLabel, reason: CONTEXT_ONLY });
    return { code, score, contributions: [], missing, weightShare: 0 };
  }
  for (const c of contributions) c.contribution = (c.weight * c.z) / weightUsed;
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || cmp(a.id, b.id));
  return { code, score, contributions, missing, weightShare };
}

interface Prepared {
  input: ComposeComponentInput;
  values: (number | null)[];
  reasons: (string | null)[];
  z: (number | null)[];
  summary: ComponentSummary;
  notes: string[];
}

/** Apply the sparse-data rule, check the component can tell areas apart, and standardise it. */
function prepareComponent(c: ComposeComponentInput, n: number, noun: string): Prepared {
  const plural = (k: number) => `${k.toLocaleString('en-GB')} ${noun}${k === 1 ? '' : 's'}`;
  const info = c.component;
  const weight = Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0;
  const min = minimumCount(info);
  const values: (number | null)[] = new Array(n).fill(null);
  const reasons: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = c.values[i];
    const count = c.counts?.[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      reasons[i] = c.reasons?.[i] ?? NO_REASON;
    } else if (min > 0 && count !== null && count !== undefined && count < min) {
      reasons[i] = `Fewer than ${min} ${countNoun(info, min)}`;
    } else {
      values[i] = v;
    }
  }
  const present = values.filter((v): v is number => v !== null);
  const mean = present.length > 0 ? present.reduce((s, v) => s + v, 0) / present.length : null;
  const sd = mean === null ? null : Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length);
  const summary: ComponentSummary = {
    id: info.id,
    label: info.label,
    shortLabel: info.shortLabel,
    weight,
    used: false,
    areasWithValue: present.length,
    areasMissing: n - present.length,
    mean,
    sd,
    droppedBecause: null,
  };
  const z: (number | null)[] = new Array(n).fill(null);
  const notes: string[] = [];
  const name = cap(info.shortLabel);

  if (weight === 0) {
    summary.droppedBecause = 'Weight set to 0';
    return { input: c, values, reasons, z, summary, notes };
  }
  if (present.length === 0) {
    summary.droppedBecause = `No ${noun} in view has a value`;
    notes.push(`${name}: no value for any ${noun} in view (${reasonList(reasons)}), so it is left out.`);
    return { input: c, values, reasons, z, summary, notes };
  }
  if (present.length === 1) {
    summary.droppedBecause = `Only 1 ${noun} in view has a value`;
    notes.push(`${name}: only 1 ${noun} in view has a value (elsewhere: ${reasonList(reasons)}), too few to compare areas, so it is left out.`);
    return { input: c, values, reasons, z, summary, notes };
  }
  if (sd === null || mean === null || sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
    summary.droppedBecause = `Same value in every ${noun} that has one`;
    notes.push(`${name} is the same in every ${noun} that has a value, so it cannot tell areas apart and is left out.`);
    return { input: c, values, reasons, z, summary, notes };
  }

  summary.used = true;
  const sign = info.higherIsWorse ? 1 : -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) z[i] = (sign * (v - mean)) / sd;
  }
  for (const [reason, count] of countReasons(reasons)) {
    const sparseTail = reason.startsWith('Fewer than') ? ' rather than shown from too few' : '';
    notes.push(`${reason}: ${info.shortLabel} left out for ${plural(count)}${sparseTail}.`);
  }
  return { input: c, values, reasons, z, summary, notes };
}

/** Missing-value reasons, most common first. */
function countReasons(reasons: readonly (string | null)[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of reasons) if (r !== null) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
}

function reasonList(reasons: readonly (string | null)[]): string {
  return countReasons(reasons)
    .map(([r]) => r.charAt(0).toLowerCase() + r.slice(1))
    .join('; ');
}

/** The components pushing an area's score up (or down, for a cold spot), biggest first. */
export function topDrivers(area: AreaBreakdown, direction: 'up' | 'down', limit = 3): Contribution[] {
  return area.contributions
    .filter((c) => (direction === 'up' ? c.contribution > 0 : c.contribution < 0))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, limit);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
