/**
 * Geography as configuration: each level the app can show, choose, profile or
 * compare, with the code pattern that identifies it and the words a resident
 * reads. Code that needs "small area or ward?" asks here instead of testing
 * 'lsoa' | 'ward' literals or code prefixes itself.
 */

/** Levels drawn on the map and listed in the ranked table. */
export const MAP_LEVELS = ['lsoa', 'ward', 'locality'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
/** Every level an area code can belong to. */
export type LevelId = MapLevel | 'authority';
/** Levels whose values come straight from the database's `areas` table (localities are people's own). */
export type AreaLevel = 'lsoa' | 'ward';

export interface LevelConfig {
  id: LevelId;
  /** Matches a code of this level and no other. */
  code: RegExp;
  /** One area: "small area". */
  singular: string;
  /** Many: "small areas". */
  plural: string;
  /** The level chooser's words. */
  choice: string;
  /** How values at this level are made, for the key (null where they are published as they are). */
  built: string | null;
}

export const LEVELS: Readonly<Record<LevelId, LevelConfig>> = {
  lsoa: { id: 'lsoa', code: /^E01\d{6}$/, singular: 'small area', plural: 'small areas', choice: 'Small areas (LSOA 2021)', built: null },
  ward: {
    id: 'ward',
    code: /^E05\d{6}$/,
    singular: 'ward',
    plural: 'wards',
    choice: 'Wards',
    built: 'Wards approximated by best-fit small areas; values population-weighted from them',
  },
  locality: {
    id: 'locality',
    code: /^L[0-9a-z]{1,8}$/,
    singular: 'locality',
    plural: 'localities',
    choice: 'Localities (your own groups of wards)',
    built: 'Localities are your own groups of wards and small areas; values population-weighted from their small areas',
  },
  authority: { id: 'authority', code: /^E0[6789]\d{6}$/, singular: 'authority', plural: 'authorities', choice: 'Authorities', built: null },
};

/** The level a code belongs to, or null for anything else. */
export function levelOfCode(code: string | null | undefined): LevelId | null {
  if (!code) return null;
  for (const level of Object.values(LEVELS)) if (level.code.test(code)) return level.id;
  return null;
}

export const isMapLevel = (v: string): v is MapLevel => (MAP_LEVELS as readonly string[]).includes(v);
export const isAreaLevel = (v: string): v is AreaLevel => v === 'lsoa' || v === 'ward';

/** "1 small area" / "12 small areas". */
export function countOf(n: number, level: LevelId): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? LEVELS[level].singular : LEVELS[level].plural}`;
}
