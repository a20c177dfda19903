import type { DatasetKind, EvidenceTable, RowIssue } from '../schemas.ts';
import type { Mapping } from '../map/fields.ts';
import type { ValueChoices, ValueCount } from '../importProtocol.ts';
import type { PostcodePlacement } from './postcode.ts';

export type { RawChunk } from '../read/types.ts';

/**
 * One evidence table as columns, in EVIDENCE_TABLES order. Text columns are
 * string arrays (null = missing); numbers are Float64Array (NaN = missing,
 * written as null in Arrow); counts and grades are Int32Array.
 */
export type Columns = Record<string, (string | null)[] | Float64Array | Int32Array>;

/** Where a point or code lands; supplied by the spatial index (AreaLookup). */
export interface LocatedArea {
  lsoa_code: string;
  ward_code: string;
  lad_code: string;
}

export interface PlacedCode {
  lsoa_code: string | null;
  ward_code: string;
  lad_code: string;
  lon: number;
  lat: number;
}

export interface NormaliseOptions {
  datasetId: string;
  kind: DatasetKind;
  mapping: Mapping;
  header: string[];
  /** Order of numeric dates such as 03/04/2025; UK day-first when not given. */
  dateOrder?: 'dmy' | 'mdy';
  /** Read the column mapped as latitude as longitude and vice versa (offered when they look swapped). */
  swapLatLon?: boolean;
  /** User-supplied venue list, matched ignoring case and spacing. */
  venues?: Map<string, { lon: number; lat: number }>;
  /** Spatial assignment of a WGS84 point, or null outside every area. */
  locate(lon: number, lat: number): LocatedArea | null;
  /** An LSOA or ward code of the built-in areas, with a point inside it, or null. */
  areaOfCode(code: string): PlacedCode | null;
  /** A postcode's place (the NSPL lookup, AreaLookup.placePostcode); absent when no lookup is loaded. */
  placePostcode?(text: string): PostcodePlacement;
  /** The 2021 successors of one of the five areas' changed LSOA 2011 codes, or null (AreaLookup.lsoa2011). */
  lsoa2011?(code: string): readonly string[] | null;
  /** The file's name, for the `source` column of imported crimes. */
  fileName?: string;
  /** Cap on listed issues (default 10,000); the rest are counted in issuesNotListed. */
  maxIssues?: number;
  /** Coordinates are written with a decimal comma ("51,40412"): decided by the reader (RawChunk.decimalComma). */
  decimalComma?: boolean;
  /** The values step's choices (ImportChoices.values), applied before the value rules. */
  values?: ValueChoices;
  /** Keep survey rows whose date is impossible (31/02) as undated instead of rejecting them. */
  keepImpossibleDatesUndated?: boolean;
}

export interface NormalisedDataset {
  tables: Partial<Record<EvidenceTable, Columns>>;
  /** Rejected and altered rows, in file order, up to maxIssues. */
  issues: RowIssue[];
  issuesNotListed: number;
  /**
   * File-wide notes, each said once: how values were read ("'Police & safety'
   * read as 'Policing & safety' (12 rows)"), date order, blank rows skipped.
   */
  notes: string[];
  /** Non-blank data rows seen; rowsRead = rowsAccepted + rowsRejected. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Accepted rows with at least one alteration listed in issues. */
  rowsAltered: number;
  /** Rows rejected because their point or code is outside every area. */
  outside: number;
  /** Rows rejected as repeats of an earlier row (same id, visit or Crime ID). */
  duplicates: number;
  /** Survey responses kept without a place (online, phone, post, paper, or no place given), by channel. */
  placeless?: { count: number; channels: ValueCount[] };
}
