import { EMERGING_CLASSES, type EmergingClass } from '../../stats/trend/emergingHotspots.ts';
import { NO_DATA_COLOUR } from '../../map/palette.ts';
import { EMERGING_COLOURS } from './emergingColours.ts';

export interface EmergingSummary {
  /** Classes found among the tested areas, in display order, with the areas showing each. */
  rows: { cls: EmergingClass; codes: string[] }[];
  /** Areas with no touching neighbour: drawn grey and not tested, so in no class. */
  islands: string[];
  /** Map colour per area. */
  colours: Map<string, string>;
}

/**
 * The emerging hot spot classes as the table, key and map show them. Islands
 * get a class from the worker (no pattern) but were never tested, so they are
 * kept out of the class counts and listed on their own.
 */
export function summariseEmerging(classes: ReadonlyMap<string, EmergingClass>, islandCodes: readonly string[]): EmergingSummary {
  const islandSet = new Set(islandCodes);
  const byClass = new Map<EmergingClass, string[]>();
  const colours = new Map<string, string>();
  const islands: string[] = [];
  for (const [code, cls] of classes) {
    if (islandSet.has(code)) {
      islands.push(code);
      colours.set(code, NO_DATA_COLOUR);
      continue;
    }
    colours.set(code, EMERGING_COLOURS[cls]);
    const list = byClass.get(cls) ?? [];
    list.push(code);
    byClass.set(cls, list);
  }
  const rows = EMERGING_CLASSES.flatMap((cls) => {
    const codes = byClass.get(cls);
    return codes ? [{ cls, codes }] : [];
  });
  return { rows, islands, colours };
}
