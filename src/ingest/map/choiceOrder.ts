import { matchTheme } from '../validate/themes.ts';
import { normaliseKey } from '../validate/text.ts';

/** Answers naming two or more themes needed before the order of the themes can tell a ranking from ticked boxes. */
export const MIN_MULTI_CHOICE_ROWS = 20;

export interface ChoiceOrderVerdict {
  /** True when the lists read as an order of preference; false for ticked boxes listed in the form's option order. */
  ranked: boolean;
  /** Plain English: why. */
  note: string;
  /** Answers that named two or more different themes. */
  multiChoiceRows: number;
}

/** One key per theme, whatever its spelling ('Housing' and 'Housing issues' are one theme). */
function themeKey(text: string): string {
  const m = matchTheme(text);
  return 'value' in m ? m.value : normaliseKey(text);
}

/**
 * Ranked or not, from the lists of choices in a file (one list per answer, as
 * the cell splits). A checkbox question exported by Google Forms, Microsoft
 * Forms or SmartSurvey lists the ticked options in the form's own order, so
 * across the file every two themes that appear together always appear in
 * the same relative order (one consistent total order). A real ranking
 * varies from person to person. With fewer than MIN_MULTI_CHOICE_ROWS
 * answers naming two or more themes there is too little to tell, and the
 * lists are taken as ranked (the person can say otherwise).
 */
export function detectChoiceOrder(lists: readonly (readonly string[])[]): ChoiceOrderVerdict {
  // For each ordered pair seen, how often; `after` is the graph of "comes before".
  const pairs = new Map<string, number>();
  const after = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  let multi = 0;
  for (const list of lists) {
    const keys: string[] = [];
    for (const text of list) {
      const key = themeKey(text);
      if (key === '' || keys.includes(key)) continue;
      keys.push(key);
      if (!names.has(key)) names.set(key, text.trim());
    }
    if (keys.length < 2) continue;
    multi++;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const pair = `${keys[i]}\u0000${keys[j]}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        let next = after.get(keys[i]!);
        if (!next) after.set(keys[i]!, (next = new Set()));
        next.add(keys[j]!);
      }
    }
  }
  const many = multi.toLocaleString('en-GB');
  if (multi < MIN_MULTI_CHOICE_ROWS) {
    return {
      ranked: true,
      multiChoiceRows: multi,
      note: `Only ${many} ${multi === 1 ? 'answer names' : 'answers name'} two or more themes (${MIN_MULTI_CHOICE_ROWS} are needed to tell a ranking from ticked boxes), so the choices are read as in order of preference. Choose No if they are ticked boxes.`,
    };
  }
  for (const [pair, count] of pairs) {
    const [a, b] = pair.split('\u0000') as [string, string];
    const reverse = pairs.get(`${b}\u0000${a}`);
    if (reverse !== undefined) {
      return {
        ranked: true,
        multiChoiceRows: multi,
        note: `The themes come in different orders in different answers ('${names.get(a)}' before '${names.get(b)}' in ${count.toLocaleString('en-GB')}, after it in ${reverse.toLocaleString('en-GB')}), so the choices are read as in order of preference.`,
      };
    }
  }
  if (hasCycle(after)) {
    return { ranked: true, multiChoiceRows: multi, note: 'The themes come in different orders in different answers, so the choices are read as in order of preference.' };
  }
  return {
    ranked: false,
    multiChoiceRows: multi,
    note: `In all ${many} answers naming two or more themes, the themes come in one fixed order, as a form lists its options: they are read as ticked boxes, not a ranking, so none counts as a first choice. Choose Yes if they are in order of preference.`,
  };
}

/** True when "comes before" loops back on itself (a before b, b before c, c before a): no single order fits. */
function hasCycle(after: Map<string, Set<string>>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (node: string): boolean => {
    state.set(node, 1);
    for (const next of after.get(node) ?? []) {
      const s = state.get(next);
      if (s === 1 || (s === undefined && visit(next))) return true;
    }
    state.set(node, 2);
    return false;
  };
  for (const node of after.keys()) if (!state.has(node) && visit(node)) return true;
  return false;
}
