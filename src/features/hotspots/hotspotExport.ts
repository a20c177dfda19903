import { HOTSPOT_CSV_COLUMNS, hotspotCsvRows, type HotspotCsvMeta } from '../../analysis/hotspots/exportCsv.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import type { ExportTable } from '../../export/exportTable.ts';

const NUMERIC = new Set<string>(['value', 'z', 'p', 'p_permutation', 'p_fdr', 'permutations', 'seed']);

export interface HotspotExportAbout {
  place: string;
  /** The words for the areas tested ("small areas in Leicester"). */
  areaWords: string;
  sources: readonly string[];
  notes: readonly string[];
  sample: boolean;
  /** The name the CSV always had, without ".csv". */
  fileStem: string;
}

/**
 * A hotspot run as a file: every area tested (the list on screen shows the
 * significant ones), with the columns and rows the hotspot CSV has always had.
 */
export function hotspotExportTable(run: HotspotRun, meta: HotspotCsvMeta, about: HotspotExportAbout): ExportTable {
  return {
    title: `Hot and cold spots: ${meta.measure}, ${about.areaWords}`,
    description: `Every area tested (${about.areaWords}), with its value, how unusual it and its neighbours are (z), the chance of that by chance alone (p, before and after the false discovery rate correction), and its class. The lists on screen show the significant ones.`,
    place: about.place,
    columns: HOTSPOT_CSV_COLUMNS.map((label) => ({ label, numeric: NUMERIC.has(label) })),
    rows: hotspotCsvRows(run, meta),
    sources: about.sources,
    notes: about.notes,
    sample: about.sample,
    fileStem: about.fileStem,
  };
}
