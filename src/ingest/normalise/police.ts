import type { EvidenceTable } from '../schemas.ts';
import { TextHasher } from '../fingerprint.ts';
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
import type { Columns, LocatedArea, NormaliseOptions, PlacedCode } from './types.ts';

const NO_COORDINATES_NOTE = 'Crimes without coordinates were placed at a point inside their LSOA';
const NEAREST_NOTE = "Crimes with a 2011 LSOA code whose point falls just outside that area on the map's simplified boundaries were placed in the nearest 2021 small area that replaced it";
/** Row numbers quoted in the one line about rows from other councils. */
const OUTSIDE_EXAMPLES = 5;
/** Prefix of the key kept in `id` for a row without a Crime ID: it can never look like a police.uk Crime ID (64 hex digits). */
export const NO_ID_PREFIX = 'noid:';

/**
 * police.uk street-level rows → imported_crimes, in the built-in crimes
 * table's shape. Written for a million rows a go: columns are grabbed once,
 * months and crime types are parsed or checked once per distinct text and
 * shared, and a row allocates nothing beyond what `locate` returns.
 *
 * Placing: police.uk gives each row the LSOA its point falls in on the
 * full-resolution boundaries, so a current LSOA 2021 code of the five areas
 * is used as it is (re-placing the point on our simplified shapes moves ~15 %
 * of rows next door). The point decides only when there is no code or the
 * code is one of the five areas' 2011 codes that 2021 replaced. Any other
 * code is another council's: a whole force's file keeps only the five areas'
 * rows and says how many it left out in one line.
 *
 * Rows without a Crime ID (anti-social behaviour) get a key instead: a hash
 * of month, location, coordinates, crime type and context, numbered within
 * the file (#1, #2, …) so two identical incidents in one file both stay, and
 * loading the same month again adds nothing (src/db/evidence drops keys
 * already loaded).
 */
export class PoliceProcessor implements RowProcessor {
  private table!: TableBuilder;
  private readonly ids = new RowIndex();
  private readonly months = new Map<string, string | { error: string }>();
  private readonly types = new Interner();
  /** Occurrences so far of each no-ID fingerprint in this file. */
  private readonly repeats = new Map<string, number>();
  private readonly hasher = new TextHasher();
  private readonly col: Record<'id' | 'month' | 'lon' | 'lat' | 'lsoa' | 'type' | 'location' | 'context', FieldColumn>;
  private byCode = 0;
  private byPoint = 0;
  private outsideCount = 0;
  private readonly outsideRows: number[] = [];
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
      lsoa: at('lsoa_code'), type: at('crime_type'), location: at('location'), context: at('context'),
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
    const hasPoint = lonText !== '' && latText !== '';
    const lon = hasPoint ? Number(lonText) : NaN;
    const lat = hasPoint ? Number(latText) : NaN;
    // The quick box test first; checkLonLat (which allocates) only to word the reason.
    if (hasPoint && !insideEnglandBox(lon, lat)) {
      const checked = checkLonLat(lon, lat);
      return log.reject(col.lat.name, 'error' in checked ? checked.error : `The point (longitude ${lonText}, latitude ${latText}) is outside England.`);
    }
    const place = this.place(cell(row, col.lsoa), hasPoint, lon, lat, n);
    if (place === null) return;

