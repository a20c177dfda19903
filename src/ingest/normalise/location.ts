import { eastingNorthingToLonLat } from '../map/coordinates.ts';
import type { MappableField } from '../map/fields.ts';
import { checkLsoaCode, checkWardCode } from '../validate/codes.ts';
import { checkEastingNorthing, checkLonLat } from '../validate/coordinates.ts';
import { parseDecimal } from '../validate/numbers.ts';
import { quote } from '../validate/result.ts';
import { type FieldColumn, cell, fieldColumn, round6 } from './cells.ts';
import type { IssueLog } from './issueLog.ts';
import { placeByPostcode } from './postcode.ts';
import type { NormaliseOptions } from './types.ts';

export interface Placement {
  lon: number;
  lat: number;
  lsoa_code: string | null;
  ward_code: string;
  lad_code: string;
}

export const OUTSIDE_REASON = "outside the five areas' boundaries — in the sea or another council?";
export const POSTCODE_REASON = "Postcodes can't be placed without a postcode lookup, which isn't built in; add coordinates, a small-area code or a venue.";

/** Venue names compare without case or repeated spaces. */
export function venueKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Places a survey or street-rep row from whichever location it gives, in this
 * order: longitude/latitude, easting/northing, LSOA code, ward code, venue.
 * A row with only a postcode, or a point outside every area, is rejected.
 */
export class Locator {
  private readonly lon: FieldColumn;
  private readonly lat: FieldColumn;
  private readonly easting: FieldColumn;
  private readonly northing: FieldColumn;
  private readonly lsoa: FieldColumn;
  private readonly ward: FieldColumn;
  private readonly venue: FieldColumn;
  private readonly postcode: FieldColumn;
  private readonly venues: Map<string, { lon: number; lat: number }> | null;

  constructor(private readonly options: NormaliseOptions) {
    const { header, mapping } = options;
    const at = (f: MappableField): FieldColumn => fieldColumn(header, mapping, f);
    // Swapping is done by reading each column as the other.
    this.lon = at(options.swapLatLon ? 'lat' : 'lon');
    this.lat = at(options.swapLatLon ? 'lon' : 'lat');
    this.easting = at('easting');
    this.northing = at('northing');
    this.lsoa = at('lsoa_code');
    this.ward = at('ward_code');
    this.venue = at('venue');
    this.postcode = at('postcode');
    this.venues = options.venues && options.venues.size > 0 ? new Map([...options.venues].map(([name, p]) => [venueKey(name), p])) : null;
  }

  /** True when the row has any location cell filled in. */
  hasLocation(row: string[]): boolean {
    return [this.lon, this.lat, this.easting, this.northing, this.lsoa, this.ward, this.venue, this.postcode].some((c) => cell(row, c) !== '');
  }

  /** The row's place, or null when the row was rejected (the reason is in the log). */
  place(row: string[], log: IssueLog): Placement | null {
    const lonText = cell(row, this.lon);
    const latText = cell(row, this.lat);
    if (lonText !== '' || latText !== '') return this.fromPair(lonText, latText, this.lon, this.lat, 'longitude', 'latitude', log, row);
    const eText = cell(row, this.easting);
    const nText = cell(row, this.northing);
    if (eText !== '' || nText !== '') return this.fromPair(eText, nText, this.easting, this.northing, 'easting', 'northing', log, row);
    const lsoaText = cell(row, this.lsoa);
    if (lsoaText !== '') return this.fromCode(this.lsoa, checkLsoaCode(lsoaText), 'LSOA', log);
    const wardText = cell(row, this.ward);
    if (wardText !== '') return this.fromCode(this.ward, checkWardCode(wardText), 'ward', log);
    const venueText = cell(row, this.venue);
    if (venueText !== '') return this.placeVenue(venueText, row, log);
    const postcodeText = cell(row, this.postcode);
    if (postcodeText !== '') return placeByPostcode(postcodeText, this.postcode.name, this.options.placePostcode, log, POSTCODE_REASON);
    log.reject(undefined, 'This row has no location: no coordinates, small-area code or venue.');
    return null;
  }

  /** True when the row gives a place other than a venue name (coordinates, a code or a postcode). */
  hasPointOrCode(row: string[]): boolean {
    return [this.lon, this.lat, this.easting, this.northing, this.lsoa, this.ward, this.postcode].some((c) => cell(row, c) !== '');
  }

