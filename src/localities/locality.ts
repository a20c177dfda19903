/**
 * A locality: a group of wards (and, where a board draws its line through a
 * ward, single small areas) that a person names themselves — an area
 * partnership board's patch. Pure data; it travels in links, project files
 * and the browser's storage, so it stays small: an id, a name, codes.
 */
export interface Locality {
  /** "L" and up to 8 lower-case letters or digits (see geo/levels.ts). */
  id: string;
  name: string;
  /** Ward codes (E05…), in the order they were added. */
  wards: string[];
  /** Small areas (E01…) added on their own, outside the wards above. */
  lsoas: string[];
}

const ID = /^L[0-9a-z]{1,8}$/;
export const isLocalityId = (v: string): boolean => ID.test(v);

/** A fresh id not used by any of `taken`. */
export function newLocalityId(taken: readonly Locality[], random: () => number = Math.random): string {
  for (;;) {
    const id = `L${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`;
    if (!taken.some((l) => l.id === id)) return id;
  }
}

/** A locality's name, trimmed and kept short enough for a link and a key. */
export function cleanLocalityName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 60);
}
