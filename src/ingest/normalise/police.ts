import type { EvidenceTable } from '../schemas.ts';
import { checkLsoaCode } from '../validate/codes.ts';
import { checkLonLat, insideEnglandBox } from '../validate/coordinates.ts';
import { parseMonth } from '../validate/dates.ts';
import { quote } from '../validate/result.ts';
import { type FieldColumn, cell, fieldColumn } from './cells.ts';
import { Interner, TableBuilder, ownCopy, type FloatColumn, type IntColumn } from './columns.ts';
import type { IssueLog } from './issueLog.ts';
import { OUTSIDE_REASON } from './location.ts';
import { RowIndex } from './rowIndex.ts';
import type { RowProcessor } from './rowProcessor.ts';
import type { Columns, NormaliseOptions } from './types.ts';

const NO_COORDINATES_NOTE = 'Crimes without coordinates were placed at a point inside their LSOA';

/**
 * police.uk street-level rows → imported_crimes, in the built-in crimes
 * table's shape. Written for a million rows a go: columns are grabbed once,
 * months and crime types are parsed or checked once per distinct text and
 * shared, and a row allocates nothing beyond what `locate` returns.
 */
export class PoliceProcessor implements RowProcessor {
  private table!: TableBuilder;
  private readonly ids = new RowIndex();
  private readonly months = new Map<string, string | { error: string }>();
  private readonly types = new Interner();
  private readonly col: Record<'id' | 'month' | 'lon' | 'lat' | 'lsoa' | 'type', FieldColumn>;
  private out!: {
    sourceRow: IntColumn;
    id: (string | null)[];
    month: (string | null)[];
    lon: FloatColumn;
    lat: FloatColumn;
    lsoa: (string | null)[];
    ward: (string | null)[];
    lad: (string | null)[];
    type: (string | null)[];
  };

  constructor(private readonly options: NormaliseOptions, private readonly log: IssueLog) {
    const { header, mapping } = options;
    const at = (f: Parameters<typeof fieldColumn>[2]): FieldColumn => fieldColumn(header, mapping, f);
    this.col = {
      id: at('crime_id'), month: at('month'), lon: at(options.swapLatLon ? 'lat' : 'lon'), lat: at(options.swapLatLon ? 'lon' : 'lat'),
      lsoa: at('lsoa_code'), type: at('crime_type'),
    };
    this.startTable();
  }

  private startTable(): void {
    const { datasetId, fileName } = this.options;
    const t = (this.table = new TableBuilder('imported_crimes', { dataset: datasetId, source: `police.uk import: ${fileName ?? 'file'}` }));
    this.out = {
      sourceRow: t.int('source_row'), id: t.text('id'), month: t.text('month'), lon: t.float('lon'), lat: t.float('lat'),
      lsoa: t.text('lsoa_code'), ward: t.text('ward_code'), lad: t.text('lad_code'), type: t.text('crime_type'),
    };
  }

  pending(): number {
    return this.out.sourceRow.length;
  }

  drain(): Partial<Record<EvidenceTable, Columns>> {
    const done = this.table.finish();
    this.startTable();
    return { imported_crimes: done };
  }

  row(row: string[], n: number): void {
    const log = this.log;
    const col = this.col;
    const id = cell(row, col.id);
    if (id !== '') {
      const earlier = this.ids.rowOf(id);
      if (earlier >= 0) return log.reject(col.id.name, `Crime ID ${quote(id)} is already on row ${earlier}.`, 'duplicate');
    }
    const month = this.month(cell(row, col.month));
    if (typeof month !== 'string') return log.reject(col.month.name, month.error);
    const type = cell(row, col.type);
    if (type === '') return log.reject(col.type.name, 'No crime type.');

    const lonText = cell(row, col.lon);
    const latText = cell(row, col.lat);
    let lon: number;
    let lat: number;
    let lsoa: string | null;
    let ward: string;
    let lad: string;
    if (lonText !== '' && latText !== '') {
      lon = Number(lonText);
      lat = Number(latText);
      // The quick box test first; checkLonLat (which allocates) only to word the reason.
      if (!insideEnglandBox(lon, lat)) {
        const checked = checkLonLat(lon, lat);
        return log.reject(col.lat.name, 'error' in checked ? checked.error : `The point (longitude ${lonText}, latitude ${latText}) is outside England.`);
      }
      const area = this.options.locate(lon, lat);
      if (!area) return log.reject(col.lon.name, `The point (longitude ${lon.toFixed(5)}, latitude ${lat.toFixed(5)}) is ${OUTSIDE_REASON}`, 'outside');
      ({ lsoa_code: lsoa, ward_code: ward, lad_code: lad } = area);
    } else {
      const lsoaText = cell(row, col.lsoa);
      if (lsoaText === '') return log.reject(col.lon.name ?? col.lsoa.name, 'No location: this crime has no coordinates or LSOA code (police.uk leaves some crimes unplaced).');
      const code = checkLsoaCode(lsoaText);
      if ('error' in code) return log.reject(col.lsoa.name, code.error);
      const area = this.options.areaOfCode(code.value);
      if (!area || area.lsoa_code === null) return log.reject(col.lsoa.name, `The LSOA code ${quote(code.value)} isn't one of the five areas' small areas (another council?).`, 'outside');
      ({ lon, lat, lsoa_code: lsoa, ward_code: ward, lad_code: lad } = area);
      log.interpret(NO_COORDINATES_NOTE);
    }

    const o = this.out;
    const ownId = id === '' ? null : ownCopy(id);
    o.sourceRow.push(n);
    o.id.push(ownId);
    o.month.push(month);
    o.lon.push(lon);
    o.lat.push(lat);
    o.lsoa.push(lsoa);
    o.ward.push(ward);
    o.lad.push(lad);
    o.type.push(this.types.get(type));
    if (ownId !== null) this.ids.add(ownId, n);
  }

  finish(): Partial<Record<EvidenceTable, Columns>> {
    return { imported_crimes: this.table.finish() };
  }

  /** police.uk repeats a handful of months a million times: parse each text once. */
  private month(text: string): string | { error: string } {
    let known = this.months.get(text);
    if (known === undefined) {
      const parsed = parseMonth(text);
      known = 'error' in parsed ? parsed : parsed.value;
      this.months.set(text, known);
    }
    return known;
  }
}
