import { rankedRow, type ChoroplethModel, type RankedRow } from '../../analysis/choropleth.ts';
import { LEVELS, type MapLevel } from '../../geo/levels.ts';
import { exportStem, type ExportColumn, type ExportTable } from '../../export/exportTable.ts';

/**
 * The ranked table as a file: every area the table lists (all pages, the
 * search box's choice applied), in its order, with the value the screen
 * formats and the group's label in the key. Nothing is recomputed here:
 * the rows are rankedRow() of the same model.
 */
export function rankedExportTable(model: ChoroplethModel, level: MapLevel, caption: string, place: string, positions: readonly number[], date = new Date()): ExportTable {
  const { indicator } = model;
  // The unit in brackets unless the label already says it ("… (IoD 2025 score)").
  const unit = indicator.unit && !indicator.label.toLowerCase().includes(indicator.unit.toLowerCase()) ? ` (${indicator.unit})` : '';
  const areaWord = level === 'lsoa' ? 'Small area' : level === 'ward' ? 'Ward' : 'Locality';
  const columns: ExportColumn[] = [
    { label: 'Position', numeric: true },
    { label: areaWord },
    ...(level === 'locality' ? [] : [{ label: `${areaWord} code` }]),
    ...(level === 'lsoa' ? [{ label: 'Ward' }] : []),
    { label: `${indicator.label}${unit}`, numeric: true },
    { label: 'Group on map' },
  ];
  const rows = positions.map((i) => {
    const r = rankedRow(model, i) as RankedRow;
    return [
      r.position,
      r.name,
      // A locality's id is the app's own, not an official code: not written.
      ...(level === 'locality' ? [] : [r.code]),
      ...(level === 'lsoa' ? [r.ward_name] : []),
      r.value,
      r.classLabel ?? 'no data',
    ];
  });
  const built = LEVELS[level].built;
  return {
    title: caption,
    description: `${indicator.label} for each of the ${LEVELS[level].plural} in ${place}, in the order of the ranked table beside the map (areas with no value last), with the group each has on the map. ${indicator.description}`.trim(),
    place,
    columns,
    rows,
    sources: [indicator.attribution].filter(Boolean),
    notes: [...(built ? [`${built}.`] : []), ...model.notes],
    fileStem: exportStem(`ranked-${indicator.code}-${LEVELS[level].plural}`, place, date),
  };
}
