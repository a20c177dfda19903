import type { ImportOutcome } from '../../../ingest/importClient.ts';
import type { ImportChoices, PreviewResult, ValueChoices, ValueProfile } from '../../../ingest/importProtocol.ts';
import { defaultsFromMemory, type ValueMemory } from '../../../ingest/reconcile/memory.ts';
import type { Mapping } from '../../../ingest/map/guessMapping.ts';
import type { DatasetKind } from '../../../ingest/schemas.ts';
import type { VenueList } from '../../../ingest/venueList.ts';

/**
 * The import dialog's steps and everything chosen in them, as one pure reducer
 * (no React, no worker): the dialog only dispatches and renders, so every rule
 * about moving between steps and starting an import is unit-tested here.
 */

export const STEP_TITLES = {
  file: 'The file',
  header: 'Sheet and header row',
  kind: 'What the file holds',
  columns: 'Columns',
  values: 'Values',
  check: 'Check and import',
} as const;
export type StepId = keyof typeof STEP_TITLES;
const ALL_STEPS = Object.keys(STEP_TITLES) as StepId[];

/** In a values decision: reject rows holding these values (null in ValueChoices). */
export const REJECT = '\u0000reject';
/** In a values decision: change nothing, the usual row rules apply. */
export const UNCHANGED = '';

export type Run =
  | { phase: 'idle' }
  | { phase: 'importing'; stage: string; fraction: number }
  | { phase: 'done'; outcome: ImportOutcome; note: string | null; choices: ImportChoices }
  | { phase: 'failed'; message: string };

export type Profiling =
  | { phase: 'idle' }
  | { phase: 'reading'; stage: string; fraction: number }
  | { phase: 'ready'; profile: ValueProfile; remembered: number }
  | { phase: 'failed'; message: string };

export interface WizardState {
  step: StepId;
  /** True while the first rows are being (re)read. */
  reading: boolean;
  preview: PreviewResult | null;
  readError: string | null;
  /** The sheet the person picked; undefined = the first (so "the rest the same way" reads each file's own first sheet). */
  sheet: string | undefined;
  /** The header row the person picked; undefined = the detected one. */
  headerRow: number | undefined;
  kind: DatasetKind | null;
  mapping: Mapping;
  swap: boolean;
  dateOrder: 'dmy' | 'mdy';
  venues: VenueList | null;
  /** Where the venue list came from: a file the person chose now, or the one used for the last survey (remembered). */
  venuesFrom: { name: string; remembered: boolean } | null;
  profiling: Profiling;
  /** Per value group (index in profile.groups): the value its variants become, REJECT, or UNCHANGED. */
  decisions: Record<number, string>;
  /** Bumped whenever the value profile goes stale (new columns, venue list…): older profiles are ignored. */
  profileGen: number;
  keepImpossibleDatesUndated: boolean;
  /** Steps where Continue was pressed with problems: their errors show until fixed. */
  tried: StepId[];
  /** Counts Continue presses refused for problems, so the error summary takes focus each time. */
  refused: number;
  run: Run;
}

export type WizardAction =
  | { type: 'reading' }
  | { type: 'previewed'; preview: PreviewResult }
  | { type: 'readFailed'; message: string }
  | { type: 'sheet'; sheet: string }
  | { type: 'headerRow'; row: number }
  | { type: 'kind'; kind: DatasetKind }
  | { type: 'map'; field: keyof Mapping; column: string | undefined }
  | { type: 'choicesRanked'; ranked: boolean }
  | { type: 'swap'; on: boolean }
  | { type: 'dateOrder'; order: 'dmy' | 'mdy' }
  | { type: 'venues'; venues: VenueList | null; from?: { name: string; remembered: boolean } }
  | { type: 'profiling'; stage: string; fraction: number }
  | { type: 'profiled'; profile: ValueProfile; memory?: ValueMemory | null }
  | { type: 'profileFailed'; message: string }
  | { type: 'profileRetry' }
  | { type: 'decide'; group: number; value: string }
  | { type: 'acceptAll' }
  | { type: 'keepImpossibleDates'; on: boolean }
  | { type: 'next'; errors: number }
  | { type: 'back' }
  | { type: 'goto'; step: StepId }
  | { type: 'importStarted' }
  | { type: 'importProgress'; stage: string; fraction: number }
  | { type: 'imported'; outcome: ImportOutcome; note: string | null; choices: ImportChoices }
  | { type: 'importFailed'; message: string };

