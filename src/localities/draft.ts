/**
 * A locality being made or edited: pure steps the editor takes (toggle a
 * ward or small area, check it can be saved, turn it into a Locality).
 */
import { LEVELS, levelOfCode } from '../geo/levels.ts';
import { cleanLocalityName, newLocalityId, type Locality } from './locality.ts';

export interface LocalityDraft {
  /** null for a new locality (an id is given when it is saved). */
  id: string | null;
  name: string;
  wards: string[];
  lsoas: string[];
}

export const emptyDraft = (): LocalityDraft => ({ id: null, name: '', wards: [], lsoas: [] });
export const draftOf = (l: Locality): LocalityDraft => ({ id: l.id, name: l.name, wards: [...l.wards], lsoas: [...l.lsoas] });

const toggle = (list: readonly string[], code: string) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);

/** Add the ward or small area, or take it out if it is in already; other codes change nothing. */
export function toggleMember(d: LocalityDraft, code: string): LocalityDraft {
  const level = levelOfCode(code);
  if (level === 'ward') return { ...d, wards: toggle(d.wards, code) };
  if (level === 'lsoa') return { ...d, lsoas: toggle(d.lsoas, code) };
  return d;
}

export const hasMember = (d: LocalityDraft, code: string): boolean => d.wards.includes(code) || d.lsoas.includes(code);

/** Why the draft can't be saved yet, or null when it can. */
export function draftProblem(d: LocalityDraft, others: readonly Locality[]): string | null {
  const name = cleanLocalityName(d.name);
  if (!name) return 'Give the locality a name.';
  if (d.wards.length + d.lsoas.length === 0) return `Choose at least one ${LEVELS.ward.singular}.`;
  if (others.some((l) => l.id !== d.id && l.name.toLowerCase() === name.toLowerCase())) return `You already have a locality called “${name}”: choose another name.`;
  return null;
}

/** The locality to save: the draft's own id, or a new one not used by `taken`. */
export function localityOfDraft(d: LocalityDraft, taken: readonly Locality[], random?: () => number): Locality {
  return { id: d.id ?? newLocalityId(taken, random), name: cleanLocalityName(d.name), wards: [...d.wards], lsoas: [...d.lsoas] };
}