    const o = this.out;
    const ownId = id === '' ? this.noIdKey(row, month, lonText, latText, type) : ownCopy(id);
    o.sourceRow.push(n);
    o.id.push(ownId);
    o.month.push(month);
    // With no point of its own the row gets the area's (only PlacedCode results come without one).
    o.lon.push(hasPoint ? lon : (place as PlacedCode).lon);
    o.lat.push(hasPoint ? lat : (place as PlacedCode).lat);
    o.lsoa.push(place.lsoa_code);
    o.ward.push(place.ward_code);
    o.lad.push(place.lad_code);
    o.type.push(this.types.get(type));
    if (id !== '') this.ids.add(ownId, n);
  }

  /**
   * The row's area (see the class comment), or null when it was rejected or
   * left out. Always a PlacedCode (with a point) when the row has no point.
   */
  private place(lsoaText: string, hasPoint: boolean, lon: number, lat: number, n: number): PlacedCode | LocatedArea | null {
    const { log, col, options } = this;
    if (lsoaText !== '') {
      const area = options.areaOfCode(lsoaText);
      if (area && area.lsoa_code !== null) {
        this.byCode++;
        if (!hasPoint) log.interpret(NO_COORDINATES_NOTE);
        return area;
      }
      const code = checkLsoaCode(lsoaText);
      if ('error' in code) {
        if (!hasPoint) return this.reject(col.lsoa, code.error);
      } else {
        const successors = options.lsoa2011?.(code.value) ?? null;
        if (successors) return hasPoint ? this.byPointOr2011(lon, lat, successors, n) : this.nearestOf(successors, null);
        // Without the 2011 list (it is always loaded for police imports) the point decides, as it used to.
        if (options.lsoa2011) return this.leftOut(n, `The LSOA code ${quote(code.value)} is another council's small area.`);
        if (!hasPoint) return this.leftOut(n, `The LSOA code ${quote(code.value)} isn't one of the five areas' small areas (another council?).`);
      }
    } else if (!hasPoint) {
      return this.reject(col.lon.name !== undefined ? col.lon : col.lsoa, 'No location: this crime has no coordinates or LSOA code (police.uk leaves some crimes unplaced).');
    }
    return this.byPointOr2011(lon, lat, null, n, lsoaText !== '');
  }

  private byPointOr2011(lon: number, lat: number, successors: readonly string[] | null, n: number, hasCode = true): PlacedCode | LocatedArea | null {
    const located = this.options.locate(lon, lat);
    // A 2011 code says which old area the point is in: on our simplified shapes a point can land
    // next door, outside every successor, and then the nearest successor is the better guess.
    if (located && (!successors || successors.includes(located.lsoa_code))) {
      this.byPoint++;
      return located;
    }
    if (successors) return this.nearestOf(successors, [lon, lat]);
    const reason = `The point (longitude ${lon.toFixed(5)}, latitude ${lat.toFixed(5)}) is ${OUTSIDE_REASON}`;
    // With a code, police.uk placed it in another council; without one it may be in the sea: that is listed.
    if (hasCode) return this.leftOut(n, reason);
    this.log.reject(this.col.lon.name, reason, 'outside');
    return null;
  }

  /** One of a 2011 code's 2021 successors: the one nearest the point, or the only one. */
  private nearestOf(successors: readonly string[], point: [number, number] | null): PlacedCode | null {
    let best: PlacedCode | null = null;
    let bestD = Infinity;
    for (const s of successors) {
      const a = this.options.areaOfCode(s);
      if (!a) continue;
      const d = point ? (a.lon - point[0]) ** 2 + (a.lat - point[1]) ** 2 : 0;
      if (d < bestD) [best, bestD] = [a, d];
      if (!point) break;
    }
    if (!best) return this.reject(this.col.lsoa, 'The 2011 LSOA code has no 2021 small area in the five areas.');
    if (!point && successors.length > 1) return this.reject(this.col.lsoa, 'This crime has a 2011 LSOA code that 2021 split into several small areas, and no coordinates to choose between them.');
    this.byPoint++;
    this.log.interpret(point ? NEAREST_NOTE : NO_COORDINATES_NOTE);
    return best;
  }

  private reject(column: FieldColumn, reason: string): null {
    this.log.reject(column.name, reason);
    return null;
  }

  /** Another council's row: counted, and summed up in one line at the end instead of one line each. */
  private leftOut(n: number, reason: string): null {
    this.outsideCount++;
    if (this.outsideRows.length < OUTSIDE_EXAMPLES) this.outsideRows.push(n);
    this.log.reject(this.col.lsoa.name ?? this.col.lon.name, reason, 'outside', false);
    return null;
  }

  /** fingerprint#k: the k-th row in this file with the same month, location, coordinates, crime type and context. */
  private noIdKey(row: string[], month: string, lonText: string, latText: string, type: string): string {
    const fp = this.hasher.reset().add(month).add(cell(row, this.col.location)).add(lonText).add(latText).add(type).add(cell(row, this.col.context)).key();
    const k = (this.repeats.get(fp) ?? 0) + 1;
    this.repeats.set(fp, k);
    return `${NO_ID_PREFIX}${fp}#${k}`;
  }

  finish(): Partial<Record<EvidenceTable, Columns>> {
    const log = this.log;
    const count = (k: number) => `${k.toLocaleString('en-GB')} ${k === 1 ? 'row' : 'rows'}`;
    if (this.byCode + this.byPoint > 0) {
      log.noteOnce(
        `Placed by the LSOA 2021 code police.uk gives: ${count(this.byCode)}; placed by their point (no code, or a 2011 code): ${count(this.byPoint)}.`,
      );
    }
    if (this.outsideCount > 0) {
      const rows = this.outsideRows;
      const examples = rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(', ')}${this.outsideCount > rows.length ? ', ' : ' and '}${rows.at(-1)}${this.outsideCount > rows.length ? ' and others' : ''}`;
      log.noteOnce(`${count(this.outsideCount)} ${this.outsideCount === 1 ? 'is' : 'are'} outside the five areas (another council in the force's area) and ${this.outsideCount === 1 ? 'was' : 'were'} left out: ${examples}.`);
    }
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