export function initialState(): WizardState {
  return {
    step: 'file',
    reading: true,
    preview: null,
    readError: null,
    sheet: undefined,
    headerRow: undefined,
    kind: null,
    mapping: {},
    swap: false,
    dateOrder: 'dmy',
    venues: null,
    venuesFrom: null,
    profiling: { phase: 'idle' },
    decisions: {},
    profileGen: 0,
    keepImpossibleDatesUndated: false,
    tried: [],
    refused: 0,
    run: { phase: 'idle' },
  };
}

const HEADERLESS = new Set(['geojson', 'parquet']);
/** Fields whose values the values step reconciles, by kind (police files have none). */
const RECONCILED: Record<DatasetKind, (keyof Mapping)[]> = {
  survey: ['venue', 'channel', 'choices', 'choice_1', 'choice_2', 'choice_3', 'choice_4', 'choice_5', 'age_band', 'sex', 'ethnicity'],
  'street-rep': ['issue', 'grade'],
  police: [],
};

/** The steps this file goes through: no header step for files with named fields, no values step without categorical columns. */
export function stepsFor(s: Pick<WizardState, 'preview' | 'kind' | 'mapping'>): StepId[] {
  const format = s.preview?.summary.format;
  const wide = Object.keys(s.mapping.issueColumns ?? {}).length > 0;
  const options = Object.keys(s.mapping.choiceColumns ?? {}).length > 0;
  const hasValues = s.kind !== null && (RECONCILED[s.kind].some((f) => s.mapping[f] !== undefined) || (s.kind === 'street-rep' && wide) || (s.kind === 'survey' && options));
  return ALL_STEPS.filter((id) => (id !== 'header' || !format || !HEADERLESS.has(format)) && (id !== 'values' || hasValues));
}

/** Once the import has started, the steps are done: only the report is left. */
export const locked = (s: WizardState): boolean => s.run.phase === 'importing' || s.run.phase === 'done';

/** True when closing now would lose something the person did (choices made, or an import running). */
export function workAtRisk(s: WizardState): boolean {
  if (s.run.phase === 'importing') return true;
  if (s.run.phase === 'done') return false;
  return s.step !== 'file';
}

/**
 * Default decisions for a fresh profile (reconcile/memory.ts): remembered
 * choices for this kind of file first, then confident proposals; weaker ones
 * and unmatched values wait for the person. `remembered` counts the groups
 * whose start came from memory, for the "using your choices" note.
 */
export function defaultDecisions(profile: ValueProfile, kind: DatasetKind, memory?: ValueMemory | null): { decisions: Record<number, string>; remembered: number } {
  const withMemory = defaultsFromMemory(profile, memory, kind);
  const fresh = defaultsFromMemory(profile, null, kind);
  const kept = memory?.kinds[kind];
  const decisions: Record<number, string> = {};
  let remembered = 0;
  profile.groups.forEach((g, i) => {
    const chosen = g.members.map((m) => withMemory[g.field]?.[m.raw]).find((v) => v !== undefined);
    decisions[i] = chosen === undefined ? UNCHANGED : chosen === null ? REJECT : chosen;
    const fromMemory = g.members.some((m) => kept?.[g.field]?.[m.raw] !== undefined || withMemory[g.field]?.[m.raw] !== fresh[g.field]?.[m.raw]);
    if (fromMemory) remembered++;
  });
  return { decisions, remembered };
}

/** The value choices the import takes: every decided group's raw variants → its value (null = reject). */
export function valueChoices(profile: ValueProfile | null, decisions: Record<number, string>): ValueChoices | undefined {
  if (!profile) return undefined;
  const out: ValueChoices = {};
  profile.groups.forEach((g, i) => {
    const d = decisions[i] ?? UNCHANGED;
    if (d === UNCHANGED) return;
    const field = (out[g.field] ??= {});
    for (const m of g.members) field[m.raw] = d === REJECT ? null : d;
  });
  return Object.keys(out).length ? out : undefined;
}

/** Everything the worker needs to import (or profile) with the choices made so far. */
export function choicesOf(s: WizardState): ImportChoices | null {
  if (!s.kind) return null;
  const profile = s.profiling.phase === 'ready' ? s.profiling.profile : null;
  const choices: ImportChoices = {
    kind: s.kind,
    mapping: s.mapping,
    swapLatLon: s.swap,
    dateOrder: s.dateOrder,
    venues: s.venues?.venues,
    keepImpossibleDatesUndated: s.keepImpossibleDatesUndated,
  };
  if (s.sheet !== undefined) choices.sheet = s.sheet;
  if (s.headerRow !== undefined) choices.headerRow = s.headerRow;
  const values = valueChoices(profile, s.decisions);
  if (values) choices.values = values;
  return choices;
}