  /**
   * A venue's place from the venue list. `name` is the venue as written or,
   * after the values step, the list venue the person matched it to.
   */
  placeVenue(name: string, row: string[], log: IssueLog): Placement | null {
    if (!this.venues) {
      log.reject(this.venue.name, `The venue ${quote(name)} can't be placed without a venue list; load one with each venue's latitude and longitude, or choose to keep these rows without a place.`);
      return null;
    }
    const point = this.venues.get(venueKey(name));
    if (!point) {
      log.reject(this.venue.name, `The venue ${quote(name)} isn't in the venue list; match it to a venue in the values step, add it to the list with its latitude and longitude, or choose to keep these rows without a place.`);
      return null;
    }
    return this.fromPoint(point.lon, point.lat, log, row, this.venue);
  }

  private fromPair(aText: string, bText: string, aCol: FieldColumn, bCol: FieldColumn, aLabel: string, bLabel: string, log: IssueLog, row: string[]): Placement | null {
    if (aText === '' || bText === '') {
      const [given, missing, missingCol] = aText === '' ? [bLabel, aLabel, aCol] : [aLabel, bLabel, bCol];
      log.reject(missingCol.name, `The ${given} is given but the ${missing} is blank.`);
      return null;
    }
    const a = parseDecimal(aText, this.options);
    const b = parseDecimal(bText, this.options);
    if (!Number.isFinite(a)) return rejectNumber(log, aCol, aLabel, aText);
    if (!Number.isFinite(b)) return rejectNumber(log, bCol, bLabel, bText);
    if (aLabel === 'longitude') {
      const checked = checkLonLat(a, b);
      if ('error' in checked) {
        log.reject(bCol.name, checked.error);
        return null;
      }
      return this.fromPoint(a, b, log, row, aCol);
    }
    const checked = checkEastingNorthing(a, b);
    if ('error' in checked) {
      log.reject(aCol.name, checked.error);
      return null;
    }
    const [lon, lat] = eastingNorthingToLonLat(a, b);
    return this.fromPoint(round6(lon), round6(lat), log, row, aCol);
  }

  private fromPoint(lon: number, lat: number, log: IssueLog, row: string[], column: FieldColumn): Placement | null {
    const area = this.options.locate(lon, lat);
    if (!area) {
      log.reject(column.name, `The point (longitude ${lon.toFixed(5)}, latitude ${lat.toFixed(5)}) is ${OUTSIDE_REASON}`, 'outside');
      return null;
    }
    this.compareCodes(row, area.lsoa_code, area.ward_code, log);
    return { lon, lat, lsoa_code: area.lsoa_code, ward_code: area.ward_code, lad_code: area.lad_code };
  }

  /** A code given beside coordinates that disagrees with where the point falls is noted; the point wins. */
  private compareCodes(row: string[], lsoa: string, ward: string, log: IssueLog): void {
    const givenLsoa = cell(row, this.lsoa).toUpperCase();
    if (givenLsoa !== '' && givenLsoa !== lsoa) log.alter(this.lsoa.name, `The LSOA code ${quote(givenLsoa)} differs from the small area the point falls in (${lsoa}); the point's area is used.`);
    const givenWard = cell(row, this.ward).toUpperCase();
    if (givenWard !== '' && givenWard !== ward) log.alter(this.ward.name, `The ward code ${quote(givenWard)} differs from the ward the point falls in (${ward}); the point's ward is used.`);
  }

  private fromCode(column: FieldColumn, checked: { value: string } | { error: string }, what: string, log: IssueLog): Placement | null {
    if ('error' in checked) {
      log.reject(column.name, checked.error);
      return null;
    }
    const area = this.options.areaOfCode(checked.value);
    if (!area) {
      log.reject(column.name, `The ${what} code ${quote(checked.value)} isn't one of the five areas' ${what === 'LSOA' ? 'small areas' : 'wards'} (another council?).`, 'outside');
      return null;
    }
    return { lon: area.lon, lat: area.lat, lsoa_code: area.lsoa_code, ward_code: area.ward_code, lad_code: area.lad_code };
  }
}

function rejectNumber(log: IssueLog, column: FieldColumn, label: string, text: string): null {
  log.reject(column.name, `The ${label} ${quote(text)} isn't a number.`);
  return null;
}
