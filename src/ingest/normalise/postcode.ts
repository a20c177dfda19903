import { quote } from '../validate/result.ts';

/** Outward code (area letters, district digit, optional letter/digit) and inward code (digit, two letters). */
const SHAPE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

export type PostcodeCheck = { value: string; outward: string } | { error: string };

/**
 * A postcode however it was typed ("ch12ab", "CH1  2AB", " ch1 2ab ") in the
 * one form the lookup holds ("CH1 2AB"), or a plain reason it cannot be one.
 * Only the shape is checked here; whether the postcode exists is the lookup's job.
 */
export function normalisePostcode(text: string): PostcodeCheck {
  const squeezed = text.replace(/\s+/g, '').toUpperCase();
  if (squeezed === '') return { error: 'The postcode is blank.' };
  const m = SHAPE.exec(squeezed);
  if (!m) {
    const hint = squeezed.length < 5 ? " (it is too short — is it only the first half, such as 'KT1'?)" : squeezed.length > 7 ? ' (it is too long)' : '';
    return { error: `The postcode ${quote(text.trim())} isn't a UK postcode${hint}; a postcode looks like 'KT1 2AB' or 'CH65 9HQ'.` };
  }
  return { value: `${m[1]} ${m[2]}`, outward: m[1]! };
}

/** A postcode's place for an imported row, or why it has none (see AreaLookup.placePostcode). */
export type PostcodePlacement =
  | { lon: number; lat: number; lsoa_code: string; ward_code: string; lad_code: string; postcode: string; centroid: boolean }
  | { problem: 'malformed' | 'outside' | 'unknown'; reason: string };

/** Said once per file placed by postcode: a postcode is personal data, so only the area it gives is kept. */
export const POSTCODE_PRIVACY_NOTE = 'Postcodes were used only to place each row in its small area and ward; the postcodes themselves are not kept or shown anywhere (area-level only).';

/** Said once per file when postcodes without a centroid were placed inside their small area. */
export const NO_CENTROID_NOTE = "Postcodes with no centroid in the May 2025 postcode lookup (usually terminated postcodes) were placed at a point inside their small area";

/**
 * A row placed by its postcode: at the postcode's centroid, in its LSOA 2021,
 * that LSOA's best-fit ward and its authority. The postcode itself is never
 * kept (it is personal data): only the area and the point are. A postcode
 * without a centroid is placed inside its small area and listed on its row.
 */
export function placeByPostcode(
  text: string,
  column: string | undefined,
  place: ((text: string) => PostcodePlacement) | undefined,
  log: { reject(column: string | undefined, reason: string, cause?: 'outside'): void; alter(column: string | undefined, reason: string): void; noteOnce(text: string): void },
  noLookupReason: string,
): { lon: number; lat: number; lsoa_code: string; ward_code: string; lad_code: string } | null {
  if (!place) {
    log.reject(column, noLookupReason);
    return null;
  }
  const p = place(text);
  if ('problem' in p) {
    log.reject(column, p.reason, p.problem === 'outside' ? 'outside' : undefined);
    return null;
  }
  log.noteOnce(POSTCODE_PRIVACY_NOTE);
  if (!p.centroid) {
    log.alter(column, `The postcode '${p.postcode}' has no centroid in the postcode lookup (usually a terminated postcode), so the row is placed at a point inside its small area ${p.lsoa_code}.`);
    log.noteOnce(`${NO_CENTROID_NOTE}.`);
  }
  return { lon: p.lon, lat: p.lat, lsoa_code: p.lsoa_code, ward_code: p.ward_code, lad_code: p.lad_code };
}