/** A new preview means new columns: the mapping is guessed again and the value profile is stale. */
const stale = (s: WizardState): WizardState => ({ ...s, profiling: { phase: 'idle' }, decisions: {}, profileGen: s.profileGen + 1 });

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  if (locked(s) && !['importProgress', 'imported', 'importFailed'].includes(a.type)) return s;
  switch (a.type) {
    case 'reading':
      return { ...s, reading: true, readError: null };
    case 'previewed':
      return stale({
        ...s,
        reading: false,
        readError: null,
        preview: a.preview,
        mapping: a.preview.guess.mapping,
        kind: s.kind ?? a.preview.guess.kind,
        swap: a.preview.swapWarning !== null,
      });
    case 'readFailed':
      return { ...s, reading: false, readError: a.message };
    case 'sheet':
      return a.sheet === s.sheet ? s : { ...s, sheet: a.sheet, headerRow: undefined, reading: true };
    case 'headerRow':
      return a.row === (s.headerRow ?? s.preview?.headerRow) ? s : { ...s, headerRow: a.row, reading: true };
    case 'kind':
      return a.kind === s.kind ? s : { ...s, kind: a.kind, reading: true };
    case 'map':
      return stale({ ...s, mapping: { ...s.mapping, [a.field]: a.column } });
    case 'choicesRanked':
      return a.ranked === (s.mapping.choicesRanked !== false) ? s : { ...s, mapping: { ...s.mapping, choicesRanked: a.ranked } };
    case 'swap':
      return { ...s, swap: a.on };
    case 'dateOrder':
      return { ...s, dateOrder: a.order };
    case 'venues':
      return stale({ ...s, venues: a.venues, venuesFrom: a.venues ? (a.from ?? null) : null });
    case 'profiling':
      return { ...s, profiling: { phase: 'reading', stage: a.stage, fraction: a.fraction } };
    case 'profiled': {
      const { decisions, remembered } = defaultDecisions(a.profile, s.kind ?? 'survey', a.memory);
      return { ...s, profiling: { phase: 'ready', profile: a.profile, remembered }, decisions };
    }
    case 'profileFailed':
      return { ...s, profiling: { phase: 'failed', message: a.message } };
    case 'profileRetry':
      return stale(s);
    case 'decide':
      return { ...s, decisions: { ...s.decisions, [a.group]: a.value } };
    case 'acceptAll': {
      if (s.profiling.phase !== 'ready') return s;
      const decisions = { ...s.decisions };
      s.profiling.profile.groups.forEach((g, i) => {
        if (g.proposed !== null && (decisions[i] ?? UNCHANGED) === UNCHANGED) decisions[i] = g.proposed;
      });
      return { ...s, decisions };
    }
    case 'keepImpossibleDates':
      return { ...s, keepImpossibleDatesUndated: a.on };
    case 'next': {
      if (s.reading || !s.preview) return s;
      if (a.errors > 0) return { ...s, tried: s.tried.includes(s.step) ? s.tried : [...s.tried, s.step], refused: s.refused + 1 };
      const steps = stepsFor(s);
      const next = steps[steps.indexOf(s.step) + 1];
      return next ? { ...s, step: next } : s;
    }
    case 'back': {
      const steps = stepsFor(s);
      const at = steps.indexOf(s.step);
      return at > 0 ? { ...s, step: steps[at - 1]!, run: s.run.phase === 'failed' ? { phase: 'idle' } : s.run } : s;
    }
    case 'goto': {
      const steps = stepsFor(s);
      // Only back to a step already passed: later steps need the earlier ones done.
      return steps.indexOf(a.step) >= 0 && steps.indexOf(a.step) < steps.indexOf(s.step) ? { ...s, step: a.step } : s;
    }
    case 'importStarted':
      // A second press (or a double click) finds the import already running and does nothing.
      if (s.step !== 'check' || s.run.phase !== 'idle' && s.run.phase !== 'failed' || !s.kind) return s;
      return { ...s, run: { phase: 'importing', stage: 'Starting', fraction: 0 } };
    case 'importProgress':
      return s.run.phase === 'importing' ? { ...s, run: { ...s.run, stage: a.stage, fraction: a.fraction } } : s;
    case 'imported':
      return s.run.phase === 'importing' ? { ...s, run: { phase: 'done', outcome: a.outcome, note: a.note, choices: a.choices } } : s;
    case 'importFailed':
      return s.run.phase === 'importing' ? { ...s, run: { phase: 'failed', message: a.message } } : s;
  }
}
